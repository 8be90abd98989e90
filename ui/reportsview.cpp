// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "reportsview.h"

#include "displayformat.h"
#include "heatmapwidget.h"
#include "historymodel.h"
#include "historysync.h"
#include "look.h"
#include "plaintext.h"
#include "reportcharts.h"
#include "viewchrome.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace rota {

namespace {

// The phase box's entries, in order.
enum PhaseChoice { AllPhases, OnlyTriggered, OnlyAcknowledged, OnlyResolved, OnlyOpen };

QComboBox* keyBox(const QString& name, const QString& placeholder, const QString& toolTip)
{
    auto* box = new QComboBox;
    box->setAccessibleName(name);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->lineEdit()->setPlaceholderText(placeholder);
    box->lineEdit()->setClearButtonEnabled(true);
    box->setToolTip(toolTip);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(7);
    return box;
}

// Adds the report's keys to `known` (kept sorted, case-insensitively) and offers them in `box`
// without touching what is typed in it.
void offer(QComboBox* box, QStringList& known, const QList<HistoryGroup>& groups)
{
    bool added = false;
    for (const HistoryGroup& group : groups) {
        if (!group.key.isEmpty() && !known.contains(group.key)) {
            known.append(group.key);
            added = true;
        }
    }
    if (!added)
        return;
    std::sort(known.begin(), known.end(), [](const QString& a, const QString& b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    });
    const QSignalBlocker blocker(box);
    const QString typed = box->currentText();
    box->clear();
    box->addItem(QString());
    box->addItems(known);
    box->setEditText(typed);
}

QString hoursText(qint64 seconds)
{
    if (seconds < 3600)
        return ReportsView::tr("%1 min").arg(seconds / 60);
    return ReportsView::tr("%1 h").arg(QLocale().toString(double(seconds) / 3600, 'f', 0));
}

} // namespace

ReportsView::ReportsView(HistoryStore* store, HistorySync* sync, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_sync(sync)
    , m_debounce(new QTimer(this))
    , m_model(new HistoryModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(SearchDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &ReportsView::refresh);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeSyncBar());
    layout->addWidget(makeFilterBar());

    m_notice = new QLabel;
    setUpNoticeLabel(m_notice);
    layout->addWidget(m_notice);

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(makeIncidentsTab(), tr("Incidents"));

    m_volume = new ChartPanel(ChartPanel::Kind::Volume, tr("Incidents over time"));
    connect(m_volume->bucketChoice(), &QComboBox::activated, this, [this] {
        m_bucketChosen = true;
        showVolume();
    });
    m_tabs->addTab(m_volume, tr("Volume"));
    m_response = new ChartPanel(
        ChartPanel::Kind::ResponseTimes, tr("Time to acknowledge and to resolve, per week"));
    m_tabs->addTab(m_response, tr("Response times"));
    m_byTeam = new ChartPanel(ChartPanel::Kind::Groups, tr("Incidents by team"));
    m_tabs->addTab(m_byTeam, tr("By team"));
    m_byRoutingKey = new ChartPanel(ChartPanel::Kind::Groups, tr("Incidents by routing key"));
    m_tabs->addTab(m_byRoutingKey, tr("By routing key"));
    m_byService = new ChartPanel(ChartPanel::Kind::Groups, tr("Incidents by service"));
    m_tabs->addTab(m_byService, tr("By service"));

    // Hosts and services each on a tab of their own: stacked, the two would set the window's
    // smallest height.
    m_noisyHosts = new ChartPanel(ChartPanel::Kind::Groups, tr("Noisiest hosts"));
    m_tabs->addTab(m_noisyHosts, tr("Noisiest hosts"));
    m_noisyServices = new ChartPanel(ChartPanel::Kind::Groups, tr("Noisiest services"));
    m_tabs->addTab(m_noisyServices, tr("Noisiest services"));

    m_heat = new HeatmapPanel(tr("Incidents by hour and weekday (local time)"));
    m_tabs->addTab(m_heat, tr("Hours"));
    m_tabs->addTab(makeMyNumbersTab(), tr("My numbers"));
    layout->addWidget(m_tabs, 1);

    auto* find = new QAction(this);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(find);
    // A view's key, not the button's: a button's shortcut is reset by each setText().
    auto* pause = new QAction(this);
    pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    pause->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(pause, &QAction::triggered, this, [this] {
        if (m_pause->isEnabled())
            m_pause->click();
    });
    addAction(pause);

    if (m_store) {
        connect(m_store, &HistoryStore::opened, this, &ReportsView::applyOpened);
        // A page stored by the sync: the same search again, shown as a diff.
        // At once: the store answers only the latest search, so pages stored quickly one after
        // the other cost one search each at most.
        connect(m_store, &HistoryStore::changed, this, [this] {
            m_storeError.clear();
            refresh();
        });
        connect(m_store, &HistoryStore::writeFailed, this, [this](const QString& message) {
            m_storeError = tr("The history could not be saved: %1").arg(message);
            updateNotice();
        });
    }
    if (m_sync) {
        connect(m_sync, &HistorySync::stateChanged, this, &ReportsView::updateSync);
        connect(m_sync, &HistorySync::progressChanged, this, &ReportsView::updateSync);
        // "Next call in 42 s" counts down while the view is on screen.
        auto* tick = new QTimer(this);
        tick->setInterval(1000);
        connect(tick, &QTimer::timeout, this, [this] {
            if (isVisible())
                updateSync();
        });
        tick->start();
    }
    updateSync();
    // A view made after the store answered (when first shown) learns the answer from it.
    if (m_store && m_store->isOpenAnswered())
        applyOpened(m_store->openResult(), m_store->openMessage());
    updateNotice();
}

void ReportsView::applyOpened(HistoryDatabase::OpenResult result, const QString& message)
{
    m_storeNote.clear();
    switch (result) {
    case HistoryDatabase::OpenResult::Opened:
    case HistoryDatabase::OpenResult::Created:
    case HistoryDatabase::OpenResult::Rebuilt:
        m_storeError.clear();
        // A file moved aside stays said: people may want what it held.
        if (result == HistoryDatabase::OpenResult::Rebuilt)
            m_storeNote = message;
        refresh();
        break;
    case HistoryDatabase::OpenResult::TooNew:
    case HistoryDatabase::OpenResult::Failed:
        m_storeError = !message.isEmpty() ? message
            : result == HistoryDatabase::OpenResult::TooNew
            ? tr("The stored history was written by a newer Rota; it is left as it is and not "
                 "read.")
            : tr("The stored history cannot be opened.");
        break;
    }
    updateNotice();
}

ReportsView::~ReportsView() = default;

QWidget* ReportsView::makeSyncBar()
{
    auto* bar = new QWidget;
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_coverage = new QLabel;
    m_coverage->setTextFormat(Qt::PlainText);
    m_coverage->setWordWrap(true);
    layout->addWidget(m_coverage, 1);
    m_progress = new QProgressBar;
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(160);
    m_progress->setRange(0, 1000);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_state = new QLabel;
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    m_pause = new QPushButton(tr("Pause"));
    m_pause->setIcon(
        look::themeIcon(QStringLiteral("media-playback-pause"), QStyle::SP_MediaPause, this));
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_sync)
            m_sync->setPaused(!m_sync->isPaused());
        updateSync();
    });
    layout->addWidget(m_pause);
    return bar;
}

QWidget* ReportsView::makeFilterBar()
{
    auto* bar = new QWidget;
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    auto* first = new QHBoxLayout;
    auto* second = new QHBoxLayout;
    rows->addLayout(first);
    rows->addLayout(second);

    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search number, summary, host, service, routing key (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search stored incidents"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
    connect(m_search, &QLineEdit::textChanged, this, &ReportsView::scheduleQuery);
    first->addWidget(m_search, 3);

    m_team = keyBox(tr("Team"), tr("All teams"), tr("Only incidents that paged this team"));
    m_routingKey = keyBox(
        tr("Routing key"), tr("All routing keys"), tr("Only incidents with this routing key"));
    m_service = keyBox(tr("Service"), tr("All services"), tr("Only incidents of this service"));
    m_host = keyBox(tr("Host"), tr("All hosts"), tr("Only incidents of this host"));
    for (QComboBox* box : { m_team, m_routingKey, m_service, m_host }) {
        connect(box, &QComboBox::currentTextChanged, this, &ReportsView::scheduleQuery);
        first->addWidget(box, 1);
    }

    m_phase = new QComboBox;
    m_phase->addItem(tr("All phases"));
    m_phase->addItem(phaseDisplayName(Phase::Triggered));
    m_phase->addItem(phaseDisplayName(Phase::Acknowledged));
    m_phase->addItem(phaseDisplayName(Phase::Resolved));
    m_phase->addItem(tr("Open (not resolved)"));
    m_phase->setToolTip(tr("Only incidents in this phase now"));
    m_phase->setAccessibleName(tr("Phase"));
    connect(m_phase, &QComboBox::currentIndexChanged, this, &ReportsView::scheduleQuery);
    second->addWidget(m_phase);

    m_range = new QComboBox;
    m_range->addItem(tr("Last 7 days"), int(Range::Last7Days));
    m_range->addItem(tr("Last 30 days"), int(Range::Last30Days));
    m_range->addItem(tr("Last 90 days"), int(Range::Last90Days));
    m_range->addItem(tr("This year"), int(Range::ThisYear));
    m_range->addItem(tr("All stored"), int(Range::All));
    m_range->addItem(tr("From – to"), int(Range::Custom));
    m_range->setCurrentIndex(1);
    m_range->setToolTip(tr("Incidents started in this time"));
    m_range->setAccessibleName(tr("Time"));
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        applyRange();
        scheduleQuery();
    });
    second->addWidget(m_range);

    const auto dateEdit = [this](const QString& toolTip) {
        auto* edit = new QDateEdit;
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(displayFormat(QStringLiteral("yyyy-MM-dd")));
        edit->setToolTip(toolTip);
        connect(edit, &QDateEdit::dateChanged, this, &ReportsView::onRangeEdited);
        return edit;
    };
    m_from = dateEdit(tr("Started on or after this day"));
    m_to = dateEdit(tr("Started on or before this day"));
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    second->addWidget(m_from);
    second->addWidget(new QLabel(tr("to")));
    second->addWidget(m_to);
    applyRange();

    m_count = new QLabel;
    m_count->setTextFormat(Qt::PlainText);
    m_count->setWordWrap(true); // a narrow window wraps it rather than growing
    second->addSpacing(12);
    second->addWidget(m_count, 1);

    m_clear = new QPushButton(tr("Clear"));
    m_clear->setIcon(
        look::themeIcon(QStringLiteral("edit-clear"), QStyle::SP_DialogResetButton, this));
    m_clear->setToolTip(tr("Show every stored incident of the last 30 days"));
    connect(m_clear, &QPushButton::clicked, this, &ReportsView::clearFilter);
    second->addWidget(m_clear);
    return bar;
}

QWidget* ReportsView::makeIncidentsTab()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_limit = new QLabel;
    m_limit->setTextFormat(Qt::PlainText);
    m_limit->hide();
    layout->addWidget(m_limit);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(HistoryModel::SortRole);
    m_table = new QTableView;
    m_table->setAccessibleName(tr("Stored incidents"));
    m_table->setModel(m_proxy);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, as in every view
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HistoryModel::StartedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights and column widths: sizing to contents would measure 5,000 rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    look::styleItemView(m_table);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    const QFontMetrics fm = m_table->fontMetrics();
    const auto width
        = [&fm](const char* sample) { return fm.horizontalAdvance(QLatin1String(sample)) + 24; };
    header->resizeSection(HistoryModel::NumberColumn, width("Number 00000"));
    header->resizeSection(HistoryModel::StartedColumn, width("0000-00-00 00:00"));
    header->resizeSection(HistoryModel::SummaryColumn, width("A summary of a usual length here"));
    header->resizeSection(HistoryModel::TeamsColumn, width("team-one, two"));
    header->resizeSection(HistoryModel::RoutingKeyColumn, width("routing key"));
    header->resizeSection(HistoryModel::ServiceColumn, width("service name"));
    header->resizeSection(HistoryModel::HostColumn, width("host-name-01"));
    header->resizeSection(HistoryModel::PhaseColumn, width("Acknowledged"));
    header->resizeSection(HistoryModel::AckColumn, width("Time to ack"));
    header->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    return page;
}

QWidget* ReportsView::makeMyNumbersTab()
{
    auto* page = new QWidget;
    auto* grid = new QGridLayout(page);
    grid->setHorizontalSpacing(16);
    const QString sentences[] = {
        tr("incidents of this search paged you."),
        tr("of them started at night, between 22:00 and 07:00."),
        tr("you acknowledged first."),
        tr("you resolved."),
        tr("on call this month, by your teams' shift logs."),
    };
    int row = 0;
    for (const QString& sentence : sentences) {
        auto* figure = new QLabel(QStringLiteral("–"));
        QFont big = figure->font();
        big.setPointSizeF(big.pointSizeF() * 2.2);
        big.setBold(true);
        figure->setFont(big);
        figure->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        figure->setTextFormat(Qt::PlainText);
        auto* words = new QLabel(sentence);
        words->setWordWrap(true);
        words->setTextFormat(Qt::PlainText);
        grid->addWidget(figure, row, 0);
        grid->addWidget(words, row, 1);
        m_myFigures.append(figure);
        m_mySentences.append(words);
        ++row;
    }
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(row, 1);
    return page;
}

void ReportsView::setMe(const QString& username)
{
    if (username == m_me)
        return;
    m_me = username;
    scheduleQuery();
}

HistoryFilter ReportsView::filter() const
{
    HistoryFilter f;
    f.text = m_search->text().simplified();
    // The box offers names; the history knows slugs (a typed slug is taken as it is).
    const QString team = m_team->currentText().trimmed();
    f.team = team;
    for (auto it = m_teamNames.cbegin(); it != m_teamNames.cend(); ++it) {
        if (it.value() == team) {
            f.team = it.key();
            break;
        }
    }
    f.routingKey = m_routingKey->currentText().trimmed();
    f.service = m_service->currentText().trimmed();
    f.host = m_host->currentText().trimmed();
    switch (m_phase->currentIndex()) {
    case OnlyTriggered:
        f.phases = { Phase::Triggered };
        break;
    case OnlyAcknowledged:
        f.phases = { Phase::Acknowledged };
        break;
    case OnlyResolved:
        f.phases = { Phase::Resolved };
        break;
    case OnlyOpen:
        f.phases = { Phase::Triggered, Phase::Acknowledged };
        break;
    default:
        break;
    }
    const auto range = static_cast<Range>(m_range->currentData().toInt());
    if (range != Range::All)
        f.from = QDateTime(m_from->date(), QTime(0, 0));
    // A preset runs to now and on; only dates chosen by hand end the range.
    if (range == Range::Custom)
        f.to = QDateTime(m_to->date().addDays(1), QTime(0, 0));
    return f;
}

void ReportsView::applyRange()
{
    const QDate today = QDate::currentDate();
    QDate from;
    switch (static_cast<Range>(m_range->currentData().toInt())) {
    case Range::Last7Days:
        from = today.addDays(-6);
        break;
    case Range::Last30Days:
        from = today.addDays(-29);
        break;
    case Range::Last90Days:
        from = today.addDays(-89);
        break;
    case Range::ThisYear:
        from = QDate(today.year(), 1, 1);
        break;
    case Range::All:
    case Range::Custom:
        m_from->setEnabled(true);
        m_to->setEnabled(true);
        return;
    }
    const QSignalBlocker fromBlocker(m_from);
    const QSignalBlocker toBlocker(m_to);
    m_from->setDate(from);
    m_to->setDate(today);
}

void ReportsView::onRangeEdited()
{
    // Choosing a date makes the range the dates'.
    const int custom = m_range->findData(int(Range::Custom));
    if (m_range->currentIndex() != custom) {
        const QSignalBlocker blocker(m_range);
        m_range->setCurrentIndex(custom);
    }
    scheduleQuery();
}

void ReportsView::clearFilter()
{
    const QSignalBlocker b1(m_search), b2(m_team), b3(m_routingKey), b4(m_service), b5(m_host),
        b6(m_phase), b7(m_range);
    m_search->clear();
    for (QComboBox* box : { m_team, m_routingKey, m_service, m_host })
        box->setEditText(QString());
    m_phase->setCurrentIndex(AllPhases);
    m_range->setCurrentIndex(m_range->findData(int(Range::Last30Days)));
    applyRange();
    refresh();
}

void ReportsView::scheduleQuery() { m_debounce->start(); }

void ReportsView::refresh()
{
    m_debounce->stop();
    if (!m_store || !m_store->isReady())
        return;
    ++m_queriesAsked;
    HistoryStore::QueryOptions options;
    options.me = m_me;
    // The store answers on this thread; the view may be gone by then.
    QPointer<ReportsView> self(this);
    m_store->query(filter(), options, [self](const HistoryReport& report) {
        if (self)
            self->showReport(report);
    });
}

void ReportsView::showReport(const HistoryReport& report)
{
    m_report = report;
    m_hasReport = true;

    m_model->setReport(report);
    const bool limited = report.matching > report.rows.size();
    m_limit->setText(limited
            ? tr("Showing the newest %1 of %2; narrow the search to see the others.")
                  .arg(QLocale().toString(report.rows.size()), QLocale().toString(report.matching))
            : QString());
    m_limit->setVisible(limited);
    m_count->setText(countText());
    // In the tooltip: on the line, a narrow window wrapped it to five lines.
    m_count->setToolTip(searchTimeText());

    showVolume();
    m_response->showResponseTimes(report.perWeek);
    m_byTeam->showGroups(namedTeams(report.byTeam), GroupLimit, tr("Team"), tr("teams"));
    m_byRoutingKey->showGroups(
        report.byRoutingKey, GroupLimit, tr("Routing key"), tr("routing keys"));
    m_byService->showGroups(report.byService, GroupLimit, tr("Service"), tr("services"));
    m_noisyHosts->showGroups(report.noisiestHosts, HistoryReport::TopN, tr("Host"), tr("hosts"));
    m_noisyServices->showGroups(
        report.noisiestServices, HistoryReport::TopN, tr("Service"), tr("services"));
    m_heat->showHeat(report.heat);
    showMine(report.mine);
    fillChoices(report);
    updateNotice();
}

void ReportsView::setTeamNames(const QHash<QString, QString>& names)
{
    if (names == m_teamNames)
        return;
    // The team box keeps what was chosen, under its new name.
    const QString chosen = filter().team;
    m_teamNames = names;
    m_model->setTeamNames(names);
    m_knownTeams.clear();
    if (m_hasReport) {
        const QSignalBlocker blocker(m_team);
        showReport(m_report);
        m_team->setEditText(chosen.isEmpty() ? QString() : teamName(chosen));
    }
}

QString ReportsView::teamName(const QString& slug) const
{
    const QString name = m_teamNames.value(slug);
    return name.isEmpty() ? slug : name;
}

QList<HistoryGroup> ReportsView::namedTeams(const QList<HistoryGroup>& groups) const
{
    QList<HistoryGroup> named = groups;
    for (HistoryGroup& group : named)
        group.key = teamName(group.key);
    return named;
}

void ReportsView::showVolume()
{
    if (!m_hasReport)
        return;
    // Until people choose, a long range is counted per week: hundreds of day bars are a blur.
    if (!m_bucketChosen)
        m_volume->bucketChoice()->setCurrentIndex(m_report.perDay.size() > DaysPerDayChart ? 1 : 0);
    const bool perWeek = m_volume->bucketChoice()->currentIndex() == 1;
    m_volume->showVolume(perWeek ? m_report.perWeek : m_report.perDay, perWeek);
}

void ReportsView::showMine(const MyNumbers& mine)
{
    const QLocale locale;
    const QString figures[] = { locale.toString(mine.pagesReceived),
        locale.toString(mine.pagesAtNight), locale.toString(mine.acknowledgedByMe),
        locale.toString(mine.resolvedByMe), hoursText(mine.onCallSecondsThisMonth) };
    for (int i = 0; i < m_myFigures.size(); ++i)
        m_myFigures.at(i)->setText(m_me.isEmpty() ? QStringLiteral("–") : figures[i]);
}

void ReportsView::fillChoices(const HistoryReport& report)
{
    offer(m_team, m_knownTeams, namedTeams(report.byTeam));
    offer(m_routingKey, m_knownRoutingKeys, report.byRoutingKey);
    offer(m_service, m_knownServices, report.byService);
    offer(m_host, m_knownHosts, report.noisiestHosts);
}

QString ReportsView::countText() const
{
    if (!m_hasReport)
        return {};
    const QLocale locale;
    return tr("%1 of %2 stored incidents match")
        .arg(locale.toString(m_report.matching), locale.toString(m_report.stored));
}

QString ReportsView::searchTimeText() const
{
    if (!m_hasReport)
        return {};
    return tr("Searched with every figure in %1 ms").arg(QLocale().toString(m_report.elapsedMs));
}

QString ReportsView::noticeText() const
{
    return m_notice->isVisible() ? m_notice->text() : QString();
}

void ReportsView::updateNotice()
{
    if (!m_storeError.isEmpty()) {
        showNotice(m_notice, m_storeError, true);
        return;
    }
    QStringList lines;
    if (!m_storeNote.isEmpty())
        lines << m_storeNote;
    if (!m_store || !m_store->isReady() || (m_hasReport && m_report.stored == 0))
        lines << tr("The history is being read; the first page arrives within a minute.");
    else if (m_hasReport && m_report.matching == 0)
        lines << tr("No stored incident matches; clear the search.");
    showNotice(m_notice, lines.join(QLatin1Char('\n')), false);
}

void ReportsView::updateSync()
{
    m_pause->setEnabled(m_sync != nullptr);
    if (!m_sync) {
        m_coverage->setText(tr("The history is read in the background once you are signed in."));
        m_state->clear();
        m_progress->hide();
        m_pause->setText(tr("Pause"));
        m_pause->setIcon(
            look::themeIcon(QStringLiteral("media-playback-pause"), QStyle::SP_MediaPause, this));
        m_pause->setToolTip(tr("Nothing is being read"));
        return;
    }
    m_coverage->setText(clipped(m_sync->coverageText(), MessageChars));
    m_state->setText(clipped(m_sync->stateText(), MessageChars));
    const double progress = m_sync->progress();
    const bool reading = m_sync->state() == HistorySync::State::Reading
        || m_sync->state() == HistorySync::State::Waiting;
    if (progress >= 0 && progress < 1) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(progress * 1000));
        m_progress->show();
    } else if (progress < 0 && reading) {
        m_progress->setRange(0, 0); // the history's size is not known yet
        m_progress->show();
    } else {
        m_progress->hide();
    }
    const bool paused = m_sync->isPaused();
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    // The icon says what a click does, as the words do.
    m_pause->setIcon(paused
            ? look::themeIcon(QStringLiteral("media-playback-start"), QStyle::SP_MediaPlay, this)
            : look::themeIcon(QStringLiteral("media-playback-pause"), QStyle::SP_MediaPause, this));
    m_pause->setToolTip(paused ? tr("Go on reading the history (Ctrl+P)")
                               : tr("Stop reading the history for now (Ctrl+P)"));
}

} // namespace rota
