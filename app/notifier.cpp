#include "notifier.h"

#include "applog.h"
#include "incidentactions.h"
#include "incidentmodel.h"
#include "incidentpoller.h"
#include "notificationfilter.h"
#include "settings.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QSystemTrayIcon>
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

} // namespace

Notifier::Notifier(Settings* settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_filter(new NotificationFilter({}, this))
{
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
        m_numberOf.clear();
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
    disconnect(m_pollerConnection);
    m_model = model;
    m_poller = poller;
    m_actions = actions;
    m_open = std::move(open);
    m_numberOf.clear();
    m_trayMessageNumber.clear();
    m_filter->reset();
    if (m_poller) {
        m_pollerConnection
            = connect(m_poller, &IncidentPoller::refreshed, this, &Notifier::handleSnapshot);
    }
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
    const QList<Incident> fresh = m_filter->take(snapshot);
    if (!fresh.isEmpty())
        notify(fresh);
}

void Notifier::notify(const QList<Incident>& incidents)
{
    if (incidents.isEmpty())
        return;
    if (incidents.size() <= MaxSeparate) {
        for (const Incident& incident : incidents) {
            const bool pagingMe = m_filter->isPagingMe(incident);
            m_waiting.append({ summaryFor(incident), bodyFor(incident, pagingMe),
                incident.incidentNumber, pagingMe });
        }
    } else {
        Pending summary;
        summary.summary = tr("%n new incidents", nullptr, static_cast<int>(incidents.size()));
        QStringList lines;
        bool critical = false;
        for (const Incident& incident : incidents) {
            critical = critical || m_filter->isPagingMe(incident);
            if (lines.size() < MaxSeparate)
                lines << summaryFor(incident);
        }
        lines << tr("Open Rota to see them all.");
        summary.body = lines.join(QLatin1Char('\n'));
        summary.critical = critical;
        m_waiting.append(summary);
    }
    flush();
}

void Notifier::flush()
{
    if (!m_capabilitiesKnown)
        return;
    const QList<Pending> waiting = std::exchange(m_waiting, {});
    for (const Pending& note : waiting)
        send(note);
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
        m_trayMessageNumber = note.number;
        m_tray->showMessage(note.summary, note.body,
            note.critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information);
        break;
    case Backend::Unknown:
    case Backend::None:
        qCInfo(lcApp, "nowhere to show a notification: %s", qPrintable(note.summary));
        return;
    }
    Q_EMIT sent(how, note.summary, note.number);
}

void Notifier::sendDBus(const Pending& note, bool withActions)
{
    QStringList actions;
    if (withActions) {
        actions << QStringLiteral("default") << tr("Open");
        if (!note.number.isEmpty())
            actions << QStringLiteral("ack") << tr("Acknowledge");
        actions << QStringLiteral("open") << tr("Open");
    }
    QVariantMap hints;
    // Urgency is a byte: 1 normal, 2 critical (critical ones stay until dismissed).
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(note.critical ? 2 : 1)));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("rota"));
    hints.insert(QStringLiteral("category"), QStringLiteral("im.received"));
    if (m_settings && m_settings->preferences().sound == Preferences::Sound::Off)
        hints.insert(QStringLiteral("suppress-sound"), true);
    // The body is markup for a server that says "body-markup" (a subset of HTML: <b>, <a>,
    // <img>…): the server's words in it are escaped, so that they show as written and nothing in
    // them is fetched. The summary is plain text by the specification.
    QString body = note.body;
    if (m_capabilities.contains(QStringLiteral("body-markup")))
        body = body.toHtmlEscaped();

    QDBusMessage call
        = QDBusMessage::createMethodCall(service(), path(), service(), QStringLiteral("Notify"));
    call << QStringLiteral("Rota") << uint(0) << QStringLiteral("rota") << note.summary << body
         << actions << hints << int(-1);
    auto* watcher
        = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    const QString number = note.number;
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [this, number](QDBusPendingCallWatcher* finished) {
            finished->deleteLater();
            const QDBusPendingReply<uint> reply = *finished;
            if (reply.isError()) {
                qCWarning(lcApp, "the notification could not be shown: %s",
                    qPrintable(reply.error().message()));
                return;
            }
            m_numberOf.insert(reply.value(), number);
        });
}

void Notifier::onActionInvoked(uint id, const QString& action)
{
    const auto it = m_numberOf.constFind(id);
    if (it == m_numberOf.constEnd())
        return; // another program's notification
    const QString number = it.value();
    if (action == QLatin1String("ack")) {
        if (m_actions && !number.isEmpty())
            m_actions->acknowledge({ number });
    } else if (action == QLatin1String("open") || action == QLatin1String("default")) {
        openIncident(number);
    }
}

void Notifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    // Servers send ActionInvoked before NotificationClosed, so the id is no longer needed.
    m_numberOf.remove(id);
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

QString Notifier::bodyFor(const Incident& incident, bool pagingMe)
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
    else if (!incident.pagedUsers.isEmpty())
        lines << tr("Paging %1").arg(shortened(incident.pagedUsers.join(QStringLiteral(", "))));
    return lines.join(QLatin1Char('\n'));
}

} // namespace rota
