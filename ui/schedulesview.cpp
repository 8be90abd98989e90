#include "schedulesview.h"

#include "flowlayout.h"
#include "orgdirectory.h"
#include "overridemodel.h"
#include "overridesview.h"
#include "schedulemodel.h"
#include "scheduletimeline.h"
#include "viewchrome.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace rota {

namespace {
constexpr int SlugRole = Qt::UserRole + 1;
constexpr qint64 msPerDay = 24LL * 3600 * 1000;
} // namespace

SchedulesView::SchedulesView(ApiClient* client, const QString& username, QWidget* parent)
    : SchedulesView(client, nullptr, username, parent)
{
}

SchedulesView::SchedulesView(
    ApiClient* client, OrgDirectory* directory, const QString& username, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_directory(directory ? directory : new OrgDirectory(client, this))
    , m_username(username)
    , m_model(new ScheduleModel(client, this))
    , m_timeline(new ScheduleTimeline(this))
    , m_teams(new QStandardItemModel(this))
    , m_teamFilter(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_teamList(new QListView(this))
    , m_rotations(new QListWidget(this))
    , m_rotationsTitle(new QLabel(tr("Rotation groups"), this))
    , m_mine(new QCheckBox(tr("&My schedule"), this))
    , m_back(new QToolButton(this))
    , m_today(new QToolButton(this))
    , m_forward(new QToolButton(this))
    , m_span(new QComboBox(this))
    , m_zone(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
{
    m_timeline->setModel(m_model);
    m_span->setObjectName(QStringLiteral("spanCombo"));
    m_zone->setObjectName(QStringLiteral("zoneCombo"));
    m_mine->setObjectName(QStringLiteral("myScheduleCheck"));
    m_search->setObjectName(QStringLiteral("teamSearch"));
    m_teamList->setObjectName(QStringLiteral("teamList"));
    m_rotations->setObjectName(QStringLiteral("rotationList"));
    m_today->setObjectName(QStringLiteral("todayButton"));
    m_forward->setObjectName(QStringLiteral("forwardButton"));
    m_back->setObjectName(QStringLiteral("backButton"));
    m_status->setObjectName(QStringLiteral("scheduleStatus"));
    m_timeline->setEmptyText(tr("Pick a team to see its schedule."));

    // Left: the team picker and the team's rotation groups.
    m_search->setPlaceholderText(tr("Search teams"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search teams"));
    m_teamFilter->setSourceModel(m_teams);
    m_teamFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_teamFilter->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_teamList->setModel(m_teamFilter);
    m_teamList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_teamList->setUniformItemSizes(true);
    m_teamList->setAccessibleName(tr("Teams"));
    QFont titleFont = m_rotationsTitle->font();
    titleFont.setBold(true);
    m_rotationsTitle->setFont(titleFont);
    m_rotations->setAccessibleName(tr("Rotation groups"));
    m_rotations->setSelectionMode(QAbstractItemView::NoSelection);
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_search);
    sideLayout->addWidget(m_teamList, 3);
    sideLayout->addWidget(m_rotationsTitle);
    sideLayout->addWidget(m_rotations, 1);

    // Right: the navigation bar and the timeline.
    m_back->setText(QStringLiteral("◀"));
    m_back->setToolTip(tr("One day back (Left; Page Up: one span)"));
    m_back->setAccessibleName(tr("Back"));
    m_today->setText(tr("Today"));
    m_today->setToolTip(tr("Start at today (Home)"));
    m_forward->setText(QStringLiteral("▶"));
    m_forward->setToolTip(tr("One day forward (Right; Page Down: one span)"));
    m_forward->setAccessibleName(tr("Forward"));
    m_span->addItem(tr("1 day"), 1);
    m_span->addItem(tr("1 week"), 7);
    m_span->addItem(tr("2 weeks"), 14);
    m_span->addItem(tr("4 weeks"), 28);
    m_span->setCurrentIndex(1);
    m_span->setAccessibleName(tr("Span"));
    // Room for "Team's zone (Europe/Berlin)"; a longer zone shows whole in the open list.
    m_zone->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_zone->setMinimumContentsLength(24);
    m_zone->addItem(tr("Local time"));
    m_zone->addItem(tr("Team's time zone"));
    m_zone->setAccessibleName(tr("Time zone"));
    m_zone->setToolTip(tr("Draw days and hours in local time or in the team's own zone"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(100);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    // The bar wraps in a narrow window: the status goes to a row of its own first.
    m_status->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto* stepper = new QWidget(this);
    auto* stepperLayout = new QHBoxLayout(stepper);
    stepperLayout->setContentsMargins(12, 0, 0, 0);
    stepperLayout->addWidget(m_back);
    stepperLayout->addWidget(m_today);
    stepperLayout->addWidget(m_forward);
    auto* bar = new FlowLayout;
    bar->addWidget(m_mine);
    bar->addWidget(stepper);
    bar->addWidget(m_span);
    bar->addWidget(m_zone);
    bar->addWidget(m_busy);
    bar->addWidget(m_status);
    auto* main = new QWidget(this);
    auto* mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->addLayout(bar);
    mainLayout->addWidget(m_timeline, 1);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(side);
    splitter->addWidget(main);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 220, 900 });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_search, &QLineEdit::textChanged, m_teamFilter,
        &QSortFilterProxyModel::setFilterFixedString);
    connect(m_teamList->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) {
            if (current.isValid())
                selectTeam(current.data(SlugRole).toString());
        });
    connect(m_mine, &QCheckBox::toggled, this, &SchedulesView::setMySchedule);
    connect(m_back, &QToolButton::clicked, m_timeline, &ScheduleTimeline::stepBack);
    connect(m_forward, &QToolButton::clicked, m_timeline, &ScheduleTimeline::stepForward);
    connect(m_today, &QToolButton::clicked, m_timeline, &ScheduleTimeline::goToToday);
    connect(m_span, &QComboBox::currentIndexChanged, this,
        [this] { m_timeline->setRange(m_timeline->firstDay(), m_span->currentData().toInt()); });
    connect(m_zone, &QComboBox::currentIndexChanged, this, &SchedulesView::applyZone);
    connect(m_timeline, &ScheduleTimeline::rangeChanged, this, [this](const QDate&, int days) {
        const int at = m_span->findData(days);
        if (at >= 0 && at != m_span->currentIndex()) {
            const QSignalBlocker block(m_span);
            m_span->setCurrentIndex(at);
        }
        loadSchedule();
    });
    connect(m_model, &ScheduleModel::loadingChanged, this, &SchedulesView::updateStatus);
    connect(addRefreshShortcut(this), &QAction::triggered, m_model, &ScheduleModel::reload);
    connect(m_model, &ScheduleModel::loaded, this, [this] {
        m_teamZone = m_model->teamZoneId();
        m_zone->setItemText(1,
            m_teamZone.isEmpty() ? tr("Team's time zone")
                                 : tr("Team's zone (%1)").arg(QString::fromUtf8(m_teamZone)));
        if (m_zone->currentIndex() == 1)
            applyZone();
        updateStatus();
        Q_EMIT scheduleLoaded();
    });
    m_timeline->setRange(m_timeline->firstDay(), 7);
}

SchedulesView::~SchedulesView() = default;

void SchedulesView::start()
{
    connect(m_directory, &OrgDirectory::teamsChanged, this, &SchedulesView::showTeams);
    connect(m_directory, &OrgDirectory::teamsFailed, this, [this](const QString& error) {
        if (m_teams->rowCount() > 0)
            return; // the list shown stays good enough
        m_teamsError = error;
        updateStatus();
        Q_EMIT teamsLoaded();
    });
    connect(m_directory, &OrgDirectory::usersChanged, this, &SchedulesView::showUsers);
    // Names are a nicety: usernames stand in for them when the people cannot be read.
    connect(m_directory, &OrgDirectory::rotationGroupsChanged, this,
        &SchedulesView::showRotationGroups);
    connect(m_directory, &OrgDirectory::rotationGroupsFailed, this,
        [this](const QString& teamSlug, const QString& error) {
            if (teamSlug != m_team)
                return;
            m_rotations->clear();
            m_rotations->addItem(error);
        });
    m_busy->show();
    if (m_directory->hasTeams())
        showTeams();
    if (m_directory->hasUsers())
        showUsers();
    m_directory->ensureLoaded(RequestScheduler::Priority::Background);
}

void SchedulesView::showTeams()
{
    // Filled once: refilling would lose the team picked; team names seldom change in a session.
    if (m_teams->rowCount() > 0)
        return;
    m_teamsError.clear();
    for (const Team& team : m_directory->teams()) {
        auto* item = new QStandardItem(team.name);
        item->setData(team.slug, SlugRole);
        item->setToolTip(tr("%n member(s)", nullptr, team.memberCount));
        m_teams->appendRow(item);
    }
    m_teamFilter->sort(0);
    updateStatus();
    if (m_team.isEmpty() && !m_mine->isChecked() && m_teamFilter->rowCount() > 0)
        m_teamList->setCurrentIndex(m_teamFilter->index(0, 0));
    Q_EMIT teamsLoaded();
}

void SchedulesView::showUsers()
{
    m_names = m_directory->userNames();
    m_model->setUserNames(m_names);
    m_timeline->update();
    Q_EMIT userNamesLoaded(m_names);
}

void SchedulesView::selectTeam(const QString& teamSlug)
{
    if (teamSlug.isEmpty())
        return;
    for (int r = 0; r < m_teamFilter->rowCount(); ++r) {
        const QModelIndex index = m_teamFilter->index(r, 0);
        if (index.data(SlugRole).toString() == teamSlug && m_teamList->currentIndex() != index) {
            m_teamList->setCurrentIndex(index);
            return; // currentChanged comes back here
        }
    }
    if (m_mine->isChecked()) {
        const QSignalBlocker block(m_mine);
        m_mine->setChecked(false);
    }
    m_team = teamSlug;
    m_teamList->setEnabled(true);
    loadRotationGroups(teamSlug);
    loadSchedule();
}

void SchedulesView::setMySchedule(bool mine)
{
    if (m_mine->isChecked() != mine) {
        m_mine->setChecked(mine); // toggled comes back here
        return;
    }
    m_rotations->setEnabled(!mine);
    m_rotationsTitle->setEnabled(!mine);
    if (!mine && m_team.isEmpty() && m_teamFilter->rowCount() > 0)
        m_teamList->setCurrentIndex(m_teamFilter->index(0, 0));
    loadSchedule();
}

void SchedulesView::loadSchedule()
{
    const bool mine = m_mine->isChecked();
    if (!mine && m_team.isEmpty())
        return;
    // The service answers from now on: daysSkip whole days ahead, daysForward days long.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 toStart = now.msecsTo(m_timeline->geometry().start());
    const qint64 toEnd = now.msecsTo(m_timeline->geometry().end());
    const QString subject
        = mine ? QStringLiteral("user:") + m_username : QStringLiteral("team:") + m_team;
    if (toEnd <= 0) {
        m_model->setSchedule(subject, {});
        m_timeline->setEmptyText(tr("The service only shows schedules from now on. "
                                    "Past shifts are in Reports."));
        return;
    }
    const int skip = static_cast<int>(std::max<qint64>(0, toStart / msPerDay));
    if (skip > 90) {
        m_model->setSchedule(subject, {});
        m_timeline->setEmptyText(tr("The service shows schedules up to 90 days ahead."));
        return;
    }
    const int forward
        = static_cast<int>(std::clamp<qint64>((toEnd + msPerDay - 1) / msPerDay - skip, 1, 30));
    m_timeline->setEmptyText(tr("Loading the schedule…"));
    if (mine)
        m_model->loadUser(m_username, skip, forward);
    else
        m_model->loadTeam(m_team, skip, forward);
    updateStatus();
}

void SchedulesView::loadRotationGroups(const QString& teamSlug)
{
    m_rotations->clear();
    if (m_directory->hasRotationGroups(teamSlug)) {
        showRotationGroups(teamSlug);
        return;
    }
    m_rotations->addItem(tr("Loading…"));
    m_directory->loadRotationGroups(teamSlug, RequestScheduler::Priority::Background);
}

void SchedulesView::showRotationGroups(const QString& teamSlug)
{
    if (teamSlug != m_team)
        return;
    m_rotations->clear();
    const QList<RotationGroup> groups = m_directory->rotationGroups(teamSlug);
    if (groups.isEmpty())
        m_rotations->addItem(tr("This team has no rotation groups."));
    for (const RotationGroup& group : groups) {
        auto* item = new QListWidgetItem(group.label, m_rotations);
        item->setToolTip(group.slug);
    }
}

void SchedulesView::setTeamZone(bool team) { m_zone->setCurrentIndex(team ? 1 : 0); }

void SchedulesView::applyZone()
{
    const bool team = m_zone->currentIndex() == 1 && !m_teamZone.isEmpty();
    m_timeline->setZone(team ? QTimeZone(m_teamZone) : QTimeZone());
}

void SchedulesView::updateStatus()
{
    const bool loading = m_model->isLoading();
    m_busy->setVisible(loading);
    QString text;
    if (!m_teamsError.isEmpty())
        text = m_teamsError;
    else if (loading)
        text = tr("Loading the schedule…"); // at once, however slow the answer (F5 too)
    else if (!m_model->errorText().isEmpty())
        text = tr("Could not load the schedule: %1").arg(m_model->errorText());
    m_status->setText(text);
    if (!loading && m_model->rowCount() == 0) {
        m_timeline->setEmptyText(m_model->errorText().isEmpty()
                ? tr("Nobody is scheduled in these days.")
                : tr("Could not load the schedule: %1").arg(m_model->errorText()));
    }
}

SchedulesPage::SchedulesPage(ApiClient* client, const QString& username, QWidget* parent)
    : SchedulesPage(client, nullptr, username, parent)
{
}

SchedulesPage::SchedulesPage(
    ApiClient* client, OrgDirectory* directory, const QString& username, QWidget* parent)
    : QTabWidget(parent)
    , m_client(client)
    , m_schedules(new SchedulesView(client, directory, username, this))
    , m_overrides(new OverridesView(client, m_schedules->directory(), this))
{
    addTab(m_schedules, tr("&Schedules"));
    addTab(m_overrides, tr("&Overrides"));
    setDocumentMode(true);
    // One people list for both tabs.
    connect(
        m_schedules, &SchedulesView::userNamesLoaded, m_overrides, &OverridesView::setUserNames);
}

void SchedulesPage::start()
{
    if (m_started)
        return;
    m_started = true;
    m_schedules->start();
    m_overrides->start();
}

void SchedulesPage::showEvent(QShowEvent* event)
{
    QTabWidget::showEvent(event);
    start();
}

void SchedulesPage::stageTimelineScene(const std::function<void()>& ready)
{
    setCurrentWidget(m_schedules);
    start();
    // Find an override someone stands in for, soonest first, and show its team around it. The
    // scene reads (and later writes) through a model of its own, so the Overrides tab shows no
    // trace of it.
    OverrideModel* scene = sceneModel();
    connect(
        scene, &OverrideModel::loaded, this,
        [this, scene, ready] {
            QString team;
            QDateTime start;
            if (scene->errorText().isEmpty()) {
                const QDateTime now = QDateTime::currentDateTimeUtc();
                for (int r = 0; r < scene->rowCount(); ++r) {
                    const ScheduledOverride& o = scene->override(r);
                    if (o.end.utc <= now || o.start.utc > now.addDays(12))
                        continue;
                    for (const OverrideAssignment& a : o.assignments) {
                        if (a.assigned && !a.user.isEmpty() && !a.team.isEmpty()
                            && (!start.isValid() || o.start.utc < start)) {
                            team = a.team;
                            start = o.start.utc;
                        }
                    }
                }
            }
            const auto shown = std::make_shared<QMetaObject::Connection>();
            *shown
                = connect(m_schedules, &SchedulesView::scheduleLoaded, this, [this, shown, ready] {
                      QObject::disconnect(*shown);
                      // The team's zone is known now; showing it loads the days again (when it
                      // differs).
                      const QTimeZone before = m_schedules->timeline()->zone();
                      m_schedules->setTeamZone(true);
                      if (m_schedules->timeline()->zone() == before) {
                          addSceneOverride(ready);
                          return;
                      }
                      connect(
                          m_schedules, &SchedulesView::scheduleLoaded, this,
                          [this, ready] { addSceneOverride(ready); }, Qt::SingleShotConnection);
                  });
            m_schedules->timeline()->setRange(QDate::currentDate(), 14);
            if (!team.isEmpty())
                m_schedules->selectTeam(team);
        },
        Qt::SingleShotConnection);
    scene->load(true);
}

OverrideModel* SchedulesPage::sceneModel()
{
    if (!m_sceneModel)
        m_sceneModel = new OverrideModel(m_client, this);
    return m_sceneModel;
}

void SchedulesPage::addSceneOverride(const std::function<void()>& ready)
{
    // The picture should show an override on a rotation row. When none is in view, one is made
    // for a coming shift's person, with a teammate standing in on that policy; the overrides
    // scene takes it away again.
    const TimelineGeometry& view = m_schedules->timeline()->geometry();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString policy;
    QString away;
    QString standIn;
    QDateTime from;
    QDateTime to;
    for (const ScheduleRow& row : m_schedules->model()->rows()) {
        if (row.kind != ScheduleRow::Kind::Rotation
            || !row.onCallType.startsWith(QLatin1String("rotation_group")))
            continue;
        for (const ScheduleShift& shift : row.shifts) {
            if (shift.isOverride && view.overlaps(shift.start, shift.end)) {
                ready();
                return;
            }
        }
        if (!policy.isEmpty())
            continue;
        for (const ScheduleShift& shift : row.shifts) {
            if (shift.start <= now || shift.user.isEmpty()
                || !view.overlaps(shift.start, shift.end))
                continue;
            for (const ScheduleShift& other : row.shifts) {
                if (!other.user.isEmpty() && other.user != shift.user) {
                    standIn = other.user;
                    break;
                }
            }
            if (standIn.isEmpty())
                break;
            policy = row.policySlug;
            away = shift.user;
            const qint64 length = shift.start.secsTo(shift.end);
            from = shift.start.addSecs(length / 3);
            to = from.addSecs(std::min<qint64>(length / 3, 36 * 3600));
            break;
        }
    }
    if (policy.isEmpty()) {
        ready();
        return;
    }
    NewScheduledOverride o;
    o.username = away;
    const QByteArray zone = m_schedules->model()->teamZoneId();
    o.timeZone = zone.isEmpty() ? QStringLiteral("UTC") : QString::fromUtf8(zone);
    o.start = from;
    o.end = to;
    OverrideModel* scene = sceneModel();
    const auto step = std::make_shared<QMetaObject::Connection>();
    *step = connect(scene, &OverrideModel::actionFinished, this,
        [this, scene, step, policy, standIn, ready](
            const QString& action, bool ok, const QString&, const QString& publicId) {
            if (action == QLatin1String("create")) {
                if (!ok) {
                    QObject::disconnect(*step);
                    ready();
                    return;
                }
                m_sceneOverride = publicId;
                scene->assign(m_sceneOverride, policy, standIn);
                return;
            }
            if (action != QLatin1String("assign"))
                return;
            QObject::disconnect(*step);
            connect(
                m_schedules, &SchedulesView::scheduleLoaded, this, ready, Qt::SingleShotConnection);
            m_schedules->model()->reload();
        });
    scene->create(o);
}

void SchedulesPage::stageOverridesScene(const std::function<void()>& ready)
{
    setCurrentWidget(m_overrides);
    start();
    const auto pick = [this, ready] {
        OverrideModel* model = m_overrides->model();
        QString best;
        for (int r = 0; r < model->rowCount(); ++r) {
            const ScheduledOverride& o = model->override(r);
            const int open = model->index(r, 0).data(OverrideModel::UnassignedCountRole).toInt();
            if (best.isEmpty())
                best = o.publicId;
            if (open > 0 && open < o.assignments.size()) {
                best = o.publicId;
                break;
            }
        }
        if (!best.isEmpty())
            m_overrides->selectOverride(best);
        // Names arrive separately; give them a moment before the picture.
        QTimer::singleShot(300, this, ready);
    };
    const auto reload = [this, pick] {
        connect(m_overrides->model(), &OverrideModel::loaded, this, pick, Qt::SingleShotConnection);
        m_overrides->model()->load(true);
    };
    if (m_sceneOverride.isEmpty()) {
        reload();
        return;
    }
    // The timeline scene's override goes again: the seeded ones are what this picture shows.
    OverrideModel* scene = sceneModel();
    const QString id = m_sceneOverride;
    m_sceneOverride.clear();
    const auto done = std::make_shared<QMetaObject::Connection>();
    *done = connect(scene, &OverrideModel::actionFinished, this,
        [done, id, reload](const QString& action, bool, const QString&, const QString& publicId) {
            if (action != QLatin1String("delete") || publicId != id)
                return;
            QObject::disconnect(*done);
            reload();
        });
    scene->remove(id);
}

} // namespace rota
