// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "notifier.h"

#include "alarmsound.h"
#include "applog.h"
#include "incidentactions.h"
#include "incidentmodel.h"
#include "incidentpoller.h"
#include "notificationfilter.h"
#include "pagealarm.h"
#include "quickactions.h"
#include "settings.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVariantMap>

namespace rota {

namespace {

QString service() { return QString::fromLatin1(Notifier::Service); }
QString path() { return QString::fromLatin1(Notifier::Path); }

// A notification is a glance: the server's names in it are cut to this many characters (one of
// 10 kB would fill the screen, or be dropped by the notification server).
constexpr int NameChars = 120;

QString shortened(const QString& text)
{
    if (text.size() <= NameChars)
        return text;
    QString cut = text.left(NameChars - 1);
    if (cut.back().isHighSurrogate())
        cut.chop(1);
    return cut + QChar(0x2026);
}

// A notification about several incidents lists this many of them, one line each; the rest are
// counted (a body of hundreds of lines would be cut by the server anyway), and its actions act on
// all of them.
constexpr int MaxListed = 25;

const QString Several = QStringLiteral("several");
const QString FeedbackPrefix = QStringLiteral("feedback:");
const QString InfoPrefix = QStringLiteral("info:");

} // namespace

Notifier::Notifier(Settings* settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_filter(new NotificationFilter({}, this))
    , m_alarm(new PageAlarm(this))
    , m_sound(new AlarmSound(this))
{
    connect(m_alarm, &PageAlarm::remind, this, &Notifier::remind);
    connect(m_alarm, &PageAlarm::stopped, this, &Notifier::onStopped);
    connect(m_filter, &NotificationFilter::pauseChanged, this, &Notifier::scheduleAlarmUpdate);
    if (m_settings) {
        connect(m_settings, &Settings::changed, this, [this] {
            m_alarm->setRepeatMs(m_settings->preferences().repeatMinutes * 60 * 1000);
            m_filter->setPreferences(m_settings->preferences());
            scheduleAlarmUpdate();
        });
        m_alarm->setRepeatMs(m_settings->preferences().repeatMinutes * 60 * 1000);
    }

    QDBusConnection bus = QDBusConnection::sessionBus();
    m_busConnected = bus.isConnected();
    if (!m_busConnected) {
        m_capabilitiesKnown = true;
        return;
    }
    bus.connect(service(), path(), service(), QStringLiteral("ActionInvoked"), this,
        SLOT(onActionInvoked(uint, QString)));
    bus.connect(service(), path(), service(), QStringLiteral("NotificationClosed"), this,
        SLOT(onNotificationClosed(uint, uint)));
    // A notification server started (or restarted) later may offer other capabilities.
    m_watcher = new QDBusServiceWatcher(service(), bus,
        QDBusServiceWatcher::WatchForRegistration | QDBusServiceWatcher::WatchForUnregistration,
        this);
    connect(m_watcher, &QDBusServiceWatcher::serviceRegistered, this, &Notifier::askCapabilities);
    connect(m_watcher, &QDBusServiceWatcher::serviceUnregistered, this, [this] {
        m_serverPresent = false;
        m_capabilities.clear();
        m_numbersOf.clear();
        m_idOf.clear();
        Q_EMIT capabilitiesChanged();
    });
    askCapabilities();
}

Notifier::~Notifier() = default;

void Notifier::setTrayIcon(QSystemTrayIcon* icon)
{
    if (m_tray)
        disconnect(m_tray, nullptr, this, nullptr);
    m_tray = icon;
    if (m_tray) {
        connect(m_tray, &QSystemTrayIcon::messageClicked, this,
            [this] { openIncident(m_trayMessageNumber); });
    }
}

void Notifier::setSession(IncidentModel* model, IncidentPoller* poller, IncidentActions* actions,
    std::function<void(const QString&)> open)
{
    for (const QMetaObject::Connection& connection : std::as_const(m_sessionConnections))
        disconnect(connection);
    m_sessionConnections.clear();
    // The last session's pages are not this one's: their notifications go, also those still on
    // their way to the server.
    const QList<QString> keys = m_idOf.keys();
    for (const QString& key : keys)
        close(key);
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it)
        m_closeOnArrival.insert(it.key());
    m_afterArrival.clear();
    m_alarm->clear();
    m_model = model;
    m_poller = poller;
    m_actions = actions;
    m_open = std::move(open);
    m_lastSnapshot.clear();
    m_numbersOf.clear();
    m_idOf.clear();
    m_trayMessageNumber.clear();
    m_filter->reset();
    if (m_poller) {
        m_sessionConnections << connect(
            m_poller, &IncidentPoller::refreshed, this, &Notifier::handleSnapshot);
    }
    if (m_model) {
        // An action in flight (the user's, here) stops the alarm at once; a rollback restarts it.
        m_sessionConnections
            << connect(m_model, &IncidentModel::dataChanged, this, &Notifier::scheduleAlarmUpdate)
            << connect(m_model, &IncidentModel::rowsRemoved, this, &Notifier::scheduleAlarmUpdate)
            << connect(m_model, &IncidentModel::modelReset, this, &Notifier::scheduleAlarmUpdate);
    }
}

void Notifier::setQuickActions(QuickActions* quick)
{
    disconnect(m_feedbackConnection);
    m_quick = quick;
    if (!m_quick)
        return;
    m_feedbackConnection = connect(
        m_quick, &QuickActions::feedback, this, [this](const QuickActions::Feedback& feedback) {
            if (feedback.origin != QuickActions::Origin::Notification)
                return;
            Pending note;
            note.summary = feedback.title;
            note.body = feedback.text;
            note.numbers = feedback.incidentNumbers;
            note.feedback = true;
            m_waiting.append(note);
            flush();
        });
}

void Notifier::notifyInfo(const QString& key, const QString& summary, const QString& body)
{
    Pending note;
    note.summary = summary;
    note.body = body;
    note.infoKey = key;
    m_waiting.append(note);
    flush();
}

void Notifier::setOnCall(bool onCall)
{
    if (onCall == m_filter->isOnCall())
        return;
    m_filter->setOnCall(onCall);
    scheduleAlarmUpdate();
}

Notifier::Backend Notifier::backend() const
{
    if (!m_capabilitiesKnown)
        return Backend::Unknown;
    if (m_serverPresent && m_capabilities.contains(QStringLiteral("actions")))
        return Backend::DBusActions;
    if (m_tray && m_tray->isVisible() && QSystemTrayIcon::isSystemTrayAvailable())
        return Backend::Tray;
    if (m_serverPresent)
        return Backend::DBusPlain;
    return Backend::None;
}

void Notifier::askCapabilities()
{
    m_capabilitiesKnown = false;
    const QDBusMessage call = QDBusMessage::createMethodCall(
        service(), path(), service(), QStringLiteral("GetCapabilities"));
    auto* watcher
        = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [this](QDBusPendingCallWatcher* finished) {
            finished->deleteLater();
            const QDBusPendingReply<QStringList> reply = *finished;
            m_serverPresent = !reply.isError();
            m_capabilities = reply.isError() ? QStringList() : reply.value();
            if (reply.isError()) {
                qCInfo(lcApp, "no desktop notification server: %s",
                    qPrintable(reply.error().message()));
            }
            m_capabilitiesKnown = true;
            Q_EMIT capabilitiesChanged();
            flush();
        });
}

void Notifier::handleSnapshot(const QList<Incident>& snapshot)
{
    m_filter->setPreferences(m_settings ? m_settings->preferences() : Preferences());
    if (m_model)
        m_filter->setIdentity(m_model->username(), m_model->teamSlugs());
    const bool baseline = m_filter->awaitsBaseline();
    // Only alarming() without a model reads it; with a model it would keep a second copy of
    // every incident (this answer's own texts) alive until the next refresh.
    if (m_model)
        m_lastSnapshot.clear();
    else
        m_lastSnapshot = snapshot;
    notify(m_filter->take(snapshot));
    updateAlarm(baseline);
}

void Notifier::notify(const QList<Incident>& incidents)
{
    if (incidents.isEmpty())
        return;
    const bool sound = !m_settings || m_settings->preferences().sound != Preferences::Sound::Off;
    if (incidents.size() <= MaxSeparate) {
        for (const Incident& incident : incidents) {
            Pending note = noteFor(incident);
            note.sound = sound;
            m_waiting.append(note);
        }
    } else {
        Pending note = listNote(
            tr("%n new incidents", nullptr, static_cast<int>(incidents.size())), incidents);
        note.sound = sound;
        m_waiting.append(note);
    }
    flush();
}

Notifier::Pending Notifier::noteFor(const Incident& incident) const
{
    const bool pagingMe = m_filter->isPagingMe(incident);
    Pending note;
    note.summary = summaryFor(incident);
    note.body = bodyFor(incident, pagingMe, m_model);
    note.numbers = QStringList { incident.incidentNumber };
    note.critical = pagingMe;
    note.persistent = pagingMe;
    note.replaces = incident.incidentNumber;
    return note;
}

Notifier::Pending Notifier::listNote(const QString& summary, const QList<Incident>& incidents) const
{
    Pending note;
    note.summary = summary;
    QStringList lines;
    for (const Incident& incident : incidents) {
        note.numbers << incident.incidentNumber;
        note.critical = note.critical || m_filter->isPagingMe(incident);
        if (lines.size() < MaxListed)
            lines << summaryFor(incident);
    }
    if (incidents.size() > MaxListed) {
        lines << tr("and %n more: Open shows them all", nullptr,
            static_cast<int>(incidents.size() - MaxListed));
    }
    note.body = lines.join(QLatin1Char('\n'));
    note.persistent = note.critical;
    note.replaces = Several;
    return note;
}

QList<Incident> Notifier::alarming() const
{
    QList<Incident> result;
    if (m_model) {
        const QList<int> rows = m_model->openRowsPagingMe();
        for (int row : rows) {
            if (m_model->pendingAt(row) != IncidentModel::PendingAction::None)
                continue; // the user is acting on it
            const Incident& incident = m_model->incidentAt(row);
            if (m_filter->isAlarming(incident, m_model->phaseAt(row)))
                result.append(incident);
        }
        return result;
    }
    for (const Incident& incident : m_lastSnapshot) {
        if (m_filter->isAlarming(incident, incident.phase))
            result.append(incident);
    }
    return result;
}

void Notifier::scheduleAlarmUpdate()
{
    if (m_alarmUpdateScheduled)
        return;
    m_alarmUpdateScheduled = true;
    QTimer::singleShot(0, this, [this] { updateAlarm(false); });
}

void Notifier::updateAlarm(bool announce)
{
    m_alarmUpdateScheduled = false;
    if (m_filter->awaitsBaseline())
        return; // nothing is known yet
    const QList<Incident> now = alarming();
    m_alarm->update(now);
    if (!announce || now.isEmpty())
        return;
    // What already paged the user when Rota started (or signed in): one notification.
    Pending note = now.size() == 1
        ? noteFor(now.constFirst())
        : listNote(tr("%n incidents are paging you", nullptr, static_cast<int>(now.size())), now);
    note.sound = !m_settings || m_settings->preferences().sound != Preferences::Sound::Off;
    m_waiting.append(note);
    flush();
}

bool Notifier::soundRepeats() const
{
    const Preferences::Sound sound
        = m_settings ? m_settings->preferences().sound : Preferences().sound;
    return sound == Preferences::Sound::UntilAcknowledged
        || (sound == Preferences::Sound::UntilAcknowledgedOnCall && m_filter->isOnCall());
}

void Notifier::remind()
{
    // The alarm may be a refresh behind the rows: ask them first.
    const QList<Incident> now = alarming();
    m_alarm->update(now);
    if (now.isEmpty())
        return;
    const bool sound = soundRepeats();
    if (now.size() <= MaxSeparate) {
        for (const Incident& incident : now) {
            Pending note = noteFor(incident);
            note.body += QLatin1Char('\n') + tr("Still not acknowledged");
            note.sound = sound;
            m_waiting.append(note);
        }
    } else {
        Pending note = listNote(
            tr("%n incidents are still paging you", nullptr, static_cast<int>(now.size())), now);
        note.sound = sound;
        m_waiting.append(note);
    }
    flush();
    QStringList numbers;
    for (const Incident& incident : now)
        numbers << incident.incidentNumber;
    Q_EMIT reminded(numbers);
}

void Notifier::onStopped(const QStringList& numbers)
{
    for (const QString& number : numbers)
        close(number);
    // A notification about several goes when none of them alarms any more.
    const uint several = m_idOf.value(Several);
    if (several != 0) {
        const QStringList still = m_alarm->numbers();
        bool any = false;
        for (const QString& number : m_numbersOf.value(several))
            any = any || still.contains(number);
        if (!any)
            close(Several);
    }
    if (!m_alarm->isActive())
        m_sound->stop();
}

void Notifier::flush()
{
    if (!m_capabilitiesKnown)
        return;
    const QList<Pending> waiting = std::exchange(m_waiting, {});
    bool chimed = false;
    for (const Pending& note : waiting) {
        // One chime for what arrives together, wherever it is shown (also nowhere).
        if (note.sound && !chimed) {
            m_sound->play();
            chimed = true;
        }
        send(note);
    }
}

void Notifier::send(const Pending& note)
{
    const Backend how = backend();
    switch (how) {
    case Backend::DBusActions:
        sendDBus(note, true);
        break;
    case Backend::DBusPlain:
        sendDBus(note, false);
        break;
    case Backend::Tray:
        m_trayMessageNumber = note.numbers.size() == 1 ? note.numbers.constFirst() : QString();
        m_tray->showMessage(note.summary, note.body,
            note.critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information);
        break;
    case Backend::Unknown:
    case Backend::None:
        qCInfo(lcApp, "nowhere to show a notification: %s", qPrintable(note.summary));
        return;
    }
    Q_EMIT sent(
        how, note.summary, note.numbers.size() == 1 ? note.numbers.constFirst() : QString());
}

QString Notifier::keyOf(const QStringList& numbers)
{
    return numbers.size() == 1 ? numbers.constFirst() : Several;
}

void Notifier::sendDBus(const Pending& note, bool withActions)
{
    QStringList actions;
    if (withActions) {
        // "default" is a click on the notification; servers that show it as a button (xfce4)
        // label it Open, so no separate "open" action (it would show twice there).
        actions << QStringLiteral("default") << tr("Open");
        if (note.feedback || !note.infoKey.isEmpty()) {
            // The outcome of an action, or news of no incident: a click opens, nothing more.
        } else if (note.numbers.size() == 1) {
            // Most servers show the first ones as buttons (GNOME Shell at most three), the
            // rest in a menu where there is one: the most used first.
            actions << QStringLiteral("ack") << tr("Acknowledge") << QStringLiteral("reroute")
                    << tr("Reroute…") << QStringLiteral("resolve") << tr("Resolve")
                    << QStringLiteral("ackmsg") << tr("Acknowledge with message…");
        } else {
            actions << QStringLiteral("ack") << tr("Acknowledge all");
        }
    }
    QVariantMap hints;
    // Urgency is a byte: 1 normal, 2 critical (critical ones stay until dismissed).
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(note.critical ? 2 : 1)));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("rota"));
    hints.insert(QStringLiteral("category"), QStringLiteral("im.received"));
    // Rota plays its own sound (AlarmSound says why): no server should add one.
    hints.insert(QStringLiteral("suppress-sound"), true);
    // The body is markup for a server that says "body-markup" (a subset of HTML: <b>, <a>,
    // <img>…): the server's words in it are escaped, so that they show as written and nothing in
    // them is fetched. The summary is plain text by the specification.
    QString body = note.body;
    if (m_capabilities.contains(QStringLiteral("body-markup")))
        body = body.toHtmlEscaped();

    // A reminder replaces the notification it reminds of (the server shows it again); the
    // outcome of an action replaces the incident's notification, or the last outcome.
    const QString key = !note.infoKey.isEmpty() ? InfoPrefix + note.infoKey
        : note.feedback                         ? FeedbackPrefix + keyOf(note.numbers)
                                                : keyOf(note.numbers);
    // The one to replace is still on its way, its id unknown: this one follows once it is
    // known, or both would stay on screen (an action's outcome can come back before the server
    // has answered for "Acknowledging…").
    const bool replacesPage = note.feedback && note.numbers.size() == 1 && !m_idOf.contains(key);
    if (isInFlight(key) || (replacesPage && isInFlight(note.numbers.constFirst()))) {
        m_afterArrival.insert(key, qMakePair(note, withActions));
        return;
    }
    uint replaces = m_idOf.value(key);
    if (note.feedback && replaces == 0 && note.numbers.size() == 1)
        replaces = m_idOf.take(note.numbers.constFirst());
    QDBusMessage call
        = QDBusMessage::createMethodCall(service(), path(), service(), QStringLiteral("Notify"));
    call << QStringLiteral("Rota") << replaces << QStringLiteral("rota") << note.summary << body
         << actions << hints << int(note.persistent ? 0 : -1);
    auto* watcher
        = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    const QStringList numbers = note.numbers;
    const quint64 serial = ++m_serial;
    m_inFlight.insert(serial, key);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [this, numbers, key, replaces, serial](QDBusPendingCallWatcher* finished) {
            finished->deleteLater();
            m_inFlight.remove(serial);
            const bool closed = m_closeOnArrival.remove(serial);
            const QDBusPendingReply<uint> reply = *finished;
            if (reply.isError()) {
                qCWarning(lcApp, "the notification could not be shown: %s",
                    qPrintable(reply.error().message()));
            } else {
                if (replaces != 0 && replaces != reply.value())
                    m_numbersOf.remove(replaces);
                // Closed while on its way (the user acted before the server answered, or the
                // session ended): it goes as soon as its id is known.
                if (closed) {
                    closeId(reply.value());
                } else {
                    m_numbersOf.insert(reply.value(), numbers);
                    m_idOf.insert(key, reply.value());
                }
            }
            // What waited for this id goes now (an outcome waits for its incident's page too).
            const QString feedbackKey = FeedbackPrefix + key;
            for (const QString& waiting : { key, feedbackKey }) {
                if (!isInFlight(waiting) && m_afterArrival.contains(waiting)) {
                    const QPair<Pending, bool> next = m_afterArrival.take(waiting);
                    sendDBus(next.first, next.second);
                }
            }
        });
}

bool Notifier::isInFlight(const QString& key) const
{
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it) {
        if (it.value() == key)
            return true;
    }
    return false;
}

void Notifier::close(const QString& key)
{
    m_afterArrival.remove(key);
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it) {
        if (it.value() == key)
            m_closeOnArrival.insert(it.key());
    }
    const uint id = m_idOf.take(key);
    if (id != 0)
        closeId(id);
}

void Notifier::closeId(uint id)
{
    m_numbersOf.remove(id);
    if (!m_serverPresent)
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(
        service(), path(), service(), QStringLiteral("CloseNotification"));
    call << id;
    QDBusConnection::sessionBus().asyncCall(call);
}

void Notifier::onActionInvoked(uint id, const QString& action)
{
    const auto it = m_numbersOf.constFind(id);
    if (it == m_numbersOf.constEnd())
        return; // another program's notification
    const QStringList numbers = it.value();
    const auto origin = QuickActions::Origin::Notification;
    if (action == QLatin1String("ack")) {
        if (m_quick)
            m_quick->acknowledge(numbers, origin);
        else if (m_actions)
            m_actions->acknowledge(numbers);
    } else if (action == QLatin1String("resolve")) {
        if (m_quick)
            m_quick->resolve(numbers, origin);
        else if (m_actions)
            m_actions->resolve(numbers);
    } else if (action == QLatin1String("ackmsg") && m_quick) {
        m_quick->acknowledgeWithMessage(numbers, origin);
    } else if (action == QLatin1String("reroute") && m_quick) {
        m_quick->reroute(numbers, origin);
    } else {
        // "open", "default" (a click), and what needs a window when there is no QuickActions.
        if (numbers.size() > 1 && m_openMany)
            m_openMany(numbers);
        else
            openIncident(numbers.size() == 1 ? numbers.constFirst() : QString());
    }
}

void Notifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    // Servers send ActionInvoked before NotificationClosed, so the id is no longer needed. A page
    // dismissed while it alarms comes back with the next reminder, as a new notification.
    m_numbersOf.remove(id);
    for (auto it = m_idOf.begin(); it != m_idOf.end();) {
        if (it.value() == id)
            it = m_idOf.erase(it);
        else
            ++it;
    }
}

void Notifier::openIncident(const QString& number)
{
    if (m_open)
        m_open(number);
}

QString Notifier::summaryFor(const Incident& incident)
{
    const QString what
        = incident.entityDisplayName.isEmpty() ? incident.entityId : incident.entityDisplayName;
    return tr("#%1 %2").arg(shortened(incident.incidentNumber), shortened(what));
}

QString Notifier::bodyFor(const Incident& incident, bool pagingMe, const IncidentModel* names)
{
    QStringList lines;
    if (!incident.service.isEmpty())
        lines << tr("Service: %1").arg(shortened(incident.service));
    else if (!incident.host.isEmpty())
        lines << tr("Host: %1").arg(shortened(incident.host));
    if (!incident.routingKey.isEmpty())
        lines << tr("Routing key: %1").arg(shortened(incident.routingKey));
    if (pagingMe)
        lines << tr("Paging you");
    else if (!incident.pagedTeams.isEmpty())
        lines << tr("Paging %1").arg(shortened(incident.pagedTeams.join(QStringLiteral(", "))));
    else if (!incident.pagedUsers.isEmpty()) {
        QStringList people;
        for (const QString& user : incident.pagedUsers)
            people << (names ? names->nameOf(user) : user);
        lines << tr("Paging %1").arg(shortened(people.join(QStringLiteral(", "))));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace rota
