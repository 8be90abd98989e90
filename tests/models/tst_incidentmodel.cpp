// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// IncidentModel and IncidentFilterModel without a network: the diff a refresh applies (removals in
// contiguous ranges, appended inserts, dataChanged only for changed rows, never a reset), 10,000
// incidents with 1% changed, persistent indexes, counts, "paging me" and "my teams", ticking
// relative times, the optimistic pending state, and every filter of the proxy. Every model here
// runs under QAbstractItemModelTester in Fatal mode.

#include "incidentfiltermodel.h"
#include "incidentmodel.h"
#include "jsonreader.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

#include <functional>
#include <memory>
#include <set>

using namespace rota;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 3, 14), QTime(12, 0), QTimeZone::utc());

Incident make(int number, Phase phase = Phase::Triggered)
{
    Incident incident;
    incident.incidentNumber = QString::number(number);
    incident.phase = phase;
    incident.phaseName = phaseToApi(phase);
    incident.startTime = kNow.addSecs(-60 * number);
    incident.lastAlertTime = kNow.addSecs(-30);
    incident.alertCount = 1;
    incident.lastAlertId = QStringLiteral("alert-%1").arg(number);
    incident.entityId = QStringLiteral("entity-%1").arg(number);
    incident.entityDisplayName = QStringLiteral("Disk full on db-%1").arg(number);
    incident.entityType = QStringLiteral("SERVICE");
    incident.entityState = QStringLiteral("CRITICAL");
    incident.host = QStringLiteral("db-%1.example.com").arg(number);
    incident.service = QStringLiteral("disk");
    incident.routingKey = QStringLiteral("database");
    incident.monitorName = QStringLiteral("Nagios");
    incident.monitorType = QStringLiteral("NAGIOS");
    incident.pagedUsers = { QStringLiteral("ada.lovelace") };
    incident.pagedTeams = { QStringLiteral("team-db") };
    return incident;
}

QList<Incident> range(int first, int last)
{
    QList<Incident> list;
    for (int n = first; n <= last; ++n)
        list.append(make(n));
    return list;
}

QStringList numbersOf(const QList<Incident>& list)
{
    QStringList numbers;
    for (const Incident& incident : list)
        numbers.append(incident.incidentNumber);
    return numbers;
}

//! Rows covered by the dataChanged emissions recorded in `spy` (and checks that each spans every
//! column and names no roles, i.e. all of them).
std::set<int> changedRows(const QSignalSpy& spy)
{
    std::set<int> rows;
    for (const QList<QVariant>& args : spy) {
        const auto first = args.at(0).value<QModelIndex>();
        const auto last = args.at(1).value<QModelIndex>();
        if (first.column() != 0 || last.column() != IncidentModel::ColumnCount - 1
            || !args.at(2).value<QList<int>>().isEmpty())
            return { -1 };
        for (int r = first.row(); r <= last.row(); ++r)
            rows.insert(r);
    }
    return rows;
}

struct Spies {
    explicit Spies(QAbstractItemModel* model)
        : reset(model, &QAbstractItemModel::modelReset)
        , inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , moved(model, &QAbstractItemModel::rowsMoved)
        , layout(model, &QAbstractItemModel::layoutChanged)
        , changed(model, &QAbstractItemModel::dataChanged)
    {
    }
    QSignalSpy reset;
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy moved;
    QSignalSpy layout;
    QSignalSpy changed;
};

// An incident of one team as the service lists it; %1 its number, %2 its alerts.
const QByteArray kSharingIncident = R"({"incidentNumber": "%1", "currentPhase": "UNACKED",
    "alertCount": %2, "entityId": "db-01/disk", "host": "db-01.example.com",
    "service": "disk", "routingKey": "database", "monitorName": "Nagios",
    "pagedUsers": ["ada.lovelace", "alan.turing"], "pagedTeams": ["team-db"],
    "pagedPolicies": [{"policy": {"name": "DB primary", "slug": "pol-1"},
                       "team": {"name": "Database", "slug": "team-db"}}],
    "transitions": [{"name": "UNACKED", "at": "2026-03-14T11:00:00Z", "by": "Nagios"}]})";

} // namespace

class TestIncidentModel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<IncidentModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    void attach()
    {
        m_model = std::make_unique<IncidentModel>();
        m_model->setClock([] { return kNow; });
        // These tests check the diff itself, where incidents that leave the list leave the
        // model; keeping them as resolved rows is checked by the keeps* tests.
        m_model->setKeepResolved(0);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

private Q_SLOTS:
    void init() { attach(); }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void shape()
    {
        m_model->reset(range(1, 3));
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->columnCount(), int(IncidentModel::ColumnCount));
        QCOMPARE(m_model->headerData(IncidentModel::NumberColumn, Qt::Horizontal).toString(),
            QStringLiteral("#"));
        QCOMPARE(m_model->headerData(IncidentModel::LastAlertColumn, Qt::Horizontal).toString(),
            QStringLiteral("Last alert"));
        const QModelIndex summary = m_model->index(1, IncidentModel::SummaryColumn);
        QCOMPARE(summary.data().toString(), QStringLiteral("Disk full on db-2"));
        QCOMPARE(
            m_model->index(1, IncidentModel::NumberColumn).data().toString(), QStringLiteral("2"));
        QCOMPARE(m_model->index(1, IncidentModel::PhaseColumn).data().toString(),
            QStringLiteral("Triggered"));
        QCOMPARE(m_model->index(1, IncidentModel::ServiceColumn).data().toString(),
            QStringLiteral("disk"));
        QCOMPARE(m_model->index(1, IncidentModel::RoutingKeyColumn).data().toString(),
            QStringLiteral("database"));
        QCOMPARE(m_model->index(1, IncidentModel::PagedColumn).data().toString(),
            QStringLiteral("ada.lovelace"));
        QCOMPARE(m_model->index(1, IncidentModel::StartedColumn).data().toString(),
            QStringLiteral("2 min ago"));
        QCOMPARE(m_model->index(1, IncidentModel::LastAlertColumn).data().toString(),
            QStringLiteral("just now"));
        QCOMPARE(summary.data(IncidentModel::NumberRole).toString(), QStringLiteral("2"));
        QCOMPARE(summary.data(IncidentModel::PhaseRole).toInt(), int(Phase::Triggered));
        QCOMPARE(summary.data(IncidentModel::IncidentRole).value<Incident>().host,
            QStringLiteral("db-2.example.com"));
        QCOMPARE(summary.data(IncidentModel::StartTimeRole).toDateTime(), kNow.addSecs(-120));
        QCOMPARE(summary.data(IncidentModel::PendingRole).toInt(), 0);
        QVERIFY(summary.data(IncidentModel::ErrorRole).toString().isEmpty());
        QCOMPARE(m_model->rowOf(QStringLiteral("3")), 2);
        QCOMPARE(m_model->rowOf(QStringLiteral("99")), -1);
        QCOMPARE(m_model->roleNames().value(IncidentModel::PagingMeRole), QByteArray("pagingMe"));

        // The service column shows the service or a dash, as the detail pane does: never the
        // host or the entity id standing in for it. The host has a column of its own.
        Incident hostOnly = make(4);
        hostOnly.service.clear();
        Incident entityOnly = make(5);
        entityOnly.service.clear();
        entityOnly.host.clear();
        m_model->applySnapshot(range(1, 3) + QList<Incident> { hostOnly, entityOnly });
        QCOMPARE(
            m_model->index(3, IncidentModel::ServiceColumn).data().toString(), QStringLiteral("—"));
        QCOMPARE(m_model->index(3, IncidentModel::HostColumn).data().toString(),
            QStringLiteral("db-4.example.com"));
        QCOMPARE(
            m_model->index(4, IncidentModel::ServiceColumn).data().toString(), QStringLiteral("—"));
        QCOMPARE(
            m_model->index(4, IncidentModel::HostColumn).data().toString(), QStringLiteral("—"));
        QCOMPARE(m_model->headerData(IncidentModel::HostColumn, Qt::Horizontal).toString(),
            QStringLiteral("Host"));
    }

    void pagedByName()
    {
        QList<Incident> list = range(1, 4);
        list[1].pagedUsers = { QStringLiteral("Grace.Hopper"), QStringLiteral("ada.lovelace") };
        list[2].pagedUsers.clear(); // pages a team only
        m_model->reset(list);
        const QModelIndex paged = m_model->index(1, IncidentModel::PagedColumn);
        QCOMPARE(paged.data().toString(), QStringLiteral("Grace.Hopper, ada.lovelace"));

        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setUserNames({ { QStringLiteral("ada.lovelace"), QStringLiteral("Ada Lovelace") },
            { QStringLiteral("grace.hopper"), QStringLiteral("Grace Hopper") } });
        QCOMPARE(reset.count(), 0);
        // Rows 0-1 and 3 page people; row 2 does not and is left alone.
        QCOMPARE(changed.count(), 2);
        for (const QList<QVariant>& args : std::as_const(changed)) {
            QCOMPARE(args.at(0).toModelIndex().column(), int(IncidentModel::PagedColumn));
            QCOMPARE(args.at(1).toModelIndex().column(), int(IncidentModel::PagedColumn));
            QVERIFY(args.at(0).toModelIndex().row() != 2);
        }
        QCOMPARE(paged.data().toString(), QStringLiteral("Grace Hopper, Ada Lovelace"));
        QCOMPARE(paged.data(IncidentModel::SortRole).toString(),
            QStringLiteral("grace hopper, ada lovelace"));
        const QString tip = paged.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QLatin1String("Ada Lovelace (ada.lovelace)")), qPrintable(tip));
        QCOMPARE(m_model->nameOf(QStringLiteral("ADA.LOVELACE")), QStringLiteral("Ada Lovelace"));
        // The identity still compares usernames.
        m_model->setIdentity(QStringLiteral("ada.lovelace"));
        QVERIFY(m_model->isPagingMe(0));

        changed.clear();
        m_model->setUserNames({ { QStringLiteral("ada.lovelace"), QStringLiteral("Ada Lovelace") },
            { QStringLiteral("grace.hopper"), QStringLiteral("Grace Hopper") } });
        QCOMPARE(changed.count(), 0);
    }

    // Who acknowledged it, by name: the last acknowledgement of the transitions.
    void acknowledgedByName()
    {
        QList<Incident> list = range(1, 3);
        IncidentTransition triggered;
        triggered.phase = Phase::Triggered;
        triggered.by = QStringLiteral("Nagios");
        IncidentTransition acked;
        acked.phase = Phase::Acknowledged;
        acked.by = QStringLiteral("grace.hopper");
        list[1].phase = Phase::Acknowledged;
        list[1].transitions = { triggered, acked };
        list[2].transitions = { triggered };
        m_model->reset(list);
        QCOMPARE(
            m_model->headerData(IncidentModel::AcknowledgedByColumn, Qt::Horizontal).toString(),
            QStringLiteral("Acknowledged by"));
        const QModelIndex by = m_model->index(1, IncidentModel::AcknowledgedByColumn);
        QCOMPARE(by.data().toString(), QStringLiteral("grace.hopper"));
        QCOMPARE(
            m_model->index(2, IncidentModel::AcknowledgedByColumn).data().toString(), QString());
        QCOMPARE(IncidentModel::acknowledgedBy(list[1]), QStringLiteral("grace.hopper"));

        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setUserNames(
            { { QStringLiteral("grace.hopper"), QStringLiteral("Grace Hopper") } });
        QCOMPARE(by.data().toString(), QStringLiteral("Grace Hopper"));
        QCOMPARE(
            by.data(Qt::ToolTipRole).toString(), QStringLiteral("Grace Hopper (grace.hopper)"));
        QCOMPARE(by.data(IncidentModel::SortRole).toString(), QStringLiteral("grace hopper"));
        bool told = false;
        for (const QList<QVariant>& args : std::as_const(changed))
            told = told
                || (args.at(0).toModelIndex().column() == IncidentModel::AcknowledgedByColumn
                    && args.at(0).toModelIndex().row() <= 1
                    && args.at(1).toModelIndex().row() >= 1);
        QVERIFY(told);
    }

    void sortRole()
    {
        Incident acked = make(10, Phase::Acknowledged);
        m_model->reset({ make(9), acked });
        QCOMPARE(m_model->index(0, IncidentModel::NumberColumn).data(IncidentModel::SortRole),
            QVariant(qlonglong(9)));
        QCOMPARE(m_model->index(1, IncidentModel::NumberColumn).data(IncidentModel::SortRole),
            QVariant(qlonglong(10)));
        // Triggered sorts before acknowledged.
        QVERIFY(m_model->index(0, IncidentModel::PhaseColumn).data(IncidentModel::SortRole).toInt()
            < m_model->index(1, IncidentModel::PhaseColumn).data(IncidentModel::SortRole).toInt());
        QCOMPARE(m_model->index(0, IncidentModel::StartedColumn)
                     .data(IncidentModel::SortRole)
                     .toLongLong(),
            kNow.addSecs(-540).toMSecsSinceEpoch());
        QCOMPARE(m_model->index(0, IncidentModel::SummaryColumn)
                     .data(IncidentModel::SortRole)
                     .toString(),
            QStringLiteral("disk full on db-9"));
    }

    void rowsKeepOneCopyOfWhatIncidentsShare()
    {
        // Two incidents of one team as the service lists them, then again with the second one
        // changed (one more alert): its unchanged texts and lists stay those of the first answer,
        // shared with the other row, rather than the second answer's copies.
        const auto answer = [](int alerts) {
            const QByteArray incident = kSharingIncident;
            const QByteArray first = QByteArray(incident).replace("%1", "1").replace("%2", "1");
            const QByteArray second
                = QByteArray(incident).replace("%1", "2").replace("%2", QByteArray::number(alerts));
            const JsonReader r
                = JsonReader::fromBytes("{\"incidents\": [" + first + ", " + second + "]}");
            const QList<Incident> incidents = IncidentList::fromJson(r).incidents;
            return r.ok() ? incidents : QList<Incident>();
        };
        const auto sharing = [this] {
            const Incident& a = m_model->incidentAt(0);
            const Incident& b = m_model->incidentAt(1);
            return a.host.constData() == b.host.constData()
                && a.service.constData() == b.service.constData()
                && a.entityId.constData() == b.entityId.constData()
                && a.pagedUsers.constData() == b.pagedUsers.constData()
                && a.pagedTeams.constData() == b.pagedTeams.constData()
                && a.pagedPolicies.constData() == b.pagedPolicies.constData()
                && a.transitions.at(0).by.constData() == b.transitions.at(0).by.constData();
        };
        const QList<Incident> first = answer(1);
        QCOMPARE(first.size(), 2);
        m_model->applySnapshot(first);
        QVERIFY(sharing());

        const QList<Incident> second = answer(2);
        QCOMPARE(second.size(), 2);
        Spies spies(m_model.get());
        m_model->applySnapshot(second);
        QCOMPARE(changedRows(spies.changed), std::set<int> { 1 });
        QCOMPARE(m_model->incidentAt(1).alertCount, 2);
        QCOMPARE(m_model->incidentAt(1).host, QStringLiteral("db-01.example.com"));
        QCOMPARE(m_model->incidentAt(1).pagedUsers,
            (QStringList { QStringLiteral("ada.lovelace"), QStringLiteral("alan.turing") }));
        QVERIFY(sharing());
        // What the second answer said is still what the row shows, and a refresh with nothing
        // new changes nothing.
        m_model->applySnapshot(answer(2));
        QCOMPARE(changedRows(spies.changed), std::set<int> { 1 });
    }

    void firstLoadInsertsWithoutReset()
    {
        Spies spies(m_model.get());
        m_model->applySnapshot(range(1, 5));
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(spies.inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(spies.inserted.at(0).at(2).toInt(), 4);
        QCOMPARE(m_model->numbers(), numbersOf(range(1, 5)));
    }

    //! Unread chat: a mark by number (also before the row arrives) that refreshes keep; its row's
    //! dataChanged, the number's tooltip, and nothing when nothing changes.
    void unreadChatMarks()
    {
        m_model->setUnreadChat(QStringLiteral("9"), true); // not there yet
        m_model->applySnapshot(range(1, 9));
        const auto mark = [this](const QString& number) {
            return m_model->index(m_model->rowOf(number), 0)
                .data(IncidentModel::UnreadChatRole)
                .toBool();
        };
        QVERIFY(mark(QStringLiteral("9")));
        QVERIFY(!mark(QStringLiteral("3")));
        Spies spies(m_model.get());
        m_model->setUnreadChat(QStringLiteral("3"), true);
        QCOMPARE(spies.changed.count(), 1);
        const int row = m_model->rowOf(QStringLiteral("3"));
        QCOMPARE(spies.changed.at(0).at(0).toModelIndex().row(), row);
        QCOMPARE(spies.changed.at(0).at(1).toModelIndex().row(), row);
        const QList<int> roles = spies.changed.at(0).at(2).value<QList<int>>();
        QVERIFY(roles.contains(IncidentModel::UnreadChatRole));
        QVERIFY(mark(QStringLiteral("3")));
        QCOMPARE(m_model->index(row, IncidentModel::NumberColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("New chat messages"));
        m_model->setUnreadChat(QStringLiteral("3"), true);
        QCOMPARE(spies.changed.count(), 1);
        // A routine refresh keeps it, without a reset.
        m_model->applySnapshot(range(1, 9));
        QCOMPARE(spies.reset.count(), 0);
        QVERIFY(mark(QStringLiteral("3")));
        m_model->setUnreadChat(QStringLiteral("3"), false);
        QVERIFY(!mark(QStringLiteral("3")));
        QVERIFY(m_model->index(m_model->rowOf(QStringLiteral("3")), IncidentModel::NumberColumn)
                    .data(Qt::ToolTipRole)
                    .isNull());
        QCOMPARE(m_model->roleNames().value(IncidentModel::UnreadChatRole),
            QByteArrayLiteral("unreadChat"));
    }

    void resetIsAReset()
    {
        m_model->applySnapshot(range(1, 5));
        Spies spies(m_model.get());
        m_model->reset(range(7, 8));
        QCOMPARE(spies.reset.count(), 1);
        QCOMPARE(m_model->numbers(), (QStringList { QStringLiteral("7"), QStringLiteral("8") }));
        m_model->reset();
        QCOMPARE(m_model->rowCount(), 0);
    }

    void removalsInContiguousRanges()
    {
        m_model->applySnapshot(range(1, 10));
        Spies spies(m_model.get());
        QList<Incident> next;
        for (int n : { 1, 5, 6, 8, 9 })
            next.append(make(n));
        m_model->applySnapshot(next);

        // Gone: 2,3,4 (rows 1-3), 7 (row 6), 10 (row 9); removed bottom-up, one range at a time.
        QCOMPARE(spies.removed.count(), 3);
        QCOMPARE(spies.removed.at(0).at(1).toInt(), 9);
        QCOMPARE(spies.removed.at(0).at(2).toInt(), 9);
        QCOMPARE(spies.removed.at(1).at(1).toInt(), 6);
        QCOMPARE(spies.removed.at(1).at(2).toInt(), 6);
        QCOMPARE(spies.removed.at(2).at(1).toInt(), 1);
        QCOMPARE(spies.removed.at(2).at(2).toInt(), 3);
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.inserted.count(), 0);
        QCOMPARE(spies.changed.count(), 0);
        QCOMPARE(m_model->numbers(), numbersOf(next));
        QCOMPARE(m_model->rowOf(QStringLiteral("8")), 3);
        QCOMPARE(m_model->rowOf(QStringLiteral("7")), -1);
    }

    void rowOfIsRightInsideRemovalSlots()
    {
        m_model->applySnapshot(range(1, 6));
        QStringList seen;
        connect(m_model.get(), &QAbstractItemModel::rowsRemoved, this,
            [&] { seen.append(QString::number(m_model->rowOf(QStringLiteral("6")))); });
        m_model->applySnapshot({ make(1), make(3), make(6) });
        // Rows 3-4 (incidents 4 and 5) go first: 6 is then at row 3; then row 1 (incident 2).
        QCOMPARE(seen, (QStringList { QStringLiteral("3"), QStringLiteral("2") }));
    }

    void insertsAppendInSnapshotOrder()
    {
        m_model->applySnapshot(range(1, 3));
        Spies spies(m_model.get());
        // New ones first in the snapshot, and one number twice: it is added once.
        QList<Incident> next { make(20), make(2), make(15), make(1), make(3), make(20) };
        m_model->applySnapshot(next);
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(spies.inserted.at(0).at(1).toInt(), 3);
        QCOMPARE(spies.inserted.at(0).at(2).toInt(), 4);
        QCOMPARE(spies.changed.count(), 0);
        QCOMPARE(spies.removed.count(), 0);
        QCOMPARE(m_model->numbers(),
            (QStringList { QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                QStringLiteral("20"), QStringLiteral("15") }));
        QCOMPARE(m_model->rowOf(QStringLiteral("15")), 4);
    }

    void changesOnlyForChangedRows()
    {
        m_model->applySnapshot(range(1, 8));
        Spies spies(m_model.get());
        QList<Incident> next = range(1, 8);
        next[1].phase = Phase::Acknowledged; // row 1
        next[2].alertCount = 2; // row 2: a run with row 1
        next[5].transitions.append(IncidentTransition {}); // row 5 alone
        next[7].pagedPolicies.append(TeamPolicy { QStringLiteral("Ops"), QStringLiteral("pol-1"),
            QString(), QStringLiteral("Ops"), QStringLiteral("team-ops") }); // row 7
        m_model->applySnapshot(next);
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.inserted.count(), 0);
        QCOMPARE(spies.removed.count(), 0);
        QCOMPARE(spies.changed.count(), 3); // runs: 1-2, 5, 7
        QCOMPARE(changedRows(spies.changed), (std::set<int> { 1, 2, 5, 7 }));
        QCOMPARE(m_model->phaseAt(1), Phase::Acknowledged);
        QCOMPARE(m_model->incidentAt(2).alertCount, 2);

        // The same snapshot again changes nothing at all.
        spies.changed.clear();
        m_model->applySnapshot(next);
        QCOMPARE(spies.changed.count(), 0);
    }

    void everyFieldCounts()
    {
        // Each field of an incident, changed alone, makes its row (and only it) change.
        using Mutate = std::function<void(Incident&)>;
        const QList<QPair<const char*, Mutate>> mutations {
            { "phaseName", [](Incident& i) { i.phaseName = QStringLiteral("ACKED"); } },
            { "startTime", [](Incident& i) { i.startTime = i.startTime.addMSecs(1); } },
            { "lastAlertTime", [](Incident& i) { i.lastAlertTime = i.lastAlertTime.addSecs(1); } },
            { "alertCount", [](Incident& i) { i.alertCount = 3; } },
            { "lastAlertId", [](Incident& i) { i.lastAlertId += QLatin1Char('x'); } },
            { "firstAlertUuid", [](Incident& i) { i.firstAlertUuid = QStringLiteral("u"); } },
            { "entityId", [](Incident& i) { i.entityId = QStringLiteral("entity-0"); } },
            { "entityDisplayName", [](Incident& i) { i.entityDisplayName[0] = QLatin1Char('d'); } },
            { "entityType", [](Incident& i) { i.entityType = QStringLiteral("HOST"); } },
            { "entityState", [](Incident& i) { i.entityState = QStringLiteral("WARNING"); } },
            { "host", [](Incident& i) { i.host.chop(1); } },
            { "service", [](Incident& i) { i.service = QStringLiteral("disks"); } },
            { "routingKey", [](Incident& i) { i.routingKey.clear(); } },
            { "monitorName", [](Incident& i) { i.monitorName = QStringLiteral("Zabbix"); } },
            { "monitorType", [](Incident& i) { i.monitorType = QStringLiteral("API"); } },
            { "pagedUsers", [](Incident& i) { i.pagedUsers.append(QStringLiteral("bob")); } },
            { "pagedUsers order",
                [](Incident& i) { i.pagedUsers.prepend(QStringLiteral("bob")); } },
            { "pagedTeams", [](Incident& i) { i.pagedTeams.clear(); } },
            // The same texts, moved from one list to the next, still differ.
            { "users to teams",
                [](Incident& i) { i.pagedTeams.prepend(i.pagedUsers.takeLast()); } },
            { "policy",
                [](Incident& i) {
                    i.pagedPolicies.append(
                        TeamPolicy { QStringLiteral("Ops"), QStringLiteral("pol-1"), QString(),
                            QStringLiteral("Ops"), QStringLiteral("team-ops") });
                } },
            { "transition message",
                [](Incident& i) {
                    i.transitions.append(IncidentTransition {});
                    i.transitions[0].message = QStringLiteral("On it");
                } },
            { "phase", [](Incident& i) { i.phase = Phase::Resolved; } },
        };
        QList<Incident> base = range(1, 3);
        base[1].transitions.append(IncidentTransition {});
        base[1].pagedPolicies.append(TeamPolicy { QStringLiteral("Ops"), QStringLiteral("pol-1"),
            QString(), QStringLiteral("Ops"), QStringLiteral("team-ops") });
        for (const auto& [name, mutate] : mutations) {
            m_model->reset(base);
            QList<Incident> next = base;
            mutate(next[1]);
            QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
            m_model->applySnapshot(next);
            QVERIFY2(changedRows(changed) == std::set<int> { 1 }, name);
            QCOMPARE(m_model->incidentAt(1).host, next[1].host);
            QCOMPARE(m_model->incidentAt(1).pagedTeams, next[1].pagedTeams);
        }
        // A field of a policy or a transition alone.
        m_model->reset(base);
        QList<Incident> next = base;
        next[1].pagedPolicies[0].teamName = QStringLiteral("Operations");
        QSignalSpy policy(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->applySnapshot(next);
        QCOMPARE(changedRows(policy), std::set<int> { 1 });
        next[1].transitions[0].manually = true;
        QSignalSpy manual(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->applySnapshot(next);
        QCOMPARE(changedRows(manual), std::set<int> { 1 });
        QVERIFY(m_model->incidentAt(1).transitions.at(0).manually);
    }

    void mixedRefresh()
    {
        m_model->applySnapshot(range(1, 6));
        Spies spies(m_model.get());
        QList<Incident> next { make(1), make(3), make(4), make(6), make(7) };
        next[1].entityDisplayName = QStringLiteral("Disk still full"); // 3
        m_model->applySnapshot(next);
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.removed.count(), 2); // 5, then 2
        QCOMPARE(spies.inserted.count(), 1); // 7
        QCOMPARE(changedRows(spies.changed), (std::set<int> { 1 })); // 3 is at row 1 by then
        QCOMPARE(m_model->numbers(), numbersOf(next));
        QCOMPARE(m_model->index(1, IncidentModel::SummaryColumn).data().toString(),
            QStringLiteral("Disk still full"));
    }

    void tenThousandWithOnePercentChanged()
    {
        const int total = 10000;
        QList<Incident> incidents = range(1, total);
        m_model->applySnapshot(incidents);
        QCOMPARE(m_model->rowCount(), total);

        // 100 changes: 90 spread out (every 101st row) and a run of 10 (rows 9500-9509).
        std::set<int> expected;
        for (int i = 0; i < 90; ++i)
            expected.insert(7 + i * 101);
        for (int r = 9500; r < 9510; ++r)
            expected.insert(r);
        QCOMPARE(expected.size(), size_t(100));
        for (int r : expected) {
            Incident& incident = incidents[r];
            incident.alertCount += 1;
            incident.lastAlertTime = kNow;
            incident.phase = r % 2 ? Phase::Acknowledged : Phase::Triggered;
        }

        Spies spies(m_model.get());
        m_model->applySnapshot(incidents);
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.layout.count(), 0);
        QCOMPARE(spies.inserted.count(), 0);
        QCOMPARE(spies.removed.count(), 0);
        QCOMPARE(spies.moved.count(), 0);
        QCOMPARE(spies.changed.count(), 91); // 90 single rows and one run
        QCOMPARE(changedRows(spies.changed), expected);
        for (int r : expected)
            QCOMPARE(m_model->incidentAt(r).alertCount, 2);
        QCOMPARE(m_model->count(Phase::Acknowledged) + m_model->count(Phase::Triggered), total);
        QCOMPARE(m_model->count(Phase::Acknowledged), 50);
    }

    void persistentIndexesSurvive()
    {
        m_model->applySnapshot(range(1, 100));
        const QPersistentModelIndex fifty(m_model->index(49, IncidentModel::SummaryColumn));
        const QPersistentModelIndex last(m_model->index(99, 0));
        const QPersistentModelIndex gone(m_model->index(10, 0));
        QCOMPARE(fifty.data(IncidentModel::NumberRole).toString(), QStringLiteral("50"));

        QList<Incident> next = range(1, 100);
        next.removeAt(10); // 11 goes
        next.removeAt(0); // 1 goes
        next[47].phase = Phase::Acknowledged; // 50 changes
        next.append(make(101));
        m_model->applySnapshot(next);

        QVERIFY(fifty.isValid());
        QCOMPARE(fifty.row(), 47);
        QCOMPARE(fifty.column(), int(IncidentModel::SummaryColumn));
        QCOMPARE(fifty.data(IncidentModel::NumberRole).toString(), QStringLiteral("50"));
        QCOMPARE(fifty.data(IncidentModel::PhaseRole).toInt(), int(Phase::Acknowledged));
        QCOMPARE(last.data(IncidentModel::NumberRole).toString(), QStringLiteral("100"));
        QVERIFY(!gone.isValid());
    }

    void countsPerPhase()
    {
        QSignalSpy counts(m_model.get(), &IncidentModel::countsChanged);
        m_model->setIdentity(QStringLiteral("ada.lovelace"));
        QList<Incident> list = range(1, 5);
        list[0].phase = Phase::Acknowledged;
        list[1].phase = Phase::Acknowledged;
        list[2].pagedUsers = { QStringLiteral("someone.else") };
        m_model->applySnapshot(list);
        QCOMPARE(counts.count(), 1);
        QCOMPARE(m_model->count(Phase::Triggered), 3);
        QCOMPARE(m_model->count(Phase::Acknowledged), 2);
        QCOMPARE(m_model->count(Phase::Resolved), 0);
        QCOMPARE(m_model->countPagingMe(Phase::Triggered), 2);
        QCOMPARE(m_model->countPagingMe(Phase::Acknowledged), 2);

        // A refresh that changes no phase leaves the counts alone.
        list[3].alertCount = 9;
        m_model->applySnapshot(list);
        QCOMPARE(counts.count(), 1);

        list.removeLast();
        m_model->applySnapshot(list);
        QCOMPARE(counts.count(), 2);
        QCOMPARE(m_model->count(Phase::Triggered), 2);
    }

    void pagingMeAndMyTeams()
    {
        QList<Incident> list = range(1, 4);
        list[1].pagedUsers = { QStringLiteral("grace.hopper") };
        list[2].pagedUsers.clear();
        list[2].pagedTeams = { QStringLiteral("team-web") };
        list[3].pagedTeams.clear();
        list[3].pagedPolicies = { TeamPolicy { QStringLiteral("Web"), QStringLiteral("pol-web"),
            QString(), QStringLiteral("Web"), QStringLiteral("team-web") } };
        m_model->applySnapshot(list);
        QVERIFY(!m_model->isPagingMe(0)); // no identity yet

        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setIdentity(QStringLiteral("Ada.Lovelace"), { QStringLiteral("team-web") });
        QCOMPARE(changed.count(), 1);
        const QList<int> roles = changed.at(0).at(2).value<QList<int>>();
        QVERIFY(roles.contains(IncidentModel::PagingMeRole));
        QVERIFY(roles.contains(IncidentModel::MyTeamsRole));

        QVERIFY(m_model->isPagingMe(0)); // case-insensitive
        QVERIFY(!m_model->isPagingMe(1));
        QVERIFY(!m_model->isPagingMe(2));
        QCOMPARE(m_model->index(0, 0).data(IncidentModel::PagingMeRole).toBool(), true);
        QVERIFY(!m_model->isMyTeams(0)); // team-db
        QVERIFY(m_model->isMyTeams(2)); // pagedTeams
        QVERIFY(m_model->isMyTeams(3)); // through the policy's team
        QCOMPARE(m_model->index(3, 0).data(IncidentModel::MyTeamsRole).toBool(), true);

        // A refresh that starts paging me flips the flag.
        list[1].pagedUsers.append(QStringLiteral("ada.lovelace"));
        m_model->applySnapshot(list);
        QVERIFY(m_model->isPagingMe(1));
    }

    void relativeTimeWords()
    {
        QCOMPARE(IncidentModel::relativeTime(kNow.addSecs(-59), kNow), QStringLiteral("just now"));
        QCOMPARE(IncidentModel::relativeTime(kNow.addSecs(30), kNow), QStringLiteral("just now"));
        QCOMPARE(IncidentModel::relativeTime(kNow.addSecs(-60), kNow), QStringLiteral("1 min ago"));
        QCOMPARE(IncidentModel::relativeTime(kNow.addSecs(-59 * 60), kNow),
            QStringLiteral("59 min ago"));
        QCOMPARE(
            IncidentModel::relativeTime(kNow.addSecs(-3 * 3600), kNow), QStringLiteral("3 h ago"));
        QCOMPARE(IncidentModel::relativeTime(kNow.addDays(-2), kNow), QStringLiteral("2 d ago"));
        QVERIFY(IncidentModel::relativeTime(QDateTime(), kNow).isEmpty());
    }

    void relativeTimesTick()
    {
        QDateTime now = kNow;
        m_model->setClock([&now] { return now; });
        QVERIFY(!m_model->isTicking()); // nothing to tick for
        m_model->applySnapshot(range(5, 6));
        QVERIFY(m_model->isTicking());
        const QModelIndex started = m_model->index(0, IncidentModel::StartedColumn);
        QCOMPARE(started.data().toString(), QStringLiteral("5 min ago"));
        QVERIFY(!started.data(Qt::ToolTipRole).toString().isEmpty()); // the absolute time

        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        now = now.addSecs(60);
        m_model->tick();
        QCOMPARE(changed.count(), 1);
        const auto first = changed.at(0).at(0).value<QModelIndex>();
        const auto last = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(first.row(), 0);
        QCOMPARE(first.column(), int(IncidentModel::StartedColumn));
        QCOMPARE(last.row(), 1);
        QCOMPARE(last.column(), int(IncidentModel::LastAlertColumn));
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int> { Qt::DisplayRole });
        QCOMPARE(started.data().toString(), QStringLiteral("6 min ago"));
        QCOMPARE(m_model->index(0, IncidentModel::LastAlertColumn).data().toString(),
            QStringLiteral("1 min ago"));

        m_model->applySnapshot({});
        QVERIFY(!m_model->isTicking());
        changed.clear();
        m_model->tick();
        QCOMPARE(changed.count(), 0);
    }

    void tickerFiresOnItsOwn()
    {
        // The model's own timer drives tick(); the interval is a minute.
        QCOMPARE(IncidentModel::TickIntervalMs, 60000);
        m_model->applySnapshot(range(1, 1));
        auto* timer = m_model->findChild<QTimer*>();
        QVERIFY(timer);
        QCOMPARE(timer->interval(), 60000);
        QVERIFY(timer->isActive());
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        timer->setInterval(10);
        QVERIFY(changed.wait(2000));
        QCOMPARE(
            changed.at(0).at(0).value<QModelIndex>().column(), int(IncidentModel::StartedColumn));
    }

    void pendingKeepsOptimisticPhaseThroughRefresh()
    {
        QSignalSpy counts(m_model.get(), &IncidentModel::countsChanged);
        m_model->applySnapshot(range(1, 3));
        const QStringList marked
            = m_model->beginPending({ QStringLiteral("2"), QStringLiteral("404") },
                IncidentModel::PendingAction::Acknowledge, Phase::Acknowledged, 7);
        QCOMPARE(marked, QStringList { QStringLiteral("2") });
        QCOMPARE(m_model->phaseAt(1), Phase::Acknowledged);
        QCOMPARE(m_model->index(1, 0).data(IncidentModel::PendingRole).toInt(),
            int(IncidentModel::PendingAction::Acknowledge));
        QCOMPARE(m_model->index(1, 0).data(IncidentModel::IncidentRole).value<Incident>().phase,
            Phase::Acknowledged);
        QCOMPARE(m_model->incidentAt(1).phase, Phase::Triggered); // the server's view
        QCOMPARE(m_model->count(Phase::Acknowledged), 1);
        // A row already pending is not marked again.
        QVERIFY(m_model
                    ->beginPending({ QStringLiteral("2") }, IncidentModel::PendingAction::Resolve,
                        Phase::Resolved, 8)
                    .isEmpty());

        // A refresh (taken before the server acted) must not undo the optimistic phase.
        QList<Incident> stale = range(1, 3);
        stale[1].alertCount = 5;
        m_model->applySnapshot(stale);
        QCOMPARE(m_model->phaseAt(1), Phase::Acknowledged);
        QCOMPARE(m_model->incidentAt(1).alertCount, 5);
        QCOMPARE(m_model->pendingAt(1), IncidentModel::PendingAction::Acknowledge);

        // Another ticket cannot end it; the right one rolls back to the server's phase.
        QVERIFY(!m_model->finishPending(QStringLiteral("2"), 8, false));
        QVERIFY(m_model->finishPending(
            QStringLiteral("2"), 7, false, QStringLiteral("Incident is already acknowledged")));
        QCOMPARE(m_model->phaseAt(1), Phase::Triggered);
        QCOMPARE(m_model->pendingAt(1), IncidentModel::PendingAction::None);
        QCOMPARE(m_model->index(1, 0).data(IncidentModel::ErrorRole).toString(),
            QStringLiteral("Incident is already acknowledged"));
        QCOMPARE(m_model->index(1, IncidentModel::PhaseColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Incident is already acknowledged"));
        QCOMPARE(m_model->count(Phase::Acknowledged), 0);

        // Accepted: the optimistic phase stays after the pending state ends; the error goes.
        m_model->beginPending(
            { QStringLiteral("2") }, IncidentModel::PendingAction::Resolve, Phase::Resolved, 9);
        QVERIFY(m_model->errorAt(1).isEmpty());
        QVERIFY(m_model->finishPending(QStringLiteral("2"), 9, true));
        QCOMPARE(m_model->phaseAt(1), Phase::Resolved);
        QCOMPARE(m_model->incidentAt(1).phaseName, QStringLiteral("RESOLVED"));
        QCOMPARE(m_model->count(Phase::Resolved), 1);
        QVERIFY(counts.count() >= 4);

        m_model->setConfirmedPhase(QStringLiteral("3"), Phase::Acknowledged);
        QCOMPARE(m_model->phaseAt(2), Phase::Acknowledged);
    }

    void acceptedPhaseOutlivesAnOlderSnapshot()
    {
        m_model->applySnapshot(range(1, 3));
        const quint64 asked = m_model->snapshotMark(); // a refresh is requested now...
        m_model->beginPending({ QStringLiteral("2") }, IncidentModel::PendingAction::Acknowledge,
            Phase::Acknowledged, 1);
        QVERIFY(m_model->finishPending(QStringLiteral("2"), 1, true)); // ...the ack is accepted...
        QVERIFY(m_model->snapshotMark() > asked);

        // ...and then the refresh's answer arrives, taken before the ack: all but the phase.
        QList<Incident> older = range(1, 3);
        older[1].alertCount = 4;
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->applySnapshot(older, asked);
        QCOMPARE(changedRows(changed), std::set<int> { 1 });
        QCOMPARE(m_model->phaseAt(1), Phase::Acknowledged);
        QCOMPARE(m_model->incidentAt(1).phaseName, QStringLiteral("ACKED"));
        QCOMPARE(m_model->incidentAt(1).alertCount, 4);
        QCOMPARE(m_model->count(Phase::Acknowledged), 1);

        // A snapshot asked for after the ack is the truth (here: triggered again, e.g. rerouted).
        m_model->applySnapshot(older, m_model->snapshotMark());
        QCOMPARE(m_model->phaseAt(1), Phase::Triggered);
        QCOMPARE(m_model->count(Phase::Acknowledged), 0);

        // Without a mark a snapshot counts as newer than everything.
        m_model->setConfirmedPhase(QStringLiteral("3"), Phase::Acknowledged);
        m_model->applySnapshot(older);
        QCOMPARE(m_model->phaseAt(2), Phase::Triggered);
    }

    // --- IncidentFilterModel -------------------------------------------------------------

    void filterCriteria()
    {
        QList<Incident> list = range(1, 6);
        list[0].phase = Phase::Acknowledged;
        list[1].routingKey = QStringLiteral("web");
        list[1].service = QStringLiteral("checkout");
        list[1].pagedUsers = { QStringLiteral("grace.hopper") };
        list[1].pagedTeams = { QStringLiteral("team-web") };
        list[2].entityDisplayName = QStringLiteral("Latency high on the Payment API");
        list[3].service.clear();
        list[3].host = QStringLiteral("cache-7.example.com");
        list[4].entityId = QStringLiteral("synthetic/login-check");
        m_model->applySnapshot(list);
        m_model->setIdentity(QStringLiteral("ada.lovelace"), { QStringLiteral("team-web") });

        IncidentFilterModel filter;
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
        filter.setSourceModel(m_model.get());
        QCOMPARE(filter.incidentModel(), m_model.get());
        filter.sort(IncidentModel::NumberColumn);
        QCOMPARE(filter.rowCount(), 6);

        auto shown = [&filter] { return filter.visibleNumbers().join(QLatin1Char(',')); };

        filter.setPhases({ Phase::Triggered });
        QCOMPARE(shown(), QStringLiteral("2,3,4,5,6"));
        filter.setPhases({ Phase::Acknowledged });
        QCOMPARE(shown(), QStringLiteral("1"));
        filter.setPhases({});

        // Paging me: triggered only (1 pages me but is acknowledged), as many as the badge says.
        filter.setScope(IncidentFilterModel::Scope::PagingMe);
        QCOMPARE(shown(), QStringLiteral("3,4,5,6"));
        QCOMPARE(filter.rowCount(), m_model->countPagingMe(Phase::Triggered));
        // The row looked at stays when acknowledged.
        filter.setPinned(QStringLiteral("1"));
        QTRY_COMPARE(shown(), QStringLiteral("1,3,4,5,6"));
        filter.setPinned(QString());
        QTRY_COMPARE(shown(), QStringLiteral("3,4,5,6"));
        filter.setScope(IncidentFilterModel::Scope::MyTeams);
        QCOMPARE(shown(), QStringLiteral("2"));
        filter.setScope(IncidentFilterModel::Scope::All);

        filter.setRoutingKey(QStringLiteral("WEB"));
        QCOMPARE(shown(), QStringLiteral("2"));
        filter.setRoutingKey(QString());

        filter.setService(QStringLiteral("checkout"));
        QCOMPARE(shown(), QStringLiteral("2"));
        filter.setService(QStringLiteral("cache-7.example.com")); // a host is not a service
        QCOMPARE(shown(), QString());
        filter.setService(QString());

        filter.setText(QStringLiteral("payment"));
        QCOMPARE(shown(), QStringLiteral("3")); // summary
        filter.setText(QStringLiteral("6"));
        QCOMPARE(shown(), QStringLiteral("6")); // number (and the host db-6, same row)
        filter.setText(QStringLiteral("cache-7"));
        QCOMPARE(shown(), QStringLiteral("4")); // host
        filter.setText(QStringLiteral("CHECKOUT"));
        QCOMPARE(shown(), QStringLiteral("2")); // service
        filter.setText(QStringLiteral("login-check"));
        QCOMPARE(shown(), QStringLiteral("5")); // entity id
        filter.setText(QStringLiteral("  disk   db-1 "));
        QCOMPARE(shown(), QStringLiteral("1")); // every word must match
        QCOMPARE(filter.text(), QStringLiteral("disk db-1"));
        filter.setText(QStringLiteral("nothing-like-this"));
        QCOMPARE(filter.rowCount(), 0);
        filter.setText(QString());

        // Criteria combine.
        filter.setPhases({ Phase::Triggered });
        filter.setScope(IncidentFilterModel::Scope::PagingMe);
        filter.setText(QStringLiteral("disk"));
        QCOMPARE(shown(), QStringLiteral("3,4,5,6"));
        filter.setText(QStringLiteral("latency"));
        QCOMPARE(shown(), QStringLiteral("3"));
    }

    void keepsResolvedIncidentsThatLeaveTheList()
    {
        m_model->setKeepResolved(IncidentModel::DefaultKeepResolved);
        m_model->setIdentity(QStringLiteral("ada.lovelace"));
        m_model->applySnapshot(range(1, 6));
        const QPersistentModelIndex three(m_model->index(2, IncidentModel::PhaseColumn));
        Spies spies(m_model.get());
        QList<Incident> next = range(1, 6);
        next.removeAt(2); // 3 was resolved
        next.removeAt(3); // and 5
        m_model->applySnapshot(next);

        // The rows stay, now resolved: changed, not removed, and the view's index still holds.
        QCOMPARE(spies.removed.count(), 0);
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(changedRows(spies.changed), (std::set<int> { 2, 4 }));
        QVERIFY(three.isValid());
        QCOMPARE(three.data(IncidentModel::PhaseRole).toInt(), int(Phase::Resolved));
        QCOMPARE(m_model->rowCount(), 6);
        QCOMPARE(m_model->count(Phase::Resolved), 2);
        QCOMPARE(m_model->count(Phase::Triggered), 4);
        QCOMPARE(m_model->countPagingMe(Phase::Triggered), 4);

        // The next routine refresh with the same list changes nothing.
        spies.changed.clear();
        m_model->applySnapshot(next);
        QCOMPARE(spies.changed.count(), 0);
        QCOMPARE(spies.removed.count(), 0);
        QCOMPARE(m_model->rowCount(), 6);

        // A listed incident that changes is still found among the kept ones.
        next[3].alertCount = 5; // incident 6
        m_model->applySnapshot(next);
        QCOMPARE(changedRows(spies.changed), (std::set<int> { 5 }));
        QCOMPARE(m_model->incidentAt(5).alertCount, 5);

        // A kept incident the service lists again is a listed one again.
        spies.changed.clear();
        m_model->applySnapshot(next + QList<Incident> { make(3, Phase::Acknowledged) });
        QCOMPARE(m_model->phaseAt(m_model->rowOf(QStringLiteral("3"))), Phase::Acknowledged);
        QCOMPARE(m_model->count(Phase::Resolved), 1);
        QCOMPARE(m_model->rowCount(), 6);
    }

    void keepsOnlyTheNewestResolved()
    {
        m_model->setKeepResolved(2);
        m_model->applySnapshot(range(1, 5));
        m_model->applySnapshot(range(2, 5)); // 1 resolved
        m_model->applySnapshot(range(3, 5)); // 2 resolved
        QCOMPARE(m_model->rowCount(), 5);
        Spies spies(m_model.get());
        m_model->applySnapshot(range(4, 5)); // 3 resolved: 1, the oldest kept, goes
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(m_model->rowOf(QStringLiteral("1")), -1);
        QCOMPARE(m_model->count(Phase::Resolved), 2);
        QCOMPARE(m_model->numbers(),
            (QStringList { QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                QStringLiteral("5") }));
        // Keeping none any more: the kept ones go at the next refresh.
        m_model->setKeepResolved(0);
        m_model->applySnapshot(range(4, 5));
        QCOMPARE(m_model->numbers(), (QStringList { QStringLiteral("4"), QStringLiteral("5") }));
        QCOMPARE(m_model->count(Phase::Resolved), 0);
        // An account switch forgets them.
        m_model->reset(range(7, 8));
        QCOMPARE(m_model->count(Phase::Resolved), 0);
        m_model->applySnapshot(range(7, 8));
        QCOMPARE(m_model->rowCount(), 2);
    }

    void pinnedIncidentStaysInTheFilter()
    {
        m_model->setKeepResolved(IncidentModel::DefaultKeepResolved);
        m_model->applySnapshot(range(1, 4));
        IncidentFilterModel filter;
        filter.setSourceModel(m_model.get());
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
        auto shown = [&filter] { return filter.visibleNumbers().join(QLatin1Char(',')); };
        filter.setSortRole(IncidentModel::SortRole);
        filter.sort(IncidentModel::NumberColumn);
        filter.setPhases({ Phase::Triggered, Phase::Acknowledged });
        filter.setPinned(QStringLiteral("2"));
        m_model->applySnapshot({ make(1), make(3), make(4) }); // 2 resolved: still shown
        QCOMPARE(shown(), QStringLiteral("1,2,3,4"));
        filter.setPinned(QStringLiteral("3")); // the user moved on
        QTRY_COMPARE(shown(), QStringLiteral("1,3,4"));
        filter.setPhases({ Phase::Resolved });
        QCOMPARE(shown(), QStringLiteral("2,3")); // the resolved one, and the pinned one
        filter.setPinned(QString());
        QTRY_COMPARE(shown(), QStringLiteral("2"));
    }

    void filterFollowsChangesAndSortsNumerically()
    {
        m_model->applySnapshot({ make(9), make(10), make(100), make(11) });
        IncidentFilterModel filter;
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
        filter.setSourceModel(m_model.get());
        filter.sort(IncidentModel::NumberColumn);
        QCOMPARE(filter.visibleNumbers().join(QLatin1Char(',')), QStringLiteral("9,10,11,100"));
        filter.sort(IncidentModel::NumberColumn, Qt::DescendingOrder);
        QCOMPARE(filter.visibleNumbers().join(QLatin1Char(',')), QStringLiteral("100,11,10,9"));

        filter.setPhases({ Phase::Triggered });
        QSignalSpy reset(&filter, &QAbstractItemModel::modelReset);
        // A refresh acknowledges 10: it leaves the triggered view, without a reset.
        QList<Incident> next { make(9), make(10), make(100), make(11), make(5) };
        next[1].phase = Phase::Acknowledged;
        m_model->applySnapshot(next);
        QCOMPARE(filter.visibleNumbers().join(QLatin1Char(',')), QStringLiteral("100,11,9,5"));
        // An optimistic action moves a row out at once, and back when it rolls back.
        m_model->beginPending({ QStringLiteral("11") }, IncidentModel::PendingAction::Acknowledge,
            Phase::Acknowledged, 1);
        QCOMPARE(filter.visibleNumbers().join(QLatin1Char(',')), QStringLiteral("100,9,5"));
        m_model->finishPending(QStringLiteral("11"), 1, false);
        QCOMPARE(filter.visibleNumbers().join(QLatin1Char(',')), QStringLiteral("100,11,9,5"));
        QCOMPARE(reset.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestIncidentModel)
#include "tst_incidentmodel.moc"
