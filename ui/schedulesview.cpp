// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "schedulesview.h"

#include "displayformat.h"
#include "flowlayout.h"
#include "look.h"
#include "oncallcontroller.h"
#include "orgdirectory.h"
#include "overridecontroller.h"
#include "overridemodel.h"
#include "overridesview.h"
#include "personcard.h"
#include "persondetails.h"
#include "plaintext.h"
#include "rotationscontroller.h"
#include "rotationspanel.h"
#include "schedulecontroller.h"
#include "schedulemodel.h"
#include "scheduletimeline.h"
#include "viewchrome.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace rota {

namespace {
constexpr int SlugRole = Qt::UserRole + 1;
constexpr qint64 msPerDay = 24LL * 3600 * 1000;
} // namespace

SchedulesView::SchedulesView(ScheduleModel* model, ScheduleController* controller,
    OrgDirectory* directory, const QString& username, QWidget* parent)
    : QWidget(parent)
    , m_directory(directory)
    , m_username(username)
    , m_model(model)
    , m_controller(controller)
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
    , m_notice(new NoticeBar(this))
{
    m_timeline->setModel(m_model);
    m_timeline->setUsername(username);
    m_notice->setObjectName(QStringLiteral("scheduleNotice"));
    m_notice->hide();
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
    look::styleItemView(m_teamList);
    QFont titleFont = m_rotationsTitle->font();
    titleFont.setBold(true);
    m_rotationsTitle->setFont(titleFont);
    m_rotations->setAccessibleName(tr("Rotation groups"));
    m_rotations->setSelectionMode(QAbstractItemView::NoSelection);
    // A reason it could not be read is a sentence: wrapped, not cut at the list's edge.
    m_rotations->setWordWrap(true);
    m_rotations->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Common rows; one that wraps (a long name, a reason) grows to show it whole.
    look::styleItemView(m_rotations);
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_search);
    sideLayout->addWidget(m_teamList, 3);
    sideLayout->addWidget(m_rotationsTitle);
    sideLayout->addWidget(m_rotations, 1);

    // Right: the navigation bar and the timeline.
    m_back->setText(QStringLiteral("◀"));
    m_back->setToolTip(tr("One day back (Ctrl+Left; Page Up: one span)"));
    m_back->setAccessibleName(tr("Back"));
    m_today->setText(tr("Today"));
    m_today->setToolTip(tr("Start at today (Home)"));
    m_forward->setText(QStringLiteral("▶"));
    m_forward->setToolTip(tr("One day forward (Ctrl+Right; Page Down: one span)"));
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
    makePlainLabel(m_status); // the server's messages, as written
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
    mainLayout->addWidget(m_notice);
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
    connect(m_controller, &ScheduleController::loadingChanged, this, &SchedulesView::updateStatus);
    connect(
        addRefreshShortcut(this), &QAction::triggered, m_controller, &ScheduleController::reload);
    connect(m_timeline, &ScheduleTimeline::shiftMenuRequested, this,
        [this](int row, int shift, const QPoint& at) { openShiftMenu(row, shift, at); });
    connect(m_controller, &ScheduleController::loaded, this, [this] {
        // What was done shows in this read: its dashed bars go.
        for (const int ticket : std::as_const(m_done))
            m_pending.remove(ticket);
        m_done.clear();
        m_timeline->setPending(m_pending.values());
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
    if (m_rotationsPanel)
        m_rotationsPanel->setEnabled(!mine);
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
        m_controller->clear(subject);
        m_timeline->setEmptyText(tr("The service only shows schedules from now on. "
                                    "Past shifts are in Reports."));
        return;
    }
    const int skip = static_cast<int>(std::max<qint64>(0, toStart / msPerDay));
    if (skip > 90) {
        m_controller->clear(subject);
        m_timeline->setEmptyText(tr("The service shows schedules up to 90 days ahead."));
        return;
    }
    const int forward
        = static_cast<int>(std::clamp<qint64>((toEnd + msPerDay - 1) / msPerDay - skip, 1, 30));
    m_timeline->setEmptyText(tr("Loading the schedule…"));
    if (mine)
        m_controller->loadUser(m_username, skip, forward);
    else
        m_controller->loadTeam(m_team, skip, forward);
    updateStatus();
}

void SchedulesView::setRotationsController(RotationsController* controller)
{
    if (m_rotationsPanel || !controller)
        return;
    m_rotationsController = controller;
    m_rotationsPanel = new RotationsPanel(controller, this);
    m_rotationsPanel->setUserNames(m_names);
    // The panel takes the plain list's place beside the team picker.
    auto* sideLayout = qobject_cast<QBoxLayout*>(m_rotations->parentWidget()->layout());
    if (sideLayout) {
        delete sideLayout->replaceWidget(m_rotations, m_rotationsPanel);
        // Groups with their shifts and members want more room than the team names.
        sideLayout->setStretchFactor(m_teamList, 2);
        sideLayout->setStretchFactor(m_rotationsPanel, 3);
    }
    m_rotations->hide();
    m_rotationsTitle->hide();
    connect(this, &SchedulesView::userNamesLoaded, m_rotationsPanel, &RotationsPanel::setUserNames);
    // The timeline is redrawn from the service's answer, not from what was asked for.
    connect(m_rotationsPanel, &RotationsPanel::scheduleChanged, m_controller,
        &ScheduleController::reload);
    if (!m_team.isEmpty() && !m_mine->isChecked())
        controller->load(m_team);
}

void SchedulesView::loadRotationGroups(const QString& teamSlug)
{
    if (m_rotationsController) {
        // A team's groups are shown: not "My schedule" (which selectTeam() may have left quietly).
        m_rotationsPanel->setEnabled(true);
        m_rotationsController->load(teamSlug);
    }
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
        item->setToolTip(plainToolTip(group.slug));
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
    const bool loading = m_controller->isLoading();
    const QString error = m_controller->errorText();
    m_busy->setVisible(loading);
    QString text;
    if (!m_teamsError.isEmpty())
        text = m_teamsError;
    else if (loading)
        text = tr("Loading the schedule…"); // at once, however slow the answer (F5 too)
    else if (!error.isEmpty())
        text = tr("Could not load the schedule: %1").arg(error);
    setPlainLabelText(m_status, text, MessageChars);
    if (!loading && m_model->rowCount() == 0) {
        m_timeline->setEmptyText(error.isEmpty()
                ? tr("Nobody is scheduled in these days.")
                : tr("Could not load the schedule: %1").arg(clipped(error, MessageChars)));
    }
}

void SchedulesView::setOverrideController(OverrideController* controller)
{
    if (m_overrides)
        disconnect(m_overrides, nullptr, this, nullptr);
    m_overrides = controller;
    if (controller) {
        connect(controller, &OverrideController::coverFinished, this,
            [this](int ticket, bool ok, const QString& message, const QString& publicId) {
                finishShiftAction(ticket, ok, message + otherPolicies(publicId));
            });
        connect(controller, &OverrideController::actionFinished, this,
            [this](const QString& action, bool ok, const QString& message, const QString& id) {
                if (action == QLatin1String("assign") && m_standIns.contains(id))
                    finishShiftAction(m_standIns.take(id), ok, message);
            });
    }
}

QString SchedulesView::otherPolicies(const QString& publicId) const
{
    // The service gives the override an assignment on every policy of the person away; the
    // cover fills one. The others keep that person on call until someone stands in: said, not
    // left for the warning on the timeline to tell.
    const OverrideModel* overrides = m_overrides ? m_overrides->model() : nullptr;
    const int row = overrides && !publicId.isEmpty() ? overrides->rowOf(publicId) : -1;
    if (row < 0)
        return {};
    const ScheduledOverride& o = overrides->override(row);
    QStringList open;
    for (const OverrideAssignment& a : o.assignments) {
        if (!a.assigned || a.user.isEmpty()) {
            QString name = overrides->policyName(a.policy);
            for (const ScheduleRow& r : m_model->rows()) {
                if (name.isEmpty() || name == a.policy)
                    name = r.policySlug == a.policy ? r.policyName : name;
            }
            open.append(name.isEmpty() ? a.policy : name);
        }
    }
    if (open.isEmpty())
        return {};
    return QLatin1Char(' ')
        + tr("On %1, nobody stands in, so %2 stays on call there.")
              .arg(QLocale().createSeparatedList(open), overrides->displayName(o.username));
}

void SchedulesView::setOnCallController(OnCallController* controller)
{
    if (m_onCall)
        disconnect(m_onCall, nullptr, this, nullptr);
    m_onCall = controller;
    if (controller) {
        connect(controller, &OnCallController::actionFinished, this,
            [this](bool ok, const QString& message) {
                // Takes go one at a time: the answer is the one in flight's, if this view's.
                if (m_takeTicket != 0)
                    finishShiftAction(std::exchange(m_takeTicket, 0), ok, message);
            });
    }
}

void SchedulesView::setPeople(PersonDetails* people) { m_people = people; }

namespace {

//! "Cover until…": a time on the shift, in the zone the timeline shows.
class CoverUntilDialog : public QDialog {
    Q_DECLARE_TR_FUNCTIONS(rota::CoverUntilDialog)
public:
    CoverUntilDialog(const QDateTime& from, const QDateTime& end, const QTimeZone& zone,
        const QString& who, QWidget* parent)
        : QDialog(parent)
        , m_until(new QDateTimeEdit(this))
        , m_zone(zone)
    {
        setWindowTitle(tr("Cover until"));
        setObjectName(QStringLiteral("coverUntilDialog"));
        m_until->setObjectName(QStringLiteral("coverUntil"));
        m_until->setCalendarPopup(true);
        m_until->setDisplayFormat(displayFormat(QStringLiteral("ddd d MMM yyyy HH:mm")));
        // Wall-clock times of the zone shown: the edit itself knows no zone.
        const auto wall = [&zone](const QDateTime& t) {
            const QDateTime local = t.toTimeZone(zone);
            return QDateTime(local.date(), local.time());
        };
        m_until->setMinimumDateTime(wall(from.addSecs(15 * 60)));
        m_until->setMaximumDateTime(wall(end));
        m_until->setDateTime(wall(std::min(from.addSecs(2 * 3600), end)));
        auto* form = new QFormLayout(this);
        auto* says = new QLabel(tr("Stand in for %1 from now until:").arg(who), this);
        makePlainLabel(says);
        form->addRow(says);
        form->addRow(tr("&Until (%1)").arg(QString::fromUtf8(zone.id())), m_until);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        buttons->button(QDialogButtonBox::Ok)->setText(tr("&Cover"));
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    }
    //! The chosen end, UTC.
    QDateTime until() const
    {
        const QDateTime wall = m_until->dateTime();
        return QDateTime(wall.date(), wall.time(), m_zone).toUTC();
    }

private:
    QDateTimeEdit* m_until;
    QTimeZone m_zone;
};

} // namespace

QMenu* SchedulesView::openShiftMenu(int row, int shift, const QPoint& globalPos)
{
    if (row < 0 || row >= m_model->rowCount() || shift < 0
        || shift >= m_model->row(row).shifts.size())
        return nullptr;
    const ScheduleRow r = m_model->row(row);
    const ScheduleShift s = r.shifts.at(shift);
    const QDateTime now = m_timeline->now();
    const QDateTime from = std::max(now, s.start);
    const QString who = m_model->displayName(s.user);
    const QString rowKey = r.key;

    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("shiftMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setToolTipsVisible(true);
    // Why covering is not offered, in words; empty when it is.
    const bool overridesRow = r.kind == ScheduleRow::Kind::Overrides;
    QString notHere;
    if (overridesRow && !s.user.isEmpty())
        notHere = tr("%1 stands in already; change that on the Overrides tab.").arg(who);
    else if (!overridesRow && s.user.isEmpty())
        notHere = tr("Nobody is on call in this shift to stand in for.");
    else if (!overridesRow && s.user == m_username)
        notHere = tr("This is your shift.");
    else if (s.end <= now)
        notHere = tr("This shift is over.");
    else if (!m_overrides)
        notHere = tr("Covering is not available here.");
    else if (m_overrides->isReadOnly())
        notHere = m_overrides->readOnlyReason();
    else if (overridesRow && overrideOf(r, s).isEmpty())
        notHere = tr("This override is not read yet; see the Overrides tab.");
    // Re-finds the shift when the action runs: a refresh may have moved the rows meanwhile.
    const auto act = [this, rowKey, start = s.start](const std::function<void(int, int)>& run) {
        for (int i = 0; i < m_model->rowCount(); ++i) {
            if (m_model->row(i).key != rowKey)
                continue;
            const QList<ScheduleShift>& shifts = m_model->row(i).shifts;
            for (int j = 0; j < shifts.size(); ++j) {
                if (shifts.at(j).start == start) {
                    run(i, j);
                    return;
                }
            }
        }
        m_notice->showNotice(tr("The shift changed meanwhile; look again."), look::Tone::Warning);
    };
    const auto add = [menu, &notHere, overridesRow](const QString& text, const char* name) {
        QAction* action = menu->addAction(text);
        action->setObjectName(QLatin1String(name));
        // On an overrides row only standing in is offered; a shift is covered on its own row.
        const QString why = overridesRow && qstrcmp(name, "standInAction") != 0
            ? tr("Cover a shift on its rotation's row.")
            : notHere;
        action->setEnabled(why.isEmpty());
        if (!why.isEmpty())
            action->setToolTip(why);
        return action;
    };
    if (overridesRow) {
        // An override nobody covers: the user stands in on its policy, for all of it.
        QAction* standIn = add(
            tr("&Stand in for %1").arg(m_model->displayName(s.replacedUser)), "standInAction");
        connect(standIn, &QAction::triggered, this,
            [this, act] { act([this](int i, int j) { standInFor(i, j); }); });
    }
    QAction* take = add(tr("&Take this shift"), "takeShiftAction");
    connect(take, &QAction::triggered, this, [this, act, end = s.end] {
        act([this, end](int i, int j) { coverShift(i, j, m_timeline->now(), end); });
    });
    for (const int hours : { 1, 2, 4 }) {
        const QByteArray name = "cover" + QByteArray::number(hours) + "hAction";
        QAction* cover = add(tr("Cover for &%1 h").arg(hours), name.constData());
        connect(cover, &QAction::triggered, this, [this, act, hours] {
            act([this, hours](int i, int j) {
                const QDateTime start
                    = std::max(m_timeline->now(), m_model->row(i).shifts.at(j).start);
                coverShift(i, j, start, start.addSecs(hours * 3600));
            });
        });
    }
    QAction* until = add(tr("Cover &until…"), "coverUntilAction");
    connect(until, &QAction::triggered, this, [this, act, from, end = s.end, who] {
        auto* dialog = new CoverUntilDialog(from, end, m_timeline->zone(), who, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        connect(dialog, &QDialog::accepted, this, [this, act, dialog] {
            const QDateTime to = dialog->until();
            act([this, to](int i, int j) {
                coverShift(
                    i, j, std::max(m_timeline->now(), m_model->row(i).shifts.at(j).start), to);
            });
        });
        dialog->open();
    });
    if (m_rotationsPanel && !overridesRow
        && r.onCallType.startsWith(QLatin1String("rotation_group")))
        addSetScheduled(menu, r);
    menu->addSeparator();
    QAction* show = menu->addAction(tr("&Show who"));
    show->setObjectName(QStringLiteral("showWhoAction"));
    const QString person = s.user.isEmpty() ? s.replacedUser : s.user;
    show->setEnabled(m_people && !person.isEmpty());
    connect(show, &QAction::triggered, this, [this, person, globalPos] {
        if (!m_people)
            return;
        auto* card = new PersonCard(m_people, this);
        card->setAttribute(Qt::WA_DeleteOnClose);
        card->setPerson(person);
        card->popUp(globalPos);
    });
    QAction* copy = menu->addAction(tr("&Copy"));
    copy->setObjectName(QStringLiteral("copyShiftAction"));
    copy->setShortcut(QKeySequence::Copy);
    const QString text = m_timeline->shiftText(row, shift);
    connect(copy, &QAction::triggered, this, [text] { QApplication::clipboard()->setText(text); });
    menu->popup(globalPos);
    return menu;
}

void SchedulesView::addSetScheduled(QMenu* menu, const ScheduleRow& row)
{
    // The row names its rotation group and shift by label; the group's own ids come from the
    // rotation groups read beside the timeline.
    qint64 groupId = 0;
    qint64 shiftId = 0;
    for (const TeamRotation& group : m_rotationsController->rotations()) {
        for (const RotationShift& shift : group.shifts) {
            if (group.label == row.rotationName && shift.label == row.shiftName) {
                groupId = group.groupId;
                shiftId = shift.shiftId;
            }
        }
    }
    QAction* action = menu->addAction(tr("Set sc&heduled…"));
    action->setObjectName(QStringLiteral("setScheduledAction"));
    QString why = m_rotationsController->writeBlockedReason();
    if (why.isEmpty() && shiftId == 0)
        why = tr("This rotation's shift is not among the team's rotation groups read.");
    action->setEnabled(why.isEmpty());
    action->setToolTip(why.isEmpty() ? tr("Put another member of this shift on it now") : why);
    connect(action, &QAction::triggered, this, [this, groupId, shiftId] {
        if (m_rotationsPanel->select(groupId, shiftId))
            m_rotationsPanel->openSetScheduled();
    });
}

void SchedulesView::coverShift(int row, int shift, const QDateTime& from, const QDateTime& until)
{
    if (row < 0 || row >= m_model->rowCount() || shift < 0
        || shift >= m_model->row(row).shifts.size())
        return;
    const ScheduleRow& r = m_model->row(row);
    const ScheduleShift& s = r.shifts.at(shift);
    const QDateTime now = m_timeline->now();
    const QDateTime start = std::max({ from, s.start, now });
    const QDateTime end = std::min(until, s.end);
    const QString who = m_model->displayName(s.user);
    if (!m_overrides || s.user.isEmpty() || s.user == m_username || end <= start) {
        m_notice->showNotice(
            tr("There is nothing of %1's shift left to cover.").arg(who), look::Tone::Warning);
        return;
    }
    const int ticket = ++m_lastTicket;
    m_pending.insert(ticket, { r.key, start, end, m_username });
    m_timeline->setPending(m_pending.values());
    const QLocale locale;
    const QString span = locale.toString(start.toTimeZone(m_timeline->zone()),
                             displayFormat(QStringLiteral("ddd d MMM HH:mm")))
        + QStringLiteral(" – ")
        + locale.toString(
            end.toTimeZone(m_timeline->zone()), displayFormat(QStringLiteral("ddd d MMM HH:mm")));
    m_notice->showNotice(tr("Standing in for %1 on %2, %3…").arg(who, r.policyName, span));

    // The service's own take fits exactly when the cover runs from now to the end of the shift
    // of the person on call now: it lasts until their shift ends.
    const bool runsNow = s.start <= now && start.secsTo(now) < 60;
    if (m_onCall && r.step == 0 && runsNow && end == s.end && r.onCallNow == s.user
        && m_takeTicket == 0) {
        m_takeTicket = ticket;
        if (m_onCall->take(r.policySlug, s.user))
            return;
        m_takeTicket = 0;
    }
    NewScheduledOverride o;
    o.username = s.user;
    // Shown in the zone on screen when the service knows it by that name; else the team's.
    QByteArray zone = m_timeline->zone().id();
    if (!QTimeZone::isTimeZoneIdAvailable(zone) || !zone.contains('/'))
        zone = m_model->teamZoneId();
    o.timeZone = zone.isEmpty() ? QStringLiteral("UTC") : QString::fromUtf8(zone);
    o.start = start;
    o.end = end;
    m_overrides->cover(o, r.policySlug, m_username, ticket);
}

QString SchedulesView::overrideOf(const ScheduleRow& row, const ScheduleShift& shift) const
{
    // The schedule names no override ids: the override is the one of that person and time
    // with an assignment on the row's policy.
    const OverrideModel* overrides = m_overrides ? m_overrides->model() : nullptr;
    for (int i = 0; overrides && i < overrides->rowCount(); ++i) {
        const ScheduledOverride& o = overrides->override(i);
        if (o.username != shift.replacedUser || o.start.utc != shift.start
            || o.end.utc != shift.end)
            continue;
        for (const OverrideAssignment& a : o.assignments) {
            if (a.policy == row.policySlug)
                return o.publicId;
        }
    }
    return {};
}

void SchedulesView::standInFor(int row, int shift)
{
    const ScheduleRow& r = m_model->row(row);
    const ScheduleShift& s = r.shifts.at(shift);
    const QString id = overrideOf(r, s);
    if (!m_overrides || id.isEmpty()) {
        m_notice->showNotice(
            tr("This override is not read yet; see the Overrides tab."), look::Tone::Warning);
        return;
    }
    const int ticket = ++m_lastTicket;
    m_pending.insert(ticket, { r.key, s.start, s.end, m_username });
    m_timeline->setPending(m_pending.values());
    m_standIns.insert(id, ticket);
    m_notice->showNotice(
        tr("Standing in for %1 on %2…").arg(m_model->displayName(s.replacedUser), r.policyName));
    m_overrides->assign(id, r.policySlug, m_username);
}

void SchedulesView::finishShiftAction(int ticket, bool ok, const QString& message)
{
    if (!m_pending.contains(ticket))
        return; // another view's cover on the same controller
    if (ok) {
        m_done.append(ticket);
        m_notice->showNotice(message, look::Tone::Success);
        m_controller->reload();
    } else {
        m_pending.remove(ticket);
        m_timeline->setPending(m_pending.values());
        m_notice->showNotice(tr("Could not stand in: %1").arg(message), look::Tone::Error);
    }
    Q_EMIT shiftActionFinished(ok, message);
}

SchedulesPage::SchedulesPage(ScheduleModel* schedule, ScheduleController* scheduleController,
    OverrideModel* overrides, OverrideController* overrideController, OrgDirectory* directory,
    const QString& username, QWidget* parent)
    : QTabWidget(parent)
    , m_schedules(new SchedulesView(schedule, scheduleController, directory, username, this))
    , m_overrides(new OverridesView(overrides, overrideController, directory, this))
{
    m_schedules->setOverrideController(overrideController);
    addTab(m_schedules, tr("&Schedules"));
    addTab(m_overrides, tr("&Overrides"));
    setDocumentMode(true);
    // One people list for both tabs.
    connect(
        m_schedules, &SchedulesView::userNamesLoaded, m_overrides, &OverridesView::setUserNames);
}

void SchedulesPage::setOnCallController(OnCallController* controller)
{
    m_schedules->setOnCallController(controller);
}

void SchedulesPage::setPeople(PersonDetails* people) { m_schedules->setPeople(people); }

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

} // namespace rota
