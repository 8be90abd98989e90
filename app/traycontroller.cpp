// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "traycontroller.h"

#include "awaypages.h"
#include "connectionstatus.h"
#include "incidentactions.h"
#include "incidentmodel.h"
#include "incidentpoller.h"
#include "mainwindow.h"
#include "notificationfilter.h"
#include "notifier.h"
#include "oncallmodel.h"
#include "pagealarm.h"
#include "plaintext.h"
#include "quickactions.h"
#include "resolveallquestion.h"
#include "rotaresources.h"
#include "settings.h"
#include "shiftreminder.h"
#include "windowfront.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QFont>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace rota {

namespace {

// A line of the tooltip that comes from the server (a name, a message) is cut to this many
// characters: the tooltip is a few lines, not a page.
constexpr int ToolTipLineChars = 200;

QString closeExplainedKey() { return QStringLiteral("tray/closeExplained"); }

} // namespace

TrayController::TrayController(MainWindow* window, Settings* settings, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_settings(settings)
    , m_icon(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
    , m_notifier(new Notifier(settings, this))
    , m_quickActions(new QuickActions(nullptr, nullptr, nullptr, this))
{
    initResources();
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_icon->setContextMenu(m_menu);
    m_notifier->setTrayIcon(m_icon);

    // While a balloon is up, a click on the icon makes Qt emit messageClicked() and then, at
    // once, activated() (as on Windows, a click on the icon counts as one on its balloon). Acting
    // on messageClicked() at once opened the window on a right click, which closed the menu, and
    // on a left click opened it for the toggle to hide again. So a click on the balloon is known
    // only when no activation follows in the same turn of the event loop; the controller decides
    // what it opens, for the notifier's balloons too (so the notifier does not act on it).
    disconnect(m_icon, &QSystemTrayIcon::messageClicked, m_notifier, nullptr);
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, [this] {
        m_balloonClicked = true;
        QTimer::singleShot(0, this, &TrayController::onBalloonClicked);
    });
    connect(m_notifier, &Notifier::sent, this,
        [this](Notifier::Backend backend, const QString&, const QString& number) {
            if (backend == Notifier::Backend::Tray)
                m_balloonIncident = number;
        });
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        m_balloonClicked = false; // the click was on the icon
        if (r == QSystemTrayIcon::Trigger)
            toggleWindow();
    });
    // The notifications' actions go through the same quick actions as the menu's.
    m_notifier->setQuickActions(m_quickActions);
    // Dialogs asked for from the menu open over the window when it is on screen.
    m_quickActions->setWindowFinder([this]() -> QWidget* { return m_window.data(); });
    // The window's rows show what became of an action; with the window away, the balloon does:
    // for what the menu started, and for a failure of anything else (it would go unseen).
    connect(m_quickActions, &QuickActions::feedback, this,
        [this](const QuickActions::Feedback& feedback) {
            const bool ours = feedback.origin == QuickActions::Origin::Tray
                || (feedback.origin == QuickActions::Origin::Other && feedback.failed);
            if (!ours || (m_window && m_window->isVisible()))
                return;
            showBalloon(clipped(feedback.title, MenuChars), clipped(feedback.text, ToolTipChars),
                feedback.failed ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
            // A click on it opens the incident it is about.
            if (feedback.incidentNumbers.size() == 1)
                m_balloonIncident = feedback.incidentNumbers.constFirst();
        });
    connect(m_menu, &QMenu::aboutToShow, this, [this] {
        if (m_menuDirty)
            rebuildMenu();
    });
    // Changes that came while the menu was open were held back; show them now.
    connect(m_menu, &QMenu::aboutToHide, this, &TrayController::scheduleUpdate);
    connect(m_notifier->alarm(), &PageAlarm::activeChanged, this, &TrayController::scheduleUpdate);
    connect(m_notifier->filter(), &NotificationFilter::pauseChanged, this, [this] {
        update();
        // A timed pause ends by itself; the menu and tooltip should say so then.
        const QDateTime until = m_notifier->filter()->pausedUntil();
        if (until.isValid()) {
            const qint64 ms = m_notifier->filter()->now().msecsTo(until) + 500;
            QTimer::singleShot(
                std::clamp<qint64>(ms, 0, 24 * 3600 * 1000), this, &TrayController::scheduleUpdate);
        }
    });

    if (m_window) {
        connect(m_window, &MainWindow::closedToTray, this, &TrayController::onClosedToTray);
        m_window->setCloseToTray(isTrayAvailable());
        m_window->installEventFilter(this);
    }
    update();
    // Shown even without a tray: Qt adds a visible icon to a tray that appears later.
    m_icon->show();
}

bool TrayController::eventFilter(QObject* watched, QEvent* event)
{
    if (m_window && watched == m_window && event->type() == QEvent::Close)
        m_window->setCloseToTray(isTrayAvailable());
    return QObject::eventFilter(watched, event);
}

TrayController::~TrayController()
{
    m_icon->hide();
    m_icon->setContextMenu(nullptr);
    delete m_menu;
    if (m_window)
        m_window->setCloseToTray(false);
}

bool TrayController::isTrayAvailable() { return QSystemTrayIcon::isSystemTrayAvailable(); }

void TrayController::setWorkspace(Workspace* workspace)
{
    if (!workspace) {
        m_notifier->setOnCall(false);
        m_notifier->setOpenMany({});
        setConnectionStatus(nullptr);
        setSession(nullptr, nullptr, nullptr, {});
        setOnCallSummary(QString());
        setAwayPages(nullptr, {});
        m_pageSomeone = {};
        return;
    }
    setConnectionStatus(workspace->connection());
    const QPointer<Workspace> guarded(workspace);
    setSession(
        workspace->incidents(), workspace->poller(), workspace->actions(),
        [guarded](const QString& number) {
            if (guarded)
                guarded->showIncident(number);
        },
        workspace->directory());
    m_sessionConnections << connect(
        workspace, &Workspace::onCallSummaryChanged, this, &TrayController::setOnCallSummary);
    // Shift reminders go where the notifications of incidents go; a click opens Rota.
    if (ShiftReminder* reminder = workspace->shiftReminder()) {
        m_sessionConnections << connect(reminder, &ShiftReminder::remind, m_notifier,
            [this](ShiftReminder::Kind, const QString& key, const QString& title,
                const QString& body) { m_notifier->notifyInfo(key, title, body); });
        reminder->check();
    }
    setOnCallSummary(workspace->onCallSummary());
    setAwayPages(workspace->awayPages(), [guarded](const QString& number) {
        if (guarded)
            guarded->showAwayPage(number);
    });
    m_notifier->setOpenMany([guarded](const QStringList& numbers) {
        if (guarded)
            guarded->showIncidents(numbers);
    });
    m_pageSomeone = [guarded] {
        if (guarded)
            guarded->page({});
    };
    // On call, quiet hours and a pause spare direct pages, and the sound may repeat.
    if (OnCallModel* onCall = workspace->onCall()) {
        m_sessionConnections << connect(onCall, &OnCallModel::summaryChanged, m_notifier,
            [this, onCall] { m_notifier->setOnCall(onCall->isOnCall()); });
        m_notifier->setOnCall(onCall->isOnCall());
    }
}

void TrayController::setSession(IncidentModel* incidents, IncidentPoller* poller,
    IncidentActions* actions, std::function<void(const QString&)> showIncident,
    OrgDirectory* directory)
{
    for (const QMetaObject::Connection& connection : std::as_const(m_sessionConnections))
        disconnect(connection);
    m_sessionConnections.clear();
    m_incidents = incidents;
    m_poller = poller;
    m_actions = actions;
    m_showIncident = showIncident;
    if (m_incidents) {
        m_sessionConnections << connect(
            m_incidents, &IncidentModel::countsChanged, this, &TrayController::scheduleUpdate)
                             << connect(m_incidents, &IncidentModel::dataChanged, this,
                                    &TrayController::scheduleUpdate)
                             << connect(m_incidents, &IncidentModel::rowsInserted, this,
                                    &TrayController::scheduleUpdate)
                             << connect(m_incidents, &IncidentModel::rowsRemoved, this,
                                    &TrayController::scheduleUpdate)
                             << connect(m_incidents, &IncidentModel::modelReset, this,
                                    &TrayController::scheduleUpdate);
    }
    if (m_poller) {
        m_sessionConnections << connect(
            m_poller, &IncidentPoller::stateChanged, this, &TrayController::scheduleUpdate)
                             << connect(m_poller, &IncidentPoller::refreshed, this,
                                    &TrayController::scheduleUpdate);
    }
    // Refusals reach the balloon through the quick actions' feedback (see the constructor).
    m_quickActions->setSession(actions, incidents, directory);
    m_quickActions->setOpener(showIncident);
    m_notifier->setSession(incidents, poller, actions, std::move(showIncident));
    update();
}

IncidentPoller* TrayController::poller() const { return m_poller; }

void TrayController::setConnectionStatus(ConnectionStatus* status)
{
    disconnect(m_connectionChanged);
    m_connection = status;
    if (status)
        m_connectionChanged
            = connect(status, &ConnectionStatus::changed, this, &TrayController::scheduleUpdate);
    scheduleUpdate();
}

bool TrayController::connectionDown() const { return m_connection && m_connection->isDown(); }

void TrayController::setOnCallSummary(const QString& summary)
{
    if (summary == m_onCallSummary)
        return;
    m_onCallSummary = summary;
    m_icon->setToolTip(toolTip());
    m_menuDirty = true;
    if (!m_menu->isVisible())
        rebuildMenu();
}

QString TrayController::iconFile(State state)
{
    switch (state) {
    case State::Offline:
        return QStringLiteral(":/icons/tray-offline.svg");
    case State::AllClear:
        return QStringLiteral(":/icons/tray-clear.svg");
    case State::Acknowledged:
        return QStringLiteral(":/icons/tray-acknowledged.svg");
    case State::Alert:
        return QStringLiteral(":/icons/tray-alert.svg");
    }
    return {};
}

void TrayController::scheduleUpdate()
{
    if (m_updateScheduled)
        return;
    m_updateScheduled = true;
    QTimer::singleShot(0, this, &TrayController::update);
}

void TrayController::update()
{
    m_updateScheduled = false;
    updateState();
    m_icon->setToolTip(toolTip());
    m_menuDirty = true;
    // Never under the user's pointer: an open menu is rebuilt when it is next shown.
    if (!m_menu->isVisible())
        rebuildMenu();
}

void TrayController::updateState()
{
    State state = State::Offline;
    const bool offline = !m_incidents || !m_poller || !m_poller->lastUpdated().isValid()
        || connectionDown() || m_poller->state() == IncidentPoller::State::Offline
        || m_poller->state() == IncidentPoller::State::AuthFailed
        || m_poller->state() == IncidentPoller::State::Stopped;
    if (!offline) {
        if (m_incidents->countPagingMe(Phase::Triggered) > 0)
            state = State::Alert;
        else if (m_incidents->countPagingMe(Phase::Acknowledged) > 0)
            state = State::Acknowledged;
        else
            state = State::AllClear;
    }
    const bool changed = state != m_state || m_icon->icon().isNull();
    m_state = state;
    if (changed) {
        m_icon->setIcon(QIcon(iconFile(state)));
        Q_EMIT stateChanged(state);
    }
}

int TrayController::pagingCount() const
{
    return m_incidents ? m_incidents->countPagingMe(Phase::Triggered) : 0;
}

QString TrayController::pagingText(int triggered, int acknowledged)
{
    if (triggered == 0) {
        return acknowledged == 0
            ? tr("Nothing is paging you")
            : tr("Nothing is paging you (%1 acknowledged)").arg(QString::number(acknowledged));
    }
    const QString paging = tr("%n incident(s) paging you", nullptr, triggered);
    return acknowledged == 0 ? paging
                             : tr("%1, %2 acknowledged").arg(paging, QString::number(acknowledged));
}

QString TrayController::pauseText() const
{
    const NotificationFilter* filter = m_notifier->filter();
    if (!filter->isPaused())
        return QString();
    const QDateTime until = filter->pausedUntil();
    if (!until.isValid())
        return tr("Notifications paused until resumed");
    return tr("Notifications paused until %1")
        .arg(QLocale().toString(until.toLocalTime().time(), QLocale::ShortFormat));
}

QString TrayController::toolTip() const
{
    QStringList lines { tr("Rota") };
    // The first line, "Rota", has no markup, so the tray shows the tooltip as plain text (Qt reads
    // a tooltip as rich text only by what precedes its first line break): the server's words in
    // it are shown as written, not escaped.
    if (!m_incidents || !m_poller) {
        lines << tr("Not signed in");
    } else if (m_state == State::Offline && connectionDown()) {
        lines << clipped(m_connection->text(), ToolTipLineChars);
    } else if (m_state == State::Offline) {
        const QString status = m_poller->statusText();
        lines << (m_poller->lastUpdated().isValid() || !status.isEmpty()
                ? clipped(status, ToolTipLineChars)
                : tr("Loading incidents…"));
    } else {
        lines << pagingText(pagingCount(), m_incidents->countPagingMe(Phase::Acknowledged));
        lines << tr("All incidents: %1 triggered, %2 acknowledged")
                     .arg(QString::number(m_incidents->count(Phase::Triggered)),
                         QString::number(m_incidents->count(Phase::Acknowledged)));
    }
    for (const QString& line : m_onCallSummary.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        lines << clipped(line, ToolTipLineChars);
    const QString paused = pauseText();
    if (!paused.isEmpty())
        lines << paused;
    if (m_notifier->alarm()->isActive()) {
        const int minutes = m_settings ? m_settings->preferences().repeatMinutes
                                       : Preferences::DefaultRepeatMinutes;
        lines << tr("Reminding you every %1 min until acknowledged").arg(QString::number(minutes));
    }
    return lines.join(QLatin1Char('\n'));
}

void TrayController::rebuildMenu()
{
    populate(m_menu);
    m_menuDirty = false;
}

void TrayController::populate(QMenu* menu)
{
    // Submenus are children of the menu, which clear() leaves alone.
    const QList<QMenu*> submenus
        = menu->findChildren<QMenu*>(QString(), Qt::FindDirectChildrenOnly);
    menu->clear();
    qDeleteAll(submenus);

    const QList<int> rows = m_incidents ? m_incidents->openRowsPagingMe() : QList<int>();
    const bool online = m_state != State::Offline;
    QString header;
    if (!m_incidents)
        header = tr("Not signed in");
    else if (!online)
        header = m_poller && m_poller->lastUpdated().isValid() ? tr("Offline")
                                                               : tr("Loading incidents…");
    else
        header = pagingText(pagingCount(), m_incidents->countPagingMe(Phase::Acknowledged));
    // The state in words, with the icon's picture; it opens the incidents view.
    QAction* title = menu->addAction(QIcon(iconFile(m_state)), header);
    title->setObjectName(QStringLiteral("state"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setEnabled(m_incidents != nullptr);
    connect(title, &QAction::triggered, this, [this] {
        if (m_showIncident)
            m_showIncident(QString());
    });

    // Whether I am on call and until when, policy by policy, and my next shifts; each opens the
    // on-call view.
    const QStringList onCallLines = m_onCallSummary.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (int i = 0; i < onCallLines.size(); ++i) {
        // Two names (a team's and a policy's) and a time or two: room for them.
        QAction* onCall = menu->addAction(menuText(onCallLines.at(i), 2 * MenuChars));
        onCall->setObjectName(
            i == 0 ? QStringLiteral("onCall") : QStringLiteral("onCall-%1").arg(i));
        connect(onCall, &QAction::triggered, this, [this] {
            if (m_window) {
                m_window->showView(QStringLiteral("oncall"));
                m_window->show();
                m_window->raise();
                m_window->activateWindow();
            }
        });
    }
    if (!onCallLines.isEmpty())
        menu->addSeparator();

    const bool canAct = online && m_actions;
    for (int i = 0; i < rows.size() && i < MaxMenuIncidents; ++i) {
        const int row = rows.at(i);
        const Incident& incident = m_incidents->incidentAt(row);
        const Phase phase = m_incidents->phaseAt(row);
        const bool pending = m_incidents->pendingAt(row) != IncidentModel::PendingAction::None;
        const QString number = incident.incidentNumber;
        const QString what
            = incident.entityDisplayName.isEmpty() ? incident.entityId : incident.entityDisplayName;
        // The name is the server's: cut, and its '&' not read as a shortcut letter.
        auto* sub = new QMenu(
            tr("#%1 %2 (%3)").arg(menuText(number), menuText(what), phaseDisplayName(phase)), menu);
        sub->setObjectName(QStringLiteral("incident-") + number);
        sub->setIcon(
            QIcon(iconFile(phase == Phase::Triggered ? State::Alert : State::Acknowledged)));
        QAction* ack = sub->addAction(tr("Acknowledge"));
        ack->setObjectName(QStringLiteral("acknowledge"));
        ack->setEnabled(canAct && !pending && phase == Phase::Triggered);
        connect(ack, &QAction::triggered, this, [this, number] {
            m_quickActions->acknowledge({ number }, QuickActions::Origin::Tray);
        });
        QAction* ackMessage = sub->addAction(tr("Acknowledge with message…"));
        ackMessage->setObjectName(QStringLiteral("acknowledgeWithMessage"));
        ackMessage->setEnabled(ack->isEnabled());
        connect(ackMessage, &QAction::triggered, this, [this, number] {
            m_quickActions->acknowledgeWithMessage({ number }, QuickActions::Origin::Tray);
        });
        QAction* resolve = sub->addAction(tr("Resolve"));
        resolve->setObjectName(QStringLiteral("resolve"));
        resolve->setEnabled(canAct && !pending);
        connect(resolve, &QAction::triggered, this,
            [this, number] { m_quickActions->resolve({ number }, QuickActions::Origin::Tray); });
        QAction* reroute = sub->addAction(tr("Reroute…"));
        reroute->setObjectName(QStringLiteral("reroute"));
        reroute->setEnabled(canAct && !pending && m_quickActions->directory());
        connect(reroute, &QAction::triggered, this,
            [this, number] { m_quickActions->reroute({ number }, QuickActions::Origin::Tray); });
        sub->addSeparator();
        QAction* open = sub->addAction(tr("Open in Rota"));
        open->setObjectName(QStringLiteral("open"));
        connect(open, &QAction::triggered, this, [this, number] {
            if (m_showIncident)
                m_showIncident(number);
        });
        menu->addMenu(sub);
    }
    if (rows.size() > MaxMenuIncidents) {
        QAction* more = menu->addAction(
            tr("And %n more…", nullptr, static_cast<int>(rows.size() - MaxMenuIncidents)));
        more->setObjectName(QStringLiteral("more"));
        connect(more, &QAction::triggered, this, [this] {
            if (m_showIncident)
                m_showIncident(QString());
        });
    }
    populateAwayPages(menu);

    menu->addSeparator();
    const int triggered = m_incidents ? m_incidents->countPagingMe(Phase::Triggered) : 0;
    const int open
        = triggered + (m_incidents ? m_incidents->countPagingMe(Phase::Acknowledged) : 0);
    QAction* ackAll = menu->addAction(tr("Acknowledge all paging me"));
    ackAll->setObjectName(QStringLiteral("acknowledgeAll"));
    ackAll->setEnabled(canAct && triggered > 0);
    connect(ackAll, &QAction::triggered, this,
        [this] { m_quickActions->acknowledgeAllPagingMe(QuickActions::Origin::Tray); });
    QAction* resolveAll = menu->addAction(tr("Resolve all paging me"));
    resolveAll->setObjectName(QStringLiteral("resolveAll"));
    resolveAll->setEnabled(canAct && open > 0);
    connect(resolveAll, &QAction::triggered, this, [this] {
        if (!m_actions || !m_incidents)
            return;
        // Nobody can undo it: ask first, over the window when it is there.
        QWidget* parent = m_window && m_window->isVisible() ? m_window.data() : nullptr;
        const QPointer<QuickActions> quick = m_quickActions;
        askResolveAllPagingMe(parent, *m_incidents, [quick] {
            if (quick)
                quick->resolveAllPagingMe(QuickActions::Origin::Tray);
        });
    });

    QAction* page = menu->addAction(tr("Page someone…"));
    page->setObjectName(QStringLiteral("pageSomeone"));
    page->setEnabled(canAct && m_pageSomeone);
    connect(page, &QAction::triggered, this, [this] {
        if (m_pageSomeone)
            m_pageSomeone();
    });

    menu->addSeparator();
    QAction* openRota = menu->addAction(tr("Open Rota"));
    openRota->setObjectName(QStringLiteral("openRota"));
    connect(openRota, &QAction::triggered, this, &TrayController::showWindow);

    NotificationFilter* filter = m_notifier->filter();
    const QString paused = pauseText();
    auto* pause = new QMenu(paused.isEmpty() ? tr("Pause notifications") : paused, menu);
    pause->setObjectName(QStringLiteral("pause"));
    QAction* thirty = pause->addAction(tr("For 30 minutes"));
    thirty->setObjectName(QStringLiteral("pause30"));
    connect(thirty, &QAction::triggered, filter, [filter] { filter->pauseFor(30 * 60); });
    QAction* hour = pause->addAction(tr("For 1 hour"));
    hour->setObjectName(QStringLiteral("pause60"));
    connect(hour, &QAction::triggered, filter, [filter] { filter->pauseFor(60 * 60); });
    QAction* untilResumed = pause->addAction(tr("Until resumed"));
    untilResumed->setObjectName(QStringLiteral("pauseIndefinitely"));
    connect(untilResumed, &QAction::triggered, filter, &NotificationFilter::pauseIndefinitely);
    pause->addSeparator();
    QAction* resume = pause->addAction(tr("Resume notifications"));
    resume->setObjectName(QStringLiteral("resume"));
    resume->setEnabled(filter->isPaused());
    connect(resume, &QAction::triggered, filter, &NotificationFilter::resume);
    menu->addMenu(pause);

    menu->addSeparator();
    QAction* quit = menu->addAction(tr("Quit"));
    quit->setObjectName(QStringLiteral("quit"));
    // Asks the application to quit, as File › Quit does; the application decides (QuitController).
    connect(quit, &QAction::triggered, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
}

void TrayController::showWindow()
{
    if (!m_window)
        return;
    bringToFront(m_window);
}

void TrayController::toggleWindow()
{
    if (!m_window)
        return;
    if (m_window->isVisible() && !m_window->isMinimized())
        m_window->hide();
    else
        showWindow();
}

void TrayController::onClosedToTray()
{
    QSettings settings(QStringLiteral("Rota"), QStringLiteral("rota"));
    if (settings.value(closeExplainedKey()).toBool())
        return;
    showBalloon(tr("Rota is still running"),
        tr("Rota keeps watching your incidents from the tray. Click the icon to open it again; "
           "choose Quit in its menu to leave."),
        QSystemTrayIcon::Information);
    settings.setValue(closeExplainedKey(), true);
}

void TrayController::showBalloon(
    const QString& title, const QString& text, QSystemTrayIcon::MessageIcon icon)
{
    m_balloonIncident.reset(); // about no incident: a click opens the window
    m_icon->showMessage(title, text, icon);
}

void TrayController::onBalloonClicked()
{
    if (!std::exchange(m_balloonClicked, false))
        return;
    if (m_balloonIncident && m_showIncident)
        m_showIncident(*m_balloonIncident); // empty: a summary of several, the incidents view
    else
        showWindow();
}

void TrayController::setAwayPages(AwayPagesModel* pages, std::function<void(const QString&)> show)
{
    for (const QMetaObject::Connection& connection : std::as_const(m_awayConnections))
        disconnect(connection);
    m_awayConnections.clear();
    m_awayPages = pages;
    m_showAwayPage = std::move(show);
    if (pages)
        m_awayConnections << connect(
            pages, &AwayPagesModel::countChanged, this, &TrayController::scheduleUpdate);
    scheduleUpdate();
}

void TrayController::populateAwayPages(QMenu* menu)
{
    if (!m_awayPages || m_awayPages->count() == 0)
        return;
    menu->addSeparator();
    // A heading, not a command; the entries open the list in the window.
    QAction* heading = menu->addAction(tr("Paged you while you were away"));
    heading->setObjectName(QStringLiteral("awayHeading"));
    heading->setEnabled(false);
    const QList<AwayPage>& pages = m_awayPages->pages();
    for (int i = 0; i < pages.size() && i < MaxMenuAwayPages; ++i) {
        const AwayPage& page = pages.at(i);
        const QString number = page.incidentNumber;
        // The name is the server's: cut, and its '&' not read as a shortcut letter.
        QAction* entry = menu->addAction(tr("#%1 %2 (%3)")
                                             .arg(menuText(number), menuText(page.summary),
                                                 menuText(AwayPagesModel::resolvedText(page))));
        entry->setObjectName(QStringLiteral("away-") + number);
        connect(entry, &QAction::triggered, this, [this, number] {
            if (m_showAwayPage)
                m_showAwayPage(number);
        });
    }
    QAction* open = menu->addAction(pages.size() > MaxMenuAwayPages
            ? tr("Open all %1…").arg(QString::number(pages.size()))
            : tr("Open…"));
    open->setObjectName(QStringLiteral("awayOpen"));
    connect(open, &QAction::triggered, this, [this] {
        if (m_showAwayPage)
            m_showAwayPage(QString());
    });
}

} // namespace rota
