// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The soak benchmark's desktop notification server: owns org.freedesktop.Notifications on the
// session bus it runs on (bench/soak/run gives it a private one) and writes every call it gets to
// a file, one JSON object a line, flushed at once, so the benchmark reads exactly what Rota sent
// and when, even if the recorder is killed.
//
//   notification_recorder --out FILE
//
// Prints "ready" on standard output once it owns the name; exits 1 when it cannot (another
// server runs on that bus). Each line has "event" (Notify, CloseNotification, GetCapabilities,
// GetServerInformation), "utc" (ISO 8601 with milliseconds) and "monotonicMs" (CLOCK_MONOTONIC,
// as Python's time.monotonic() reads it, times 1000); Notify adds id, replacesId, app, summary,
// body, actions, hints and expireTimeout; CloseNotification adds id.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QVariantMap>

#include <cstdio>
#include <ctime>

namespace rota::bench {

class NotificationRecorder : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    explicit NotificationRecorder(QFile* out, QObject* parent = nullptr)
        : QObject(parent)
        , m_out(out)
    {
    }

public Q_SLOTS:
    QStringList GetCapabilities()
    {
        write(event(QStringLiteral("GetCapabilities")));
        // What a full desktop server such as GNOME Shell or KDE Plasma offers.
        return { QStringLiteral("actions"), QStringLiteral("body"), QStringLiteral("body-markup"),
            QStringLiteral("persistence") };
    }

    uint Notify(const QString& appName, uint replacesId, const QString& appIcon,
        const QString& summary, const QString& body, const QStringList& actions,
        const QVariantMap& hints, int expireTimeout)
    {
        // As the specification says: a notification that replaces a shown one keeps its id.
        const uint id = replacesId != 0 && m_shown.contains(replacesId) ? replacesId : ++m_lastId;
        m_shown.insert(id);
        QJsonObject line = event(QStringLiteral("Notify"));
        line.insert(QStringLiteral("id"), qint64(id));
        line.insert(QStringLiteral("replacesId"), qint64(replacesId));
        line.insert(QStringLiteral("app"), appName);
        line.insert(QStringLiteral("icon"), appIcon);
        line.insert(QStringLiteral("summary"), summary);
        line.insert(QStringLiteral("body"), body);
        line.insert(QStringLiteral("actions"), QJsonArray::fromStringList(actions));
        QJsonObject hintValues;
        for (auto it = hints.constBegin(); it != hints.constEnd(); ++it)
            hintValues.insert(it.key(), hintValue(it.value()));
        line.insert(QStringLiteral("hints"), hintValues);
        line.insert(QStringLiteral("expireTimeout"), expireTimeout);
        write(line);
        return id;
    }

    void CloseNotification(uint id)
    {
        QJsonObject line = event(QStringLiteral("CloseNotification"));
        line.insert(QStringLiteral("id"), qint64(id));
        write(line);
        if (m_shown.remove(id))
            Q_EMIT NotificationClosed(id, 3); // 3: closed by a call to CloseNotification
    }

    QString GetServerInformation(QString& vendor, QString& version, QString& specVersion)
    {
        write(event(QStringLiteral("GetServerInformation")));
        vendor = QStringLiteral("Rota");
        version = QStringLiteral("1");
        specVersion = QStringLiteral("1.2");
        return QStringLiteral("rota-soak-notification-recorder");
    }

Q_SIGNALS:
    void NotificationClosed(uint id, uint reason);
    void ActionInvoked(uint id, const QString& actionKey);

private:
    QJsonObject event(const QString& name) const
    {
        return {
            { QStringLiteral("event"), name },
            { QStringLiteral("utc"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
            { QStringLiteral("monotonicMs"), monotonicMs() },
        };
    }

    static qint64 monotonicMs()
    {
        timespec now {};
        clock_gettime(CLOCK_MONOTONIC, &now);
        return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    }

    // Hints are variants of D-Bus types: urgency is a byte, image-data a structure.
    static QJsonValue hintValue(const QVariant& value)
    {
        if (value.canConvert<QDBusArgument>())
            return QStringLiteral("(D-Bus structure %1)")
                .arg(value.value<QDBusArgument>().currentSignature());
        switch (value.typeId()) {
        case QMetaType::UChar:
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            return value.toLongLong();
        case QMetaType::Bool:
            return value.toBool();
        case QMetaType::Double:
            return value.toDouble();
        default:
            return value.toString();
        }
    }

    void write(const QJsonObject& line)
    {
        m_out->write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
        m_out->flush();
    }

    QFile* m_out;
    uint m_lastId = 0;
    QSet<uint> m_shown;
};

} // namespace rota::bench

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Records every desktop notification sent on this D-Bus session bus, one JSON line each."));
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"),
        QStringLiteral("Append the records to FILE."), QStringLiteral("FILE"));
    parser.addOption(outOption);
    parser.process(app);
    if (!parser.isSet(outOption)) {
        std::fprintf(stderr, "notification_recorder: --out FILE is required\n");
        return 2;
    }
    QFile out(parser.value(outOption));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Append)) {
        std::fprintf(stderr, "notification_recorder: cannot write %s: %s\n",
            qPrintable(out.fileName()), qPrintable(out.errorString()));
        return 1;
    }

    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        std::fprintf(stderr, "notification_recorder: no D-Bus session bus: %s\n",
            qPrintable(bus.lastError().message()));
        return 1;
    }
    rota::bench::NotificationRecorder recorder(&out);
    if (!bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &recorder,
            QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals)) {
        std::fprintf(stderr, "notification_recorder: cannot register the object: %s\n",
            qPrintable(bus.lastError().message()));
        return 1;
    }
    // Not queued behind another server: the benchmark must see every notification, or none.
    const auto reply = bus.interface()->registerService(
        QStringLiteral("org.freedesktop.Notifications"), QDBusConnectionInterface::DontQueueService,
        QDBusConnectionInterface::DontAllowReplacement);
    if (!reply.isValid() || reply.value() != QDBusConnectionInterface::ServiceRegistered) {
        std::fprintf(stderr,
            "notification_recorder: cannot own org.freedesktop.Notifications on this bus (another "
            "notification server runs there?)\n");
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    return QCoreApplication::exec();
}

#include "notification_recorder.moc"
