// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The seeded organisation: "Northwind Labs", a fictional company whose people, teams, schedules and
// incidents are generated from --seed. The same seed gives the same org; only the times move, as
// they are laid out relative to the current hour.

#include "simcontext.h"
#include "simlog.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <map>

namespace rota::sim {

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kWeek = 7 * kDay;

const QString kDomain = QStringLiteral("northwind-labs.example");

QDateTime utcFromMs(qint64 ms)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
#else
    // A Qt::UTC spec rather than a QTimeZone: on 6.4 the latter makes every later
    // computation on the value go through the time-zone backend.
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
#endif
}

template <typename T, std::size_t N> constexpr int lengthOf(const T (&)[N])
{
    return static_cast<int>(N);
}

template <std::size_t N> QStringList strings(const char* const (&words)[N])
{
    QStringList out;
    for (const char* word : words)
        out.append(QString::fromUtf8(word));
    return out;
}

// Written for this simulator: a mix of names from many places, as a global company has.
const char* const kFirstNames[] = { "Maya", "Liam", "Aisha", "Mateo", "Priya", "Kenji", "Chloé",
    "Oluwaseun", "Sofia", "Arjun", "Ingrid", "Tomás", "Mei", "Dmitri", "Fatima", "Noah", "Zanele",
    "Hiroshi", "Lucía", "Emeka", "Sara", "Yusuf", "Hana", "Björn", "Amara", "Diego", "Nadia",
    "Rahul", "Elif", "Jonas", "Thandiwe", "Wei", "Camila", "Kwame", "Ana", "Sven", "Leila",
    "Marcus", "Yuki", "Olga", "Tariq", "Grace", "Ravi", "Inés", "Malik", "Freya", "Chen", "Isabela",
    "Omar", "Niamh", "Kofi", "Aylin", "Lars", "Jia", "Santiago", "Zara", "Dev", "Astrid", "Femi",
    "Rosa", "Haruto", "Mariam", "Pedro", "Siobhan", "Anil", "Keiko", "Joaquín", "Ngozi", "Erik",
    "Layla", "Vikram", "Chiara", "Ahmed", "Min-jun", "Nora", "Tunde", "Anneke", "Rohan", "Ji-woo",
    "Mila", "Søren", "Imani", "Paulo", "Ewa" };

const char* const kLastNames[] = { "Okafor", "Nguyen", "Schmidt", "García", "Patel", "Tanaka",
    "Kowalski", "Haddad", "O'Brien", "Johansson", "Silva", "Mensah", "Kim", "Rossi", "Novak",
    "Adeyemi", "Fernández", "Chen", "Müller", "Singh", "Yamamoto", "Dubois", "Osei", "Murphy",
    "Costa", "Nakamura", "Ali", "Andersson", "Hernández", "Zhang", "Mwangi", "Kaur", "Park",
    "Bianchi", "Nowak", "Eze", "Lindqvist", "Ortiz", "Suzuki", "Rahman", "Hoffmann", "Abebe",
    "Lopez", "Sato", "Petrov", "Okonkwo", "Wang", "Dimitriou", "Reyes", "Bakker", "Hassan", "Mehta",
    "Cohen", "Khumalo", "Larsen", "Moreau", "Santos", "Kaplan", "Das", "Takahashi", "Jensen",
    "Oyelaran", "Vargas", "Brennan", "Yilmaz", "Fischer", "Boateng", "Iyer", "Ahn", "Castillo",
    "Nilsen", "Achebe", "Kapoor", "Walsh", "Ferreira", "Lund", "Ito", "Mbeki", "Romano", "Sandoval",
    "Hughes", "Tran" };

const char* const kAreaCodes[] = { "206", "312", "415", "503", "512", "617", "646", "720" };
const char* const kPersonalDomains[] = { "mailbox.example", "inbox.example", "post.example" };
const char* const kEscalationSounds[] = { "Default", "Alarm", "Klaxon", "Sonar", "Siren" };
const char* const kChatSounds[] = { "Default", "Ding", "Pop" };
const char* const kResolvedSounds[] = { "Default", "Success", "Silent" };
const char* const kAndroidModels[] = { "Pixel", "Galaxy", "OnePlus" };

const char* const kAckMessages[] = { "Looking into it", "On it", "Ack, checking the dashboards",
    "Investigating", "Known issue, following the runbook", "", "", "Taking this one" };
const char* const kResolveMessages[] = { "Rolled back the last deploy", "Restarted the pods",
    "Failed over to the replica", "Threshold tuned, false alarm", "Upstream provider recovered",
    "Cleared disk space and rotated logs", "Scaled the worker pool up", "", "" };
const char* const kManualSummaries[] = { "Customers report slow checkout",
    "Support sees login failures in the EU", "Elevated error rate after deploy",
    "Partner reports webhook delays", "Dashboard shows missing data since 02:00" };

// Lower-case ASCII for usernames: accents dropped, the few letters without a decomposition mapped.
QString asciiFold(const QString& text)
{
    QString out;
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    for (const QChar c : decomposed) {
        const QChar lower = c.toLower();
        if ((lower >= u'a' && lower <= u'z') || (lower >= u'0' && lower <= u'9'))
            out.append(lower);
        else if (lower == u'ø')
            out.append(QLatin1Char('o'));
        else if (lower == u'æ')
            out.append(QLatin1String("ae"));
        else if (lower == u'ß')
            out.append(QLatin1String("ss"));
        else if (lower == u'ł')
            out.append(QLatin1Char('l'));
    }
    return out;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

//! A rotation's shifts laid out as the schedule engine (ShiftClock, schedules.h) lays them out, so
//! the shift log and the paging of seeded incidents agree with the schedules the API shows: shifts
//! of whole days hand over at the anchor's wall-clock time in the rotation's zone (a weekly
//! handoff stays at Monday 09:00 across daylight-saving changes); other lengths count absolute
//! hours from the anchor.
class RotationClock {
public:
    //! Wall-clock handoffs are worked out once for the shifts that touch fromMs..toMs.
    RotationClock(const SimRotation& rotation, qint64 fromMs, qint64 toMs)
        : m_members(rotation.members)
        , m_anchorMs(rotation.anchor.toMSecsSinceEpoch())
        , m_shiftMs(qMax(1, rotation.shiftHours) * kHour)
    {
        const QTimeZone zone(rotation.timeZone.toUtf8());
        if (rotation.shiftHours % 24 != 0 || !zone.isValid())
            return;
        const QDateTime anchorLocal = rotation.anchor.toTimeZone(zone);
        const qint64 days = rotation.shiftHours / 24;
        m_first = floorDiv(fromMs - m_anchorMs, m_shiftMs) - 1;
        const qint64 last = floorDiv(toMs - m_anchorMs, m_shiftMs) + 2;
        for (qint64 index = m_first; index <= last; ++index) {
            const QDateTime local(
                anchorLocal.date().addDays(index * days), anchorLocal.time(), zone);
            m_starts.append(
                local.isValid() ? local.toMSecsSinceEpoch() : m_anchorMs + index * m_shiftMs);
        }
    }

    qint64 startOf(qint64 index) const
    {
        const qint64 i = index - m_first;
        return i >= 0 && i < m_starts.size() ? m_starts.at(i) : m_anchorMs + index * m_shiftMs;
    }

    qint64 indexAt(qint64 ms) const
    {
        qint64 index = floorDiv(ms - m_anchorMs, m_shiftMs);
        // The estimate can be an hour off around a daylight-saving change; settle it exactly.
        while (startOf(index) > ms)
            --index;
        while (startOf(index + 1) <= ms)
            ++index;
        return index;
    }

    QString memberOf(qint64 index) const
    {
        if (m_members.isEmpty())
            return {};
        const qint64 n = m_members.size();
        return m_members.at(static_cast<int>(((index % n) + n) % n));
    }

    QString memberAt(qint64 ms, int offset = 0) const { return memberOf(indexAt(ms) + offset); }

private:
    QStringList m_members;
    qint64 m_anchorMs = 0;
    qint64 m_shiftMs = kWeek;
    qint64 m_first = 0;
    QList<qint64> m_starts; //!< wall-clock shift starts from index m_first on; empty: absolute
};

struct CheckDef {
    QString hostPrefix; //!< empty: the check is about a service with no host
    int hostCount = 1;
    QString service;
    QString summary; //!< %1 is the host
    QString tool; //!< becomes the incident's monitorName
    QString type; //!< monitorType, one of the definition's values
    bool hostLevel = false;
    int route = 0; //!< index into TeamDef::routes
};

struct TeamDef {
    QString name;
    QString zone;
    QStringList routes; //!< routing keys whose incidents belong to this team
    QList<CheckDef> checks;
    int defaultRoute = -1; //!< index of the org's default routing key, if this team owns it
};

CheckDef check(const char* hostPrefix, int hostCount, const char* service, const char* summary,
    const char* tool, const char* type, bool hostLevel, int route)
{
    return CheckDef { QString::fromUtf8(hostPrefix), hostCount, QString::fromUtf8(service),
        QString::fromUtf8(summary), QString::fromUtf8(tool), QString::fromUtf8(type), hostLevel,
        route };
}

QList<TeamDef> smallTeamDefs()
{
    return {
        { QStringLiteral("Platform"), QStringLiteral("America/New_York"),
            { QStringLiteral("platform-alerts"), QStringLiteral("k8s") },
            { check("api-gw-", 4, "nginx 5xx rate", "nginx 5xx rate above 2% on %1", "Prometheus",
                  "API", false, 0),
                check("k8s-node-", 12, "kubelet", "Kubernetes node NotReady: %1", "Prometheus",
                    "API", true, 1),
                check("edge-lb-", 3, "http latency p99", "p99 latency above 800 ms on %1",
                    "Datadog", "API", false, 0),
                check("ci-runner-", 6, "disk usage", "Disk usage at 93% on %1", "Nagios", "NAGIOS",
                    true, 0) } },
        { QStringLiteral("Payments"), QStringLiteral("Europe/London"),
            { QStringLiteral("payments-critical"), QStringLiteral("payments") },
            { check("pay-api-", 4, "checkout error rate", "Checkout error rate above 1% on %1",
                  "Datadog", "API", false, 0),
                check("ledger-worker-", 3, "queue depth", "Ledger queue depth above 10k on %1",
                    "CloudWatch", "Cloudwatch", false, 1),
                check("psp-gateway-", 2, "card authorisations",
                    "Card authorisation success below 95% via %1", "New Relic", "NewRelic", false,
                    0) } },
        { QStringLiteral("Data"), QStringLiteral("Europe/Berlin"),
            { QStringLiteral("db"), QStringLiteral("data-pipeline") },
            { check("db-prod-", 6, "postgres", "Postgres replication lag above 30 s on %1",
                  "Datadog", "API", false, 0),
                check("kafka-broker-", 6, "under-replicated partitions",
                    "Under-replicated partitions on %1", "Prometheus", "API", false, 1),
                check("airflow-sched-", 2, "dag failures", "DAG nightly_etl failed on %1", "Splunk",
                    "Splunk", false, 1),
                check("redis-cache-", 4, "memory usage", "Redis memory above 90% on %1", "Zabbix",
                    "Zabbix", false, 0) } },
        { QStringLiteral("Mobile"), QStringLiteral("America/Los_Angeles"),
            { QStringLiteral("mobile"), QStringLiteral("push") },
            { check("push-svc-", 3, "apns delivery", "APNs delivery failures rising on %1",
                  "New Relic", "NewRelic", false, 1),
                check("mobile-bff-", 4, "http 5xx", "Mobile BFF 5xx rate above 3% on %1", "Datadog",
                    "API", false, 0),
                check("app-config-", 2, "health check", "Health check failing on %1", "Pingdom",
                    "PINGDOM", false, 0) } },
        { QStringLiteral("SRE"), QStringLiteral("Asia/Tokyo"),
            { QStringLiteral("sre-pager"), QStringLiteral("infra") },
            { check("vpn-gw-", 2, "ipsec tunnel", "IPsec tunnel down on %1", "Nagios", "NAGIOS",
                  false, 1),
                check("ns-", 3, "dns resolution", "DNS resolution failing on %1", "Pingdom",
                    "PINGDOM", false, 0),
                check("bastion-", 2, "ssh", "SSH check failing on %1", "Zabbix", "Zabbix", true, 1),
                check("", 1, "www.northwind-labs.example", "Homepage down: %1", "Pingdom",
                    "PINGDOM", false, 0) },
            1 },
    };
}

const char* const kLargeTeamWords[] = { "Search", "Checkout", "Identity", "Billing", "Ledger",
    "Ingest", "Catalog", "Pricing", "Shipping", "Inventory", "Notifications", "Messaging",
    "Analytics", "Reporting", "Storage", "Compute", "Network", "Edge", "Gateway", "Auth", "Fraud",
    "Risk", "Ads", "Recommendations", "Media", "Video", "Maps", "Routing", "Sync", "Backup",
    "Observability", "Logging", "Metrics", "Tracing", "Build", "Release", "Mobile", "Web",
    "Desktop", "Partner", "Onboarding", "Growth", "Support", "Compliance", "Security", "Privacy",
    "Data", "Warehouse", "Streaming", "Queue", "Cache", "Database", "Kubernetes", "Cloud", "Cost",
    "Email", "SMS", "Voice", "Chat", "Feed" };
const char* const kLargeTeamSuffixes[] = { "Platform", "API", "Infra", "Core", "Services", "Ops" };
const char* const kZones[]
    = { "America/New_York", "Europe/Berlin", "Europe/London", "Asia/Tokyo", "America/Los_Angeles" };

QList<CheckDef> genericChecks()
{
    return {
        check("api-", 6, "http 5xx rate", "5xx rate above 2% on %1", "Prometheus", "API", false, 0),
        check("worker-", 8, "queue depth", "Queue depth above 10k on %1", "CloudWatch",
            "Cloudwatch", false, 0),
        check("db-", 3, "postgres", "Replication lag above 30 s on %1", "Datadog", "API", false, 1),
        check("cache-", 4, "redis memory", "Redis memory above 90% on %1", "Zabbix", "Zabbix",
            false, 0),
        check("node-", 20, "kubelet", "Kubernetes node NotReady: %1", "Prometheus", "API", true, 0),
        check("lb-", 2, "p99 latency", "p99 latency above 800 ms on %1", "New Relic", "NewRelic",
            false, 1),
        check(
            "cron-", 2, "job failures", "Scheduled job failed on %1", "Splunk", "Splunk", false, 0),
        check("web-", 3, "health check", "Health check failing on %1", "Pingdom", "PINGDOM", false,
            1),
        check("host-", 10, "disk usage", "Disk usage at 95% on %1", "Nagios", "NAGIOS", true, 0),
    };
}

//! Who a policy step pages: a rotation's current (or next, previous) member, or a named user.
struct PageTarget {
    const RotationClock* clock = nullptr;
    int offset = 0;
    QString user;

    QString at(qint64 ms) const { return clock ? clock->memberAt(ms, offset) : user; }
};

struct PolicyPlan {
    QString teamSlug;
    QList<int> timeouts;
    QList<QList<PageTarget>> steps;
};

struct TeamPlan {
    TeamDef def;
    QString slug;
    QString key; //!< lower-case name, for addresses
    QString primaryRotation;
    QString secondRotation;
    QString primaryPolicy;
    QString criticalPolicy;
};

enum class Outcome { Unacked, Acked, UserResolved, AckedThenRecovered, Recovered };

struct IncidentPlan {
    qint64 startMs = 0;
    int order = 0; //!< tie-break, so equal start times sort the same way every time
    int team = 0;
    int check = 0;
    int host = 0;
    bool manual = false;
    bool pageDemo = false;
    Outcome outcome = Outcome::Unacked;
    qint64 ackDelayMs = 0;
    qint64 resolveDelayMs = 0;
    int extraAlerts = 0;
};

class Seeder {
public:
    explicit Seeder(SimContext& ctx)
        : m_ctx(ctx)
        , m_org(ctx.org)
        , m_large(ctx.options.size == OrgSize::Large)
    {
        // Its own generator, so live activity drawing on ctx.rng never shifts the seeded data;
        // the second word keeps the stream apart from ctx.rng's, which starts from the same seed.
        const quint32 material[] = { ctx.options.seed, 0x726f7461u };
        m_gen = QRandomGenerator(material);
        const qint64 nowMs = ctx.now().toMSecsSinceEpoch();
        m_baseMs = nowMs - nowMs % kHour;
    }

    void run()
    {
        m_org = SimOrg {};
        m_org.companyId = QStringLiteral("northwind-labs");
        m_org.orgSlug = m_org.companyId;
        makeUsers(m_large ? 5000 : 25);
        makeTeams(m_large ? largeTeamDefs() : smallTeamDefs());
        makeWebhooks();
        for (int t = 0; t < m_teams.size(); ++t)
            makeRotations(t);
        for (int t = 0; t < m_teams.size(); ++t)
            makePrimaryPolicy(t);
        for (int t = 0; t < m_teams.size(); ++t)
            makeCriticalPolicy(t);
        makeRoutingKeys();
        makeScheduledOverrides(m_large ? 40 : 2 + below(2));
        makeClocks();
        makeShiftLog();
        makeIncidents();
    }

private:
    int below(int n) { return n <= 1 ? 0 : m_gen.bounded(n); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(double p) { return m_gen.generateDouble() < p; }
    qint64 spanMs(qint64 lo, qint64 hi)
    {
        return lo + static_cast<qint64>(m_gen.generateDouble() * static_cast<double>(hi - lo));
    }
    template <typename T> const T& oneOf(const QList<T>& list)
    {
        return list.at(below(static_cast<int>(list.size())));
    }
    template <std::size_t N> QString oneOf(const char* const (&words)[N])
    {
        return QString::fromUtf8(words[below(static_cast<int>(N))]);
    }
    template <typename T> void shuffle(QList<T>& list)
    {
        for (qsizetype i = list.size() - 1; i > 0; --i)
            list.swapItemsAt(i, below(static_cast<int>(i + 1)));
    }

    QDateTime at(qint64 ms) const { return utcFromMs(ms); }

    // --- People ---------------------------------------------------------------------------

    QList<QPair<QString, QString>> pickNames(int count)
    {
        QList<QPair<QString, QString>> names;
        const int firstCount = lengthOf(kFirstNames);
        const int lastCount = lengthOf(kLastNames);
        if (count <= qMin(firstCount, lastCount)) {
            // The demo org gives everyone a different first name, so "Maya's iPhone" is clear.
            QList<int> firsts, lasts;
            for (int i = 0; i < firstCount; ++i)
                firsts.append(i);
            for (int i = 0; i < lastCount; ++i)
                lasts.append(i);
            shuffle(firsts);
            shuffle(lasts);
            for (int i = 0; i < count; ++i)
                names.append({ QString::fromUtf8(kFirstNames[firsts[i]]),
                    QString::fromUtf8(kLastNames[lasts[i]]) });
            return names;
        }
        QList<int> pairs;
        pairs.reserve(firstCount * lastCount);
        for (int i = 0; i < firstCount * lastCount; ++i)
            pairs.append(i);
        shuffle(pairs);
        for (int i = 0; i < count; ++i) {
            const int pair = pairs[i % pairs.size()];
            names.append({ QString::fromUtf8(kFirstNames[pair / lastCount]),
                QString::fromUtf8(kLastNames[pair % lastCount]) });
        }
        return names;
    }

    QString phoneNumber()
    {
        return QStringLiteral("+1 %1-555-01%2")
            .arg(oneOf(kAreaCodes))
            .arg(below(100), 2, 10, QLatin1Char('0'));
    }

    SimContactMethod contact(const QString& label, const QString& value, int rank)
    {
        SimContactMethod method;
        method.id = m_org.nextContactId++;
        method.extId = m_org.newSlug(QStringLiteral("contact"));
        method.label = label;
        method.value = value;
        method.rank = rank;
        return method;
    }

    SimDevice device(const SimUser& user, bool iphone)
    {
        SimDevice out;
        out.id = m_org.nextContactId++;
        out.extId = m_org.newSlug(QStringLiteral("device"));
        out.deviceType = iphone ? QStringLiteral("iPhone") : QStringLiteral("Android");
        out.label = user.firstName + QStringLiteral("'s ")
            + (iphone ? QStringLiteral("iPhone") : oneOf(kAndroidModels));
        out.escalationSound = oneOf(kEscalationSounds);
        out.chatSound = oneOf(kChatSounds);
        out.resolvedSound = oneOf(kResolvedSounds);
        return out;
    }

    // Step 0 reaches the person quietly (push and e-mail); later steps get louder.
    QList<SimPagingStep> pagingPolicy(const SimUser& user, int steps)
    {
        const SimContactMethod& work = user.emails.first();
        const SimContactMethod& mobile = user.phones.first();
        QList<SimPagingStep> policy;
        SimPagingStep first;
        first.timeout = chance(0.7) ? 5 : 10;
        if (!user.devices.isEmpty())
            first.rules.append({ QStringLiteral("push"), QString(), 0 });
        first.rules.append({ QStringLiteral("email"), QStringLiteral("email"), work.id });
        if (user.devices.isEmpty())
            first.rules.append({ QStringLiteral("sms"), QStringLiteral("phone"), mobile.id });
        policy.append(first);
        if (steps >= 2) {
            SimPagingStep second;
            second.timeout = chance(0.5) ? 10 : 15;
            second.rules.append(
                { user.devices.isEmpty() ? QStringLiteral("phone") : QStringLiteral("sms"),
                    QStringLiteral("phone"), mobile.id });
            policy.append(second);
        }
        if (steps >= 3) {
            SimPagingStep third;
            third.timeout = chance(0.5) ? 15 : 30;
            const SimContactMethod& phone = user.phones.last();
            third.rules.append({ QStringLiteral("phone"), QStringLiteral("phone"), phone.id });
            if (user.emails.size() > 1)
                third.rules.append(
                    { QStringLiteral("email"), QStringLiteral("email"), user.emails.last().id });
            policy.append(third);
        }
        return policy;
    }

    void makeUsers(int count)
    {
        const QList<QPair<QString, QString>> names = pickNames(count);
        QSet<QString> taken;
        const int admins = m_large ? count / 100 : 3;
        for (int i = 0; i < count; ++i) {
            SimUser user;
            user.userId = m_org.nextUserId++;
            user.firstName = names[i].first;
            user.lastName = names[i].second;
            const QString stem
                = asciiFold(user.firstName) + QLatin1Char('.') + asciiFold(user.lastName);
            user.username = stem;
            for (int n = 2; taken.contains(user.username); ++n)
                user.username = stem + QString::number(n);
            taken.insert(user.username);
            user.email = user.username + QLatin1Char('@') + kDomain;
            // The newest few accounts are invitations nobody has accepted yet.
            const bool invited = i >= count - qMax(1, count / 20);
            const qint64 created = m_baseMs
                - (invited ? spanMs(2 * kDay, 20 * kDay) : spanMs(60 * kDay, 1500 * kDay));
            user.createdAt = at(created);
            user.verified = !invited;
            user.passwordLastUpdated
                = invited ? user.createdAt : at(spanMs(created + kHour, m_baseMs - kDay));
            user.admin = i < admins;

            user.emails.append(contact(QStringLiteral("Work"), user.email, 1));
            if (chance(0.5))
                user.emails.append(contact(QStringLiteral("Personal"),
                    asciiFold(user.firstName) + QLatin1Char('.') + asciiFold(user.lastName)
                        + QLatin1Char('@') + oneOf(kPersonalDomains),
                    2));
            user.phones.append(contact(QStringLiteral("Mobile"), phoneNumber(), 1));
            if (chance(0.4))
                user.phones.append(
                    contact(chance(0.5) ? QStringLiteral("Desk") : QStringLiteral("Home"),
                        phoneNumber(), 2));
            const int devices = i == 0 ? 2 : below(3);
            for (int d = 0; d < devices; ++d)
                user.devices.append(device(user,
                    d == 0 ? chance(0.6)
                           : !user.devices.first().deviceType.startsWith(QLatin1Char('i'))));
            user.pagingPolicy = pagingPolicy(user, i == 0 ? 3 : between(1, 3));

            m_usernames.append(user.username);
            m_org.users.insert(user.username, user);
        }
        m_org.demoUser = m_usernames.first();
    }

    // --- Teams, rotations, policies --------------------------------------------------------

    QList<TeamDef> largeTeamDefs()
    {
        QList<int> combos;
        const int words = lengthOf(kLargeTeamWords);
        const int suffixes = lengthOf(kLargeTeamSuffixes);
        for (int i = 0; i < words * suffixes; ++i)
            combos.append(i);
        shuffle(combos);
        const QList<CheckDef> generic = genericChecks();
        QList<TeamDef> defs;
        for (int t = 0; t < 300; ++t) {
            TeamDef def;
            def.name = QString::fromUtf8(kLargeTeamWords[combos[t] / suffixes]) + QLatin1Char(' ')
                + QString::fromUtf8(kLargeTeamSuffixes[combos[t] % suffixes]);
            def.zone = QString::fromUtf8(kZones[below(lengthOf(kZones))]);
            const QString key = def.name.toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
            def.routes = QStringList { key, key + QStringLiteral("-critical") };
            QList<int> picks;
            for (int c = 0; c < generic.size(); ++c)
                picks.append(c);
            shuffle(picks);
            for (int c = 0; c < 4; ++c) {
                CheckDef chosen = generic[picks[c]];
                chosen.hostPrefix = key + QLatin1Char('-') + chosen.hostPrefix;
                def.checks.append(chosen);
            }
            defs.append(def);
        }
        defs.last().defaultRoute = 0;
        return defs;
    }

    void makeTeams(const QList<TeamDef>& defs)
    {
        const int minSize = m_large ? 15 : 4;
        const int maxSize = m_large ? 19 : 7;
        QList<int> sizes;
        int seats = 0;
        for (int t = 0; t < defs.size(); ++t) {
            sizes.append(between(minSize, maxSize));
            seats += sizes.last();
        }
        // Every user is on at least one team; the demo user takes a seat on two of them.
        const int demoSecondTeam = static_cast<int>(defs.size()) - 1;
        while (seats - 2 < m_usernames.size() - 1) {
            const int t = below(static_cast<int>(defs.size()));
            if (sizes[t] < maxSize + 3) {
                ++sizes[t];
                ++seats;
            }
        }
        QStringList pool = m_usernames.mid(1);
        shuffle(pool);
        int cursor = 0;
        const QString demo = m_org.demoUser;
        for (int t = 0; t < defs.size(); ++t) {
            SimTeam team;
            team.slug = m_org.newSlug(QStringLiteral("team"));
            team.name = defs[t].name;
            team.isDefault = t == 0;
            team.version = between(1, 6);
            if (t == 0 || t == demoSecondTeam)
                team.members.append(demo);
            while (team.members.size() < sizes[t]) {
                if (cursor == pool.size()) {
                    shuffle(pool);
                    cursor = 0;
                }
                const QString& candidate = pool[cursor++];
                if (!team.members.contains(candidate))
                    team.members.append(candidate);
            }
            // Members come in the pool's shuffled order, so the first few make random admins.
            QStringList candidates = team.members;
            candidates.removeAll(demo);
            if (t == 0)
                team.admins.append(demo);
            const int adminCount = between(1, 2);
            while (team.admins.size() < adminCount && !candidates.isEmpty())
                team.admins.append(candidates.takeFirst());
            TeamPlan plan;
            plan.def = defs[t];
            plan.slug = team.slug;
            plan.key = team.name.toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
            m_teams.append(plan);
            m_org.teams.insert(team.slug, team);
        }
    }

    void makeWebhooks()
    {
        const QList<QPair<QString, QString>> hooks {
            { QStringLiteral("Chat: #incidents"),
                QStringLiteral("https://hooks.chat.example/services/T04NWL/B1NC1D/k2Pq8RzvLx") },
            { QStringLiteral("Status page"),
                QStringLiteral("https://status.northwind-labs.example/api/v1/victorops") },
            { QStringLiteral("Ticket: open OPS issue"),
                QStringLiteral("https://tickets.northwind-labs.example/rest/oncall/1.0/incident") },
        };
        for (const auto& hook : hooks) {
            SimWebhook webhook;
            webhook.slug = m_org.newSlug(QStringLiteral("wh"));
            webhook.label = hook.first;
            webhook.url = hook.second;
            m_webhooks.append(webhook.slug);
            m_org.webhooks.insert(webhook.slug, webhook);
        }
    }

    // Monday 09:00 in the team's zone, some weeks back, so the schedule has a history and a future.
    QDateTime mondayMorning(const QString& zone, int weeksBack) const
    {
        const QTimeZone tz(zone.toUtf8());
        const QDate today = at(m_baseMs).toTimeZone(tz).date();
        const QDate monday = today.addDays(1 - today.dayOfWeek()).addDays(-7 * weeksBack);
        return QDateTime(monday, QTime(9, 0), tz).toUTC();
    }

    void makeRotations(int t)
    {
        TeamPlan& plan = m_teams[t];
        const SimTeam& team = m_org.teams[plan.slug];
        QStringList order = team.members;
        shuffle(order);
        const int weeksBack = between(3, 9);

        SimRotation primary;
        primary.slug = m_org.newSlug(QStringLiteral("rtg"));
        primary.teamSlug = plan.slug;
        primary.label = QStringLiteral("Primary");
        primary.shiftName = QStringLiteral("Weekly");
        primary.members = order;
        primary.shiftHours = 168;
        primary.timeZone = plan.def.zone;
        primary.anchor = mondayMorning(plan.def.zone, weeksBack);
        plan.primaryRotation = primary.slug;
        m_org.rotations.insert(primary.slug, primary);

        const int kind = below(20);
        if (kind >= 17)
            return; // a small team with nobody second in line
        SimRotation second = primary;
        second.slug = m_org.newSlug(QStringLiteral("rtg"));
        if (kind < 12) {
            // Half a rotation apart, so primary and secondary are never the same person.
            second.label = QStringLiteral("Secondary");
            second.members = order.mid(order.size() / 2) + order.mid(0, order.size() / 2);
        } else {
            second.label = QStringLiteral("Follow the sun");
            second.shiftName = QStringLiteral("12-hour handoff");
            second.shiftHours = 12;
            shuffle(second.members);
        }
        plan.secondRotation = second.slug;
        m_org.rotations.insert(second.slug, second);
    }

    SimPolicyEntry entry(const char* type, const QString& target)
    {
        return SimPolicyEntry { QString::fromLatin1(type), target };
    }

    QString leadsAddress(const TeamPlan& plan) const
    {
        return plan.key + QStringLiteral("-leads@") + kDomain;
    }

    void makePrimaryPolicy(int t)
    {
        TeamPlan& plan = m_teams[t];
        const SimTeam& team = m_org.teams[plan.slug];

        SimPolicy primary;
        primary.slug = m_org.newSlug(QStringLiteral("pol"));
        primary.name = team.name + QStringLiteral(" Primary");
        primary.teamSlug = plan.slug;
        primary.steps.append({ 0, { entry("rotation_group", plan.primaryRotation) } });
        if (!plan.secondRotation.isEmpty())
            primary.steps.append({ 15, { entry("rotation_group", plan.secondRotation) } });
        else
            primary.steps.append({ 15, { entry("user", team.admins.first()) } });
        if (chance(0.5))
            primary.steps.append({ 30, { entry("email", leadsAddress(plan)) } });
        plan.primaryPolicy = primary.slug;
        m_org.policies.insert(primary.slug, primary);
    }

    void makeCriticalPolicy(int t)
    {
        TeamPlan& plan = m_teams[t];
        const SimTeam& team = m_org.teams[plan.slug];

        // The first teams always get the loud policy, so the webhook and e-mail entry kinds and
        // cross-team routing are always present in the demo.
        if (t > 1 && !chance(0.5))
            return;
        SimPolicy critical;
        critical.slug = m_org.newSlug(QStringLiteral("pol"));
        critical.name = team.name + QStringLiteral(" Critical");
        critical.teamSlug = plan.slug;
        critical.ignoreCustomPagingPolicies = chance(0.5);
        critical.steps.append({ 0,
            { entry("rotation_group", plan.primaryRotation), entry("webhook", m_webhooks[0]) } });
        critical.steps.append({ 10, { entry("rotation_group_next", plan.primaryRotation) } });
        SimPolicyStep last { 30,
            { entry("user", team.admins.first()), entry("email", leadsAddress(plan)) } };
        if (t != m_teams.size() - 1)
            last.entries.append(entry("policy_routing", m_teams.last().primaryPolicy));
        if (chance(0.5))
            last.entries.append(entry("webhook", m_webhooks[2]));
        critical.steps.append(last);
        plan.criticalPolicy = critical.slug;
        m_org.policies.insert(critical.slug, critical);
    }

    void makeRoutingKeys()
    {
        // The last team (SRE in the demo) is the catch-all and the backstop of the critical keys.
        const QString backstop = m_teams.last().primaryPolicy;
        for (int t = 0; t < m_teams.size(); ++t) {
            const TeamPlan& plan = m_teams[t];
            for (int r = 0; r < plan.def.routes.size(); ++r) {
                SimRoutingKey key;
                key.key = plan.def.routes[r];
                const bool critical = key.key.endsWith(QLatin1String("-critical"));
                key.policySlugs.append(critical && !plan.criticalPolicy.isEmpty()
                        ? plan.criticalPolicy
                        : plan.primaryPolicy);
                if ((critical || key.key == QLatin1String("k8s"))
                    && !key.policySlugs.contains(backstop))
                    key.policySlugs.append(backstop);
                key.isDefault = r == plan.def.defaultRoute;
                m_org.routingKeys.append(key);
            }
        }
    }

    // --- Schedules --------------------------------------------------------------------------

    void makeScheduledOverrides(int count)
    {
        QHash<QString, QList<int>> teamsOf;
        for (int t = 0; t < m_teams.size(); ++t) {
            const QStringList& members = m_org.teams[m_teams[t].slug].members;
            for (const QString& member : members)
                teamsOf[member].append(t);
        }
        QSet<QString> away;
        for (int i = 0; i < count; ++i) {
            QString username = m_usernames[between(1, static_cast<int>(m_usernames.size()) - 1)];
            if (away.contains(username) || !teamsOf.contains(username))
                continue;
            away.insert(username);
            const QList<int>& teams = teamsOf[username];
            SimScheduledOverride override;
            override.publicId = m_org.newUuid();
            override.username = username;
            override.timeZone = m_teams[teams.first()].def.zone;
            const QTimeZone tz(override.timeZone.toUtf8());
            const QDate day = at(m_baseMs).toTimeZone(tz).date().addDays(between(2, 21));
            override.start = QDateTime(day, QTime(9, 0), tz).toUTC();
            override.end = QDateTime(day.addDays(between(1, 6)), QTime(9, 0), tz).toUTC();
            // The first is fully covered, the second waits for volunteers, the rest are mixed.
            const double assignedShare = i == 0 ? 1.0 : i == 1 ? 0.0 : 0.6;
            for (const int t : teams) {
                const QStringList& members = m_org.teams[m_teams[t].slug].members;
                for (const QString& policy :
                    { m_teams[t].primaryPolicy, m_teams[t].criticalPolicy }) {
                    if (policy.isEmpty())
                        continue;
                    QString replacement;
                    if (members.size() > 1 && chance(assignedShare)) {
                        do
                            replacement = oneOf(members);
                        while (replacement == username);
                    }
                    override.assignments.insert(policy, replacement);
                }
            }
            m_org.scheduledOverrides.insert(override.publicId, override);
        }
    }

    void makeClocks()
    {
        // As far back as the oldest seeded incident, a little into the future.
        const qint64 from = m_baseMs - (m_large ? 366 * kDay : 7 * kWeek);
        for (const SimRotation& rotation : std::as_const(m_org.rotations))
            m_clocks.emplace(rotation.slug, RotationClock(rotation, from, m_baseMs + kDay));
    }

    void makeShiftLog()
    {
        const qint64 windowStart = m_baseMs - 6 * kWeek;
        // On call for a policy means paged by its first step, as the on-call calls report it;
        // whoever is second in line is not in the log.
        for (const SimPolicy& policy : std::as_const(m_org.policies)) {
            if (policy.steps.isEmpty())
                continue;
            for (const SimPolicyEntry& e : policy.steps.first().entries) {
                if (e.executionType != QLatin1String("rotation_group"))
                    continue;
                const RotationClock& clock = m_clocks.at(e.target);
                // Whole shifts from the window's start on, and the current one, still open.
                qint64 index = clock.indexAt(windowStart);
                if (clock.startOf(index) < windowStart)
                    ++index;
                for (; clock.startOf(index) <= m_baseMs; ++index) {
                    SimShiftLogEntry log;
                    log.teamSlug = policy.teamSlug;
                    log.policySlug = policy.slug;
                    log.username = clock.memberOf(index);
                    log.on = at(clock.startOf(index));
                    if (clock.startOf(index + 1) <= m_baseMs)
                        log.off = at(clock.startOf(index + 1));
                    m_org.shiftLog.append(log);
                }
            }
        }
        std::stable_sort(m_org.shiftLog.begin(), m_org.shiftLog.end(),
            [](const SimShiftLogEntry& a, const SimShiftLogEntry& b) { return a.on < b.on; });
    }

    // --- Incidents -------------------------------------------------------------------------

    void preparePaging()
    {
        for (const SimPolicy& policy : std::as_const(m_org.policies)) {
            PolicyPlan plan;
            plan.teamSlug = policy.teamSlug;
            for (const SimPolicyStep& step : policy.steps) {
                QList<PageTarget> targets;
                for (const SimPolicyEntry& e : step.entries) {
                    PageTarget target;
                    if (e.executionType == QLatin1String("user")) {
                        target.user = e.target;
                    } else if (e.executionType.startsWith(QLatin1String("rotation_group"))) {
                        target.clock = &m_clocks.at(e.target);
                        target.offset = e.executionType.endsWith(QLatin1String("_next")) ? 1
                            : e.executionType.endsWith(QLatin1String("_previous"))       ? -1
                                                                                         : 0;
                    } else {
                        continue;
                    }
                    targets.append(target);
                }
                plan.timeouts.append(step.timeout);
                plan.steps.append(targets);
            }
            m_paging.insert(policy.slug, plan);
        }
        for (const SimRoutingKey& key : std::as_const(m_org.routingKeys))
            m_routes.insert(key.key, key.policySlugs);
    }

    static QString hostName(const CheckDef& check, int host)
    {
        return check.hostPrefix + QStringLiteral("%1").arg(host + 1, 2, 10, QLatin1Char('0'));
    }

    QList<IncidentPlan> planIncidents(int history, qint64 historySpan, int open, qint64 openSpan)
    {
        QList<IncidentPlan> plans;
        plans.reserve(history + open);
        const int teams = static_cast<int>(m_teams.size());
        for (int i = 0; i < history + open; ++i) {
            IncidentPlan plan;
            plan.order = i;
            const bool isOpen = i >= history;
            plan.team = below(teams);
            const TeamPlan& team = m_teams.at(plan.team);
            plan.check = below(static_cast<int>(team.def.checks.size()));
            plan.host = below(team.def.checks[plan.check].hostCount);
            plan.manual = chance(0.04);
            plan.ackDelayMs = spanMs(30 * kSecond, 20 * kMinute);
            if (isOpen) {
                // Most open incidents are recent; a few have been lingering for days.
                const qint64 age
                    = chance(0.7) ? spanMs(2 * kMinute, 12 * kHour) : spanMs(12 * kHour, openSpan);
                plan.startMs = m_baseMs - age;
                plan.outcome = chance(0.45) && plan.ackDelayMs < age - kMinute ? Outcome::Acked
                                                                               : Outcome::Unacked;
                plan.pageDemo = !m_large && chance(0.35);
                plan.extraAlerts = chance(0.3) ? between(1, 4) : 0;
            } else {
                plan.startMs = m_baseMs - spanMs(12 * kHour, historySpan);
                const int roll = below(100);
                plan.outcome = roll < 62 ? Outcome::UserResolved
                    : roll < 88          ? Outcome::AckedThenRecovered
                                         : Outcome::Recovered;
                plan.resolveDelayMs = spanMs(3 * kMinute, chance(0.8) ? 2 * kHour : 10 * kHour);
                if (plan.manual)
                    plan.outcome = Outcome::UserResolved;
            }
            plans.append(plan);
        }
        std::sort(plans.begin(), plans.end(), [](const IncidentPlan& a, const IncidentPlan& b) {
            return a.startMs != b.startMs ? a.startMs < b.startMs : a.order < b.order;
        });
        return plans;
    }

    struct EntityText {
        QString summary;
        QString details;
        QString entityId;
        QString host;
        QString service;
    };

    // The texts of one monitored thing, made once and then shared by all its incidents: the
    // large org has 110,000 incidents but only a few thousand things that raise them.
    const EntityText& entityText(const IncidentPlan& plan)
    {
        const int key = (plan.team * 16 + plan.check) * 64 + plan.host;
        auto it = m_entityTexts.find(key);
        if (it != m_entityTexts.end())
            return *it;
        const CheckDef& check = m_teams.at(plan.team).def.checks.at(plan.check);
        // A check without a host prefix watches a service from outside (a URL probe).
        const bool external = check.hostPrefix.isEmpty();
        EntityText text;
        text.host = external ? QString() : hostName(check, plan.host);
        text.summary = check.summary.arg(external ? check.service : text.host);
        text.service = check.hostLevel ? QString() : check.service;
        text.entityId = check.hostLevel ? text.host
            : external                  ? check.service
                                        : QString(text.host + QLatin1Char('/') + check.service);
        text.details = check.tool + QStringLiteral(" reports ") + check.service
            + (external ? QString() : QString(QStringLiteral(" on ") + text.host))
            + QStringLiteral(": ") + text.summary;
        return *m_entityTexts.insert(key, text);
    }

    NewIncident describe(const IncidentPlan& plan)
    {
        const TeamPlan& team = m_teams.at(plan.team);
        const CheckDef& check = team.def.checks.at(plan.check);
        NewIncident incident;
        incident.start = at(plan.startMs);
        incident.routingKey = team.def.routes.value(check.route);
        incident.policySlugs = m_routes.value(incident.routingKey);
        if (plan.manual) {
            const QStringList& members = m_org.teams[team.slug].members;
            incident.createdBy = oneOf(members);
            incident.summary = oneOf(m_manualSummaries);
            incident.details = QStringLiteral("Opened by hand from the on-call console.");
            incident.entityId
                = incident.summary.toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
            incident.monitorName = QStringLiteral("vouser-") + incident.createdBy;
            incident.monitorType = QStringLiteral("Manual");
            incident.entityState = QStringLiteral("CRITICAL");
        } else {
            const EntityText& text = entityText(plan);
            incident.summary = text.summary;
            incident.host = text.host;
            incident.service = text.service;
            incident.entityId = text.entityId;
            incident.details = text.details;
            incident.monitorName = check.tool;
            incident.monitorType = check.type;
            incident.entityState
                = chance(0.8) ? QStringLiteral("CRITICAL") : QStringLiteral("WARNING");
        }
        if (plan.pageDemo)
            incident.usernames.append(m_org.demoUser);
        return incident;
    }

    struct AlertFacts {
        QString messageType;
        qint64 ms = 0;
        qint64 stateStartMs = 0;
        QString stateMessage;
        QString tool;
        QString ackAuthor;
        QString ackMsg;
    };

    // The alert as handlers_incidents.cpp records one, `raw` shaped like what a monitoring tool
    // posts. The large org's history keeps only the ids (keep = false), to stay small.
    QString addAlert(const SimIncident& incident, const AlertFacts& facts, bool keep)
    {
        const QString uuid = m_org.newUuid();
        if (!keep)
            return uuid;
        SimAlert alert;
        alert.uuid = uuid;
        alert.entityId = incident.entityId;
        alert.entityDisplayName = incident.entityDisplayName;
        alert.messageType = facts.messageType;
        alert.timestampMs = facts.ms;
        alert.stateStartTimeMs = facts.stateStartMs;
        alert.stateMessage = facts.stateMessage;
        alert.monitoringTool = facts.tool;
        alert.ackAuthor = facts.ackAuthor;
        alert.ackMsg = facts.ackMsg;
        QJsonObject raw {
            { QStringLiteral("message_type"), facts.messageType },
            { QStringLiteral("entity_id"), incident.entityId },
            { QStringLiteral("entity_display_name"), incident.entityDisplayName },
            { QStringLiteral("entity_state"), incident.entityState },
            { QStringLiteral("state_message"), facts.stateMessage },
            { QStringLiteral("monitoring_tool"), facts.tool },
            { QStringLiteral("routing_key"), incident.routingKey },
            { QStringLiteral("timestamp"), facts.ms / kSecond },
            { QStringLiteral("state_start_time"), facts.stateStartMs / kSecond },
            { QStringLiteral("VO_ORGANIZATION_ID"), m_org.orgSlug },
            { QStringLiteral("VO_UUID"), uuid },
            { QStringLiteral("VO_INCIDENT_NUMBER"), QString::number(incident.number) },
        };
        if (!incident.host.isEmpty())
            raw.insert(QStringLiteral("host_name"), incident.host);
        if (!incident.service.isEmpty())
            raw.insert(QStringLiteral("service_name"), incident.service);
        if (!facts.ackAuthor.isEmpty())
            raw.insert(QStringLiteral("ack_author"), facts.ackAuthor);
        if (!facts.ackMsg.isEmpty())
            raw.insert(QStringLiteral("ack_msg"), facts.ackMsg);
        alert.raw = raw;
        m_org.alerts.insert(uuid, alert);
        return uuid;
    }

    // One more alert from the monitoring tool: it counts, and becomes the incident's last.
    QString monitorAlert(SimIncident& incident, const QString& messageType, qint64 ms,
        qint64 stateStartMs, const QString& message, bool keep)
    {
        const QString uuid = addAlert(incident,
            { messageType, ms, stateStartMs, message, incident.monitorName, QString(), QString() },
            keep);
        if (incident.firstAlertUuid.isEmpty())
            incident.firstAlertUuid = uuid;
        else
            ++incident.alertCount;
        incident.lastAlertId = uuid;
        incident.lastAlertTime = at(ms);
        return uuid;
    }

    static QString alertTypeForState(const QString& entityState)
    {
        return entityState == QLatin1String("WARNING") ? entityState : QStringLiteral("CRITICAL");
    }

    // What createIncident does, without its per-call overhead, for the large org.
    SimIncident buildIncident(const NewIncident& spec, bool keepAlert)
    {
        SimIncident incident;
        incident.transitions.reserve(3);
        incident.number = m_org.nextIncidentNumber++;
        incident.phase = QStringLiteral("UNACKED");
        incident.startTime = spec.start;
        incident.entityId = spec.entityId;
        incident.entityDisplayName = spec.summary;
        incident.entityType = spec.service.isEmpty() && !spec.host.isEmpty()
            ? QStringLiteral("HOST")
            : QStringLiteral("SERVICE");
        incident.entityState = spec.entityState;
        incident.host = spec.host;
        incident.service = spec.service;
        incident.routingKey = spec.routingKey;
        incident.monitorName = spec.monitorName;
        incident.monitorType = spec.monitorType;
        incident.pagedPolicies = spec.policySlugs;
        const qint64 startMs = spec.start.toMSecsSinceEpoch();
        const QString uuid = monitorAlert(incident, alertTypeForState(spec.entityState), startMs,
            startMs, spec.details, keepAlert);
        for (const QString& user : spec.usernames)
            if (!incident.pagedUsers.contains(user))
                incident.pagedUsers.append(user);
        for (const QString& slug : spec.policySlugs) {
            const PolicyPlan& policy = m_paging[slug];
            if (!incident.pagedTeams.contains(policy.teamSlug))
                incident.pagedTeams.append(policy.teamSlug);
            if (!policy.steps.isEmpty())
                for (const PageTarget& target : policy.steps.first()) {
                    const QString user = target.at(startMs);
                    if (!user.isEmpty() && !incident.pagedUsers.contains(user))
                        incident.pagedUsers.append(user);
                }
        }
        const bool manual = !spec.createdBy.isEmpty();
        incident.transitions.append(
            { QStringLiteral("UNACKED"), spec.start, manual ? spec.createdBy : incident.monitorName,
                manual ? spec.details : QString(), manual, uuid });
        return incident;
    }

    // Nobody acked in time: the policy's later steps were paged too.
    void escalate(SimIncident& incident, qint64 untilMs)
    {
        const qint64 startMs = incident.startTime.toMSecsSinceEpoch();
        for (const QString& slug : std::as_const(incident.pagedPolicies)) {
            const PolicyPlan& policy = m_paging[slug];
            qint64 stepAt = startMs;
            for (int s = 1; s < policy.steps.size(); ++s) {
                stepAt += policy.timeouts[s] * kMinute;
                if (stepAt > untilMs)
                    break;
                for (const PageTarget& target : policy.steps[s]) {
                    const QString user = target.at(stepAt);
                    if (!user.isEmpty() && !incident.pagedUsers.contains(user))
                        incident.pagedUsers.append(user);
                }
            }
        }
    }

    // A person acks or resolves: the service records it as an alert of its own, as the
    // incidents module does for the ack and resolve calls.
    void byUser(SimIncident& incident, bool ack, const QString& by, qint64 ms, bool keepAlert)
    {
        const QString message = ack ? oneOf(m_ackMessages) : oneOf(m_resolveMessages);
        incident.phase = ack ? QStringLiteral("ACKED") : QStringLiteral("RESOLVED");
        if (!keepAlert) {
            // Large-org history keeps no alerts; its transitions need no alert id to point at.
            incident.transitions.append({ incident.phase, at(ms), by, message, true, QString() });
            return;
        }
        const QString stateMessage = !message.isEmpty() ? message
            : ack ? QStringLiteral("Acknowledged by %1").arg(by)
                  : QStringLiteral("Resolved by %1").arg(by);
        const qint64 stateStartMs = ack ? incident.startTime.toMSecsSinceEpoch() : ms;
        const QString uuid = addAlert(incident,
            { ack ? QStringLiteral("ACKNOWLEDGEMENT") : QStringLiteral("RECOVERY"), ms,
                stateStartMs, stateMessage, QStringLiteral("VictorOps"), by, message },
            keepAlert);
        incident.transitions.append({ incident.phase, at(ms), by, message, true, uuid });
    }

    // The monitoring tool reports recovery and the incident resolves by itself.
    void recover(SimIncident& incident, qint64 ms, bool keepAlert)
    {
        incident.entityState = QStringLiteral("OK");
        const QString uuid = monitorAlert(incident, QStringLiteral("RECOVERY"), ms, ms,
            QStringLiteral("OK: %1 recovered").arg(incident.entityDisplayName), keepAlert);
        incident.phase = QStringLiteral("RESOLVED");
        incident.transitions.append(
            { incident.phase, at(ms), incident.monitorName, QString(), false, uuid });
    }

    QString responder(const SimIncident& incident, const IncidentPlan& plan)
    {
        if (!incident.pagedUsers.isEmpty())
            return oneOf(incident.pagedUsers);
        return oneOf(m_org.teams[m_teams[plan.team].slug].members);
    }

    void finish(
        SimIncident& incident, const IncidentPlan& plan, const NewIncident& spec, bool keepAlerts)
    {
        const bool open = plan.outcome == Outcome::Unacked || plan.outcome == Outcome::Acked;
        const qint64 ackMs = plan.startMs + plan.ackDelayMs;
        if (open && plan.extraAlerts > 0) {
            // Re-triggers while the incident stays open, spread between its start and now.
            qint64 lastMs = plan.startMs;
            for (int a = 0; a < plan.extraAlerts; ++a) {
                lastMs += (m_baseMs - lastMs) / (plan.extraAlerts - a + 1);
                monitorAlert(incident, alertTypeForState(incident.entityState), lastMs,
                    plan.startMs, incident.entityDisplayName, keepAlerts);
            }
        }
        if (m_large && plan.outcome == Outcome::Unacked)
            escalate(incident, m_baseMs);
        const QString by = spec.createdBy.isEmpty() ? responder(incident, plan) : spec.createdBy;
        switch (plan.outcome) {
        case Outcome::Unacked:
            break;
        case Outcome::Acked:
            byUser(incident, true, by, ackMs, keepAlerts);
            break;
        case Outcome::UserResolved:
            byUser(incident, true, by, ackMs, keepAlerts);
            byUser(incident, false, by, ackMs + plan.resolveDelayMs, keepAlerts);
            break;
        case Outcome::AckedThenRecovered:
            byUser(incident, true, by, ackMs, keepAlerts);
            recover(incident, ackMs + plan.resolveDelayMs, keepAlerts);
            break;
        case Outcome::Recovered:
            recover(incident, plan.startMs + plan.resolveDelayMs / 4, keepAlerts);
            break;
        }
    }

    void addNotes(SimIncident& incident)
    {
        const QString runbook = incident.service.isEmpty() ? incident.entityId : incident.service;
        incident.notes.append({ QStringLiteral("runbook"), QStringLiteral("Runbook"),
            QJsonObject { { QStringLiteral("url"),
                QString(QStringLiteral("https://wiki.northwind-labs.example/runbooks/")
                    + QString(runbook).replace(QLatin1Char(' '), QLatin1Char('-'))) } } });
        if (incident.phase == QLatin1String("ACKED")) {
            const QString key = QStringLiteral("OPS-%1").arg(1200 + incident.number);
            incident.notes.append({ QStringLiteral("ticket"), QStringLiteral("Ticket"),
                QJsonObject { { QStringLiteral("key"), key },
                    { QStringLiteral("url"),
                        QString(QStringLiteral("https://tickets.northwind-labs.example/browse/")
                            + key) } } });
        }
    }

    void makeIncidents()
    {
        preparePaging();
        const QList<IncidentPlan> plans = m_large
            ? planIncidents(100000, 365 * kDay, 10000, 3 * kDay)
            : planIncidents(between(280, 320), 6 * kWeek, between(10, 20), 3 * kDay);
        for (const IncidentPlan& plan : plans) {
            const NewIncident spec = describe(plan);
            const bool open = plan.outcome == Outcome::Unacked || plan.outcome == Outcome::Acked;
            if (m_large) {
                SimIncident incident = buildIncident(spec, open);
                finish(incident, plan, spec, open);
                m_org.incidents.insert(m_org.incidents.cend(), incident.number, incident);
                continue;
            }
            // The demo org goes through the same path as incidents created over the API.
            const int number = createIncident(m_ctx, spec);
            const auto it = m_org.incidents.find(number);
            if (it == m_org.incidents.end())
                continue;
            finish(*it, plan, spec, true);
            if (open && chance(0.4))
                addNotes(*it);
        }
    }

    SimContext& m_ctx;
    SimOrg& m_org;
    const bool m_large;
    QRandomGenerator m_gen;
    qint64 m_baseMs = 0;
    QStringList m_usernames; //!< by userId
    QList<TeamPlan> m_teams;
    QStringList m_webhooks;
    std::map<QString, RotationClock> m_clocks; //!< by slug; a node map, PageTarget points in
    QHash<QString, PolicyPlan> m_paging;
    QHash<QString, QStringList> m_routes;
    QHash<int, EntityText> m_entityTexts;
    // The word lists as QStrings, so the large org's incidents share them instead of copying.
    const QStringList m_ackMessages = strings(kAckMessages);
    const QStringList m_resolveMessages = strings(kResolveMessages);
    const QStringList m_manualSummaries = strings(kManualSummaries);
};

} // namespace

void seedOrg(SimContext& ctx)
{
    QElapsedTimer timer;
    timer.start();
    Seeder(ctx).run();
    seedAlertRules(ctx);
    seedChat(ctx);
    qCDebug(lcSim).noquote() << QStringLiteral("seeded %1 users, %2 teams, %3 incidents in %4 ms")
                                    .arg(ctx.org.users.size())
                                    .arg(ctx.org.teams.size())
                                    .arg(ctx.org.incidents.size())
                                    .arg(timer.elapsed());
}

} // namespace rota::sim
