// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The Reports view driven with QTest over a real HistoryStore on a temporary file: the search
// and the filters ask the store and the answer narrows the table, the count and the charts; the
// tables beside the charts hold the report's numbers; Export CSV writes them (RFC 4180); the
// charts follow the palette; Pause/Resume reaches the sync; the empty states say what is going on.

#include "apiclient.h"
#include "heatmapwidget.h"
#include "historymetrics.h"
#include "historymodel.h"
#include "historystore.h"
#include "historysync.h"
#include "look.h"
#include "reportcharts.h"
#include "reportsview.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QValueAxis>

using namespace rota;

namespace {

const QStringList Teams { QStringLiteral("dba"), QStringLiteral("web"), QStringLiteral("ops") };

// Incident `n`, started `hoursAgo` hours before now: the summaries say which service failed,
// every fifth one is about kafka; teams, hosts and routing keys take turns.
Incident incident(int n, int hoursAgo)
{
    Incident i;
    i.incidentNumber = QString::number(n);
    i.startTime = QDateTime::currentDateTimeUtc().addSecs(-qint64(hoursAgo) * 3600);
    const bool kafka = n % 5 == 0;
    i.service = kafka ? QStringLiteral("kafka") : QStringLiteral("postgres");
    i.host = QStringLiteral("host-%1").arg(n % 4);
    i.routingKey = n % 2 ? QStringLiteral("database") : QStringLiteral("streams");
    i.entityId = i.host + QLatin1Char('/') + i.service;
    i.entityDisplayName = QStringLiteral("%1 is down on %2").arg(i.service, i.host);
    i.pagedTeams = { Teams.at(n % 3) };
    i.pagedUsers = { n % 2 ? QStringLiteral("alice") : QStringLiteral("bob") };
    IncidentTransition triggered;
    triggered.phase = Phase::Triggered;
    triggered.at = i.startTime;
    i.transitions.append(triggered);
    IncidentTransition acked;
    acked.phase = Phase::Acknowledged;
    acked.at = i.startTime.addSecs(60 * (1 + n % 7));
    acked.by = i.pagedUsers.first();
    i.transitions.append(acked);
    IncidentTransition resolved;
    resolved.phase = Phase::Resolved;
    resolved.at = i.startTime.addSecs(3600 + 60 * n);
    resolved.by = QStringLiteral("alice");
    i.transitions.append(resolved);
    i.phase = Phase::Resolved;
    return i;
}

QList<Incident> incidents(int from, int to)
{
    QList<Incident> out;
    for (int n = from; n <= to; ++n)
        out.append(incident(n, 2 * (100 - n)));
    return out;
}

QStringList column(const QAbstractItemModel* model, int c)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out.append(model->index(r, c).data().toString());
    return out;
}

// A report computed as the store does it, for tests that feed the view directly.
HistoryReport reportOf(const QList<Incident>& list, const QString& me)
{
    QList<HistoryIncident> rows;
    for (const Incident& i : list)
        rows.append(HistoryIncident::fromIncident(i));
    std::sort(rows.begin(), rows.end(),
        [](const HistoryIncident& a, const HistoryIncident& b) { return a.startMs > b.startMs; });
    QList<const HistoryIncident*> matching;
    for (const HistoryIncident& row : rows)
        matching.append(&row);
    HistoryReport report = HistoryMetrics::compute(
        matching, me, {}, QTimeZone::systemTimeZone(), QDateTime::currentDateTime());
    report.stored = int(rows.size());
    return report;
}

} // namespace

class TestReportsView : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    // A store on a new file holding `list`, ready.
    bool openWith(HistoryStore& store, const QList<Incident>& list)
    {
        QSignalSpy opened(&store, &HistoryStore::opened);
        store.open(m_dir.filePath(QStringLiteral("history%1.sqlite").arg(++m_files)));
        if (!opened.wait(10000) || !store.isReady())
            return false;
        if (list.isEmpty())
            return true;
        return store_(store, list);
    }

    bool store_(HistoryStore& store, const QList<Incident>& list)
    {
        HistorySyncState state;
        state.oldestMs = list.first().startTime.toMSecsSinceEpoch();
        state.newestMs = list.last().startTime.toMSecsSinceEpoch();
        state.serverTotal = int(list.size());
        bool done = false;
        bool ok = false;
        store.storeIncidents(list, state, [&](bool success, const QString&, int) {
            ok = success;
            done = true;
        });
        return QTest::qWaitFor([&] { return done; }, 10000) && ok;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void withoutAStoreItSaysTheHistoryIsBeingRead()
    {
        ReportsView view(nullptr, nullptr);
        view.show();
        QVERIFY(view.noticeText().contains(QStringLiteral("The history is being read")));
        QVERIFY(!view.pauseButton()->isEnabled());
        QVERIFY(view.progressBar()->isHidden());
        // A search typed meanwhile asks nothing and breaks nothing.
        QTest::keyClicks(view.searchEdit(), QStringLiteral("disk"));
        QTest::qWait(ReportsView::SearchDelayMs * 2);
        QCOMPARE(view.queriesAsked(), 0);
        QVERIFY(view.report() == nullptr);
    }

    void anEmptyStoreThenNoMatchSayWhatIsGoingOn()
    {
        HistoryStore store;
        QVERIFY(openWith(store, {}));
        ReportsView view(&store, nullptr);
        view.show();
        QTRY_VERIFY(view.report() != nullptr);
        QCOMPARE(view.report()->stored, 0);
        QVERIFY(view.noticeText().contains(QStringLiteral("The history is being read")));

        QVERIFY(store_(store, incidents(91, 100)));
        QTRY_COMPARE(view.report() ? view.report()->stored : -1, 10);
        QCOMPARE(view.noticeText(), QString());
        QCOMPARE(view.incidentModel()->rowCount(), 10);

        QTest::keyClicks(view.searchEdit(), QStringLiteral("nothing-like-this"));
        QTRY_COMPARE(view.report()->matching, 0);
        QCOMPARE(
            view.noticeText(), QStringLiteral("No stored incident matches; clear the search."));
        QCOMPARE(view.incidentModel()->rowCount(), 0);

        QTest::mouseClick(view.clearButton(), Qt::LeftButton);
        QCOMPARE(view.searchEdit()->text(), QString());
        QTRY_COMPARE(view.report()->matching, 10);
        QCOMPARE(view.noticeText(), QString());
    }

    void aViewMadeAfterTheStoreOpenedSaysWhatTheOpenSaid()
    {
        // A file that is not a history: moved aside and rebuilt before the view exists (it is
        // made when first shown); the view still says where the file went.
        const QString broken = m_dir.filePath(QStringLiteral("broken.sqlite"));
        {
            QFile file(broken);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(8192, 'x'));
        }
        HistoryStore store;
        QSignalSpy opened(&store, &HistoryStore::opened);
        store.open(broken);
        QVERIFY(opened.wait(10000));
        QCOMPARE(store.openResult(), HistoryDatabase::OpenResult::Rebuilt);
        ReportsView view(&store, nullptr);
        view.show();
        QTRY_VERIFY(view.report() != nullptr);
        QVERIFY2(
            view.noticeText().contains(QStringLiteral(".broken-")), qPrintable(view.noticeText()));

        // A newer Rota's file: refused, said in words, nothing searched.
        HistoryStore newer;
        QSignalSpy answered(&newer, &HistoryStore::opened);
        const QString future = m_dir.filePath(QStringLiteral("future.sqlite"));
        {
            HistoryDatabase db(QStringLiteral("tst-future"));
            QCOMPARE(db.open(future, nullptr), HistoryDatabase::OpenResult::Created);
        }
        {
            QSqlDatabase raw
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst-raw"));
            raw.setDatabaseName(future);
            QVERIFY(raw.open());
            QSqlQuery(raw).exec(
                QStringLiteral("PRAGMA user_version = %1").arg(HistoryDatabase::SchemaVersion + 1));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tst-raw"));
        newer.open(future);
        QVERIFY(answered.wait(10000));
        QCOMPARE(newer.openResult(), HistoryDatabase::OpenResult::TooNew);
        ReportsView refused(&newer, nullptr);
        refused.show();
        QTRY_VERIFY2(refused.noticeText().contains(QStringLiteral("newer")),
            qPrintable(refused.noticeText()));
        QCOMPARE(refused.queriesAsked(), 0);
    }

    void typingInTheSearchNarrowsTheTableAndTheCount()
    {
        HistoryStore store;
        QVERIFY(openWith(store, incidents(71, 100)));
        ReportsView view(&store, nullptr);
        view.show();
        QTRY_VERIFY(view.report() != nullptr);
        QCOMPARE(view.countText(), QStringLiteral("30 of 30 stored incidents match"));
        QVERIFY2(view.searchTimeText().startsWith(QStringLiteral("Searched with every figure in ")),
            qPrintable(view.searchTimeText()));
        QCOMPARE(view.incidentTable()->model()->rowCount(), 30);

        view.searchEdit()->setFocus();
        QTest::keyClicks(view.searchEdit(), QStringLiteral("kafka"));
        // Incidents 75, 80, …, 100 are about kafka.
        QTRY_COMPARE(view.incidentTable()->model()->rowCount(), 6);
        QVERIFY(view.countText().startsWith(QStringLiteral("6 of 30 stored incidents match")));
        QStringList numbers = column(view.incidentTable()->model(), HistoryModel::NumberColumn);
        std::sort(numbers.begin(), numbers.end());
        QCOMPARE(numbers,
            (QStringList { QStringLiteral("100"), QStringLiteral("75"), QStringLiteral("80"),
                QStringLiteral("85"), QStringLiteral("90"), QStringLiteral("95") }));
        // The figures are of the same six.
        QCOMPARE(view.servicePanel()->tableModel()->rowCount(), 1);
        QCOMPARE(view.servicePanel()->tableModel()->index(0, 0).data().toString(),
            QStringLiteral("kafka"));
        QCOMPARE(
            view.servicePanel()->tableModel()->index(0, 1).data().toString(), QStringLiteral("6"));

        // Two words: both must match.
        QTest::keyClicks(view.searchEdit(), QStringLiteral(" host-0"));
        QTRY_COMPARE(view.incidentTable()->model()->rowCount(), 2); // 80 and 100
        QVERIFY(view.countText().startsWith(QStringLiteral("2 of 30")));
    }

    void aTeamFilterChangesTheByTeamChartAndItsTable()
    {
        HistoryStore store;
        QVERIFY(openWith(store, incidents(71, 100)));
        ReportsView view(&store, nullptr);
        view.show();
        QTRY_VERIFY(view.report() != nullptr);
        QStandardItemModel* table = view.teamPanel()->tableModel();
        QCOMPARE(table->rowCount(), 3);
        // Each team paged ten of the thirty.
        QCOMPARE(column(table, 1),
            (QStringList { QStringLiteral("10"), QStringLiteral("10"), QStringLiteral("10") }));
        // The team box offers the teams the report named.
        QVERIFY(view.teamBox()->findText(QStringLiteral("dba")) >= 0);
        QVERIFY(view.teamBox()->findText(QStringLiteral("web")) >= 0);

        const int asked = view.queriesAsked();
        view.teamBox()->setCurrentIndex(view.teamBox()->findText(QStringLiteral("web")));
        QTRY_COMPARE(table->rowCount(), 1);
        QVERIFY(view.queriesAsked() > asked);
        QCOMPARE(table->index(0, 0).data().toString(), QStringLiteral("web"));
        QCOMPARE(table->index(0, 1).data().toString(), QStringLiteral("10"));
        QCOMPARE(view.report()->filter.team, QStringLiteral("web"));
        // The chart has the table's one bar.
        auto* bars
            = qobject_cast<QAbstractBarSeries*>(view.teamPanel()->chart()->series().value(0));
        QVERIFY(bars);
        QCOMPARE(bars->barSets().value(0)->count(), 1);
        QCOMPARE(bars->barSets().value(0)->at(0), 10.0);
        QCOMPARE(view.incidentModel()->rowCount(), 10);
    }

    void teamsAreShownByNameAndSearchedBySlug()
    {
        HistoryStore store;
        QVERIFY(openWith(store, incidents(71, 100)));
        ReportsView view(&store, nullptr);
        view.show();
        QTRY_VERIFY(view.report() != nullptr);
        view.setTeamNames({ { QStringLiteral("web"), QStringLiteral("Web Platform") },
            { QStringLiteral("dba"), QStringLiteral("Databases") } });
        QStandardItemModel* table = view.teamPanel()->tableModel();
        const QStringList names = column(table, 0);
        QVERIFY2(names.contains(QStringLiteral("Web Platform")), qPrintable(names.join(u'|')));
        QVERIFY2(names.contains(QStringLiteral("Databases")), qPrintable(names.join(u'|')));
        QVERIFY(!names.contains(QStringLiteral("web")));
        // The incident table names the teams too.
        QStringList shown;
        for (int row = 0; row < view.incidentModel()->rowCount(); ++row) {
            shown << view.incidentModel()->index(row, HistoryModel::TeamsColumn).data().toString();
        }
        QVERIFY2(shown.contains(QStringLiteral("Web Platform")), qPrintable(shown.join(u'|')));
        QVERIFY(!shown.contains(QStringLiteral("web")));
        // The box offers the name; choosing it searches by the slug the history keeps.
        const int web = view.teamBox()->findText(QStringLiteral("Web Platform"));
        QVERIFY(web >= 0);
        QCOMPARE(view.teamBox()->findText(QStringLiteral("web")), -1);
        view.teamBox()->setCurrentIndex(web);
        QTRY_COMPARE(view.incidentModel()->rowCount(), 10);
        QCOMPARE(view.report()->filter.team, QStringLiteral("web"));
        QCOMPARE(table->index(0, 0).data().toString(), QStringLiteral("Web Platform"));
    }

    void theStoreStoringMoreIsADiffNotAReset()
    {
        HistoryStore store;
        QVERIFY(openWith(store, incidents(81, 100)));
        ReportsView view(&store, nullptr);
        view.show();
        QTRY_COMPARE(view.incidentModel()->rowCount(), 20);
        view.incidentTable()->selectRow(3);
        const qint64 selected
            = view.incidentTable()->currentIndex().data(HistoryModel::NumberRole).toLongLong();
        QSignalSpy reset(view.incidentModel(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(view.incidentModel(), &QAbstractItemModel::rowsInserted);
        QVERIFY(store_(store, incidents(71, 80)));
        QTRY_COMPARE(view.incidentModel()->rowCount(), 30);
        QCOMPARE(reset.count(), 0);
        QVERIFY(inserted.count() >= 1);
        QCOMPARE(view.incidentTable()->currentIndex().data(HistoryModel::NumberRole).toLongLong(),
            selected);
    }

    void theChartTablesHoldTheReportsNumbers()
    {
        ReportsView view(nullptr, nullptr);
        view.setMe(QStringLiteral("alice"));
        view.resize(1200, 800);
        view.show();
        const HistoryReport report = reportOf(incidents(41, 100), QStringLiteral("alice"));
        view.showReport(report);

        // Volume per day: one row and one bar per day, the same counts.
        QStandardItemModel* volume = view.volumePanel()->tableModel();
        QCOMPARE(volume->rowCount(), report.perDay.size());
        auto* bars
            = qobject_cast<QAbstractBarSeries*>(view.volumePanel()->chart()->series().value(0));
        QVERIFY(bars);
        QBarSet* set = bars->barSets().value(0);
        QCOMPARE(set->count(), report.perDay.size());
        int total = 0;
        for (int i = 0; i < report.perDay.size(); ++i) {
            QCOMPARE(volume->index(i, 0).data().toString(),
                report.perDay.at(i).start.toString(Qt::ISODate));
            QCOMPARE(volume->index(i, 1).data().toString(),
                QString::number(report.perDay.at(i).figures.count));
            QCOMPARE(set->at(i), double(report.perDay.at(i).figures.count));
            total += report.perDay.at(i).figures.count;
        }
        QCOMPARE(total, 60);
        // Per week on request.
        view.volumePanel()->bucketChoice()->setCurrentIndex(1);
        Q_EMIT view.volumePanel()->bucketChoice()->activated(1);
        QCOMPARE(volume->rowCount(), report.perWeek.size());
        QCOMPARE(volume->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Week of"));
        // The same two axes, the time axis with this report's weeks only (none left of the days).
        QCOMPARE(view.volumePanel()->chart()->axes().size(), 2);
        auto* time = qobject_cast<QCategoryAxis*>(
            view.volumePanel()->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(time);
        QVERIFY(time->count() >= 1 && time->count() <= ChartPanel::TimeLabels);
        QCOMPARE(time->endValue(time->categoriesLabels().first()), 0.0);
        QCOMPARE(time->max(), report.perWeek.size() - 0.5);

        // Response times: minutes to acknowledge (all under 2 h here), hours to resolve.
        QStandardItemModel* response = view.responsePanel()->tableModel();
        QCOMPARE(response->rowCount(), report.perWeek.size());
        QCOMPARE(
            response->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Ack median (min)"));
        const auto series = view.responsePanel()->chart()->series();
        QCOMPARE(series.size(), 4);
        auto* ackMedian = qobject_cast<QLineSeries*>(series.at(0));
        QVERIFY(ackMedian);
        int point = 0;
        for (int i = 0; i < report.perWeek.size(); ++i) {
            const HistoryFigures& f = report.perWeek.at(i).figures;
            if (f.ttaMedian < 0) {
                QCOMPARE(response->index(i, 1).data().toString(), QString());
                continue;
            }
            const double minutes = std::round(f.ttaMedian / 60 * 10) / 10;
            QCOMPARE(response->index(i, 1).data().toString(), QString::number(minutes, 'f', 1));
            QCOMPARE(ackMedian->at(point).y(), minutes);
            QCOMPARE(ackMedian->at(point).x(), double(i));
            ++point;
        }
        QCOMPARE(point, ackMedian->count());

        // Groups: the same order and counts as the report, medians in minutes and hours.
        QStandardItemModel* team = view.teamPanel()->tableModel();
        QCOMPARE(team->rowCount(), report.byTeam.size());
        for (int i = 0; i < report.byTeam.size(); ++i) {
            const HistoryGroup& g = report.byTeam.at(i);
            QCOMPARE(team->index(i, 0).data().toString(), g.key);
            QCOMPARE(team->index(i, 1).data().toString(), QString::number(g.figures.count));
            QCOMPARE(team->index(i, 2).data().toString(),
                QString::number(g.figures.ttaMedian / 60, 'f', 1));
            QCOMPARE(team->index(i, 3).data().toString(),
                QString::number(g.figures.ttrMedian / 3600, 'f', 1));
        }
        QCOMPARE(view.noisyHostsPanel()->tableModel()->rowCount(), report.noisiestHosts.size());
        QCOMPARE(view.noisyHostsPanel()->tableModel()->index(0, 1).data().toString(),
            QString::number(report.noisiestHosts.first().figures.count));

        // The heat map and its table: the report's counts, cell by cell.
        QStandardItemModel* heat = view.heatPanel()->tableModel();
        QCOMPARE(heat->rowCount(), 7);
        QCOMPARE(heat->columnCount(), 25);
        int heatTotal = 0;
        for (int d = 0; d < 7; ++d) {
            for (int h = 0; h < 24; ++h) {
                QCOMPARE(heat->index(d, h + 1).data().toInt(), report.heat[d][h]);
                heatTotal += report.heat[d][h];
            }
        }
        QCOMPARE(heatTotal, 60);
        QCOMPARE(view.heatPanel()->heatmap()->counts(), report.heat);

        // My numbers: alice is paged by the odd ones and resolved them all.
        const QList<QLabel*> mine = view.myFigureLabels();
        QCOMPARE(mine.size(), 5);
        QCOMPARE(mine.at(0)->text(), QStringLiteral("30"));
        QCOMPARE(mine.at(0)->text(), QString::number(report.mine.pagesReceived));
        QCOMPARE(mine.at(2)->text(), QString::number(report.mine.acknowledgedByMe));
        QCOMPARE(mine.at(3)->text(), QStringLiteral("60"));
    }

    void aLongRangeIsCountedPerWeekUntilPeopleChoose()
    {
        ReportsView view(nullptr, nullptr);
        view.show();
        QList<Incident> spread;
        for (int n = 1; n <= 40; ++n)
            spread.append(incident(n, 24 * 5 * (40 - n))); // one every five days: 195 days
        const HistoryReport longReport = reportOf(spread, QString());
        QVERIFY(longReport.perDay.size() > ReportsView::DaysPerDayChart);
        view.showReport(longReport);
        QCOMPARE(view.volumePanel()->bucketChoice()->currentIndex(), 1);
        QCOMPARE(view.volumePanel()->tableModel()->rowCount(), longReport.perWeek.size());

        const HistoryReport shortReport = reportOf(incidents(91, 100), QString());
        view.showReport(shortReport);
        QCOMPARE(view.volumePanel()->bucketChoice()->currentIndex(), 0);
        QCOMPARE(view.volumePanel()->tableModel()->rowCount(), shortReport.perDay.size());

        // Chosen by hand: kept for every later report.
        QComboBox* choice = view.volumePanel()->bucketChoice();
        choice->setFocus();
        QTest::keyClick(choice, Qt::Key_Down);
        QCOMPARE(choice->currentIndex(), 1);
        QCOMPARE(view.volumePanel()->tableModel()->rowCount(), shortReport.perWeek.size());
        view.showReport(shortReport);
        QCOMPARE(choice->currentIndex(), 1);
        QCOMPARE(view.volumePanel()->tableModel()->rowCount(), shortReport.perWeek.size());
    }

    void theIncidentTableSaysWhenItShowsOnlyTheNewest()
    {
        ReportsView view(nullptr, nullptr);
        view.show();
        HistoryReport report = reportOf(incidents(91, 100), QString());
        report.matching = 12400;
        report.stored = 20000;
        view.showReport(report);
        QVERIFY(view.limitLabel()->isVisible());
        QCOMPARE(view.limitLabel()->text(),
            QStringLiteral("Showing the newest 10 of %1; narrow the search to see the others.")
                .arg(QLocale().toString(12400)));
        QVERIFY(view.countText().startsWith(
            QStringLiteral("%1 of %2 stored incidents match")
                .arg(QLocale().toString(12400), QLocale().toString(20000))));
        report.matching = 10;
        view.showReport(report);
        QVERIFY(!view.limitLabel()->isVisible());
    }

    void csvIsRfc4180()
    {
        QCOMPARE(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        QCOMPARE(csvField(QStringLiteral(" padded")), QStringLiteral("\" padded\""));
        QCOMPARE(csvField(QString()), QString());
        // What a spreadsheet would run as a formula is written as text; numbers stay numbers.
        QCOMPARE(csvField(QStringLiteral("=HYPERLINK(\"http://x\")")),
            QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\""));
        QCOMPARE(csvField(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
        QCOMPARE(csvField(QStringLiteral("+cmd")), QStringLiteral("'+cmd"));
        QCOMPARE(csvField(QStringLiteral("-2.5")), QStringLiteral("-2.5"));
    }

    void exportWritesTheTableAsCsv()
    {
        ReportsView view(nullptr, nullptr);
        HistoryReport report;
        report.stored = 3;
        report.matching = 3;
        HistoryGroup a;
        a.key = QStringLiteral("db, primary");
        a.figures.count = 2;
        a.figures.ttaMedian = 90;
        a.figures.ttrMedian = 5400;
        HistoryGroup b;
        b.key = QStringLiteral("the \"edge\"");
        b.figures.count = 1;
        report.byService = { a, b };
        view.showReport(report);

        const QString path = m_dir.filePath(QStringLiteral("services.csv"));
        QString error;
        QVERIFY2(view.servicePanel()->exportTo(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()),
            QStringLiteral("Service,Incidents,Ack median (min),Resolve median (h)\r\n"
                           "\"db, primary\",2,1.5,1.5\r\n"
                           "\"the \"\"edge\"\"\",1,,\r\n"));

        // A place that cannot be written: false, and the reason in words with the file's name.
        const QString nowhere = m_dir.filePath(QStringLiteral("no-such-folder/services.csv"));
        QVERIFY(!view.servicePanel()->exportTo(nowhere, &error));
        QVERIFY2(error.startsWith(QStringLiteral("Could not write")), qPrintable(error));
        QVERIFY(error.contains(QDir::toNativeSeparators(nowhere)));
        QVERIFY(!QFile::exists(nowhere));
    }

    void chartsFollowThePalette()
    {
        ReportsView view(nullptr, nullptr);
        view.resize(1000, 700);
        view.show();
        view.showReport(reportOf(incidents(81, 100), QString()));
        QChart* chart = view.teamPanel()->chart();
        const QPalette light = view.palette();
        QCOMPARE(chart->backgroundBrush().color(), light.color(QPalette::Window));

        const QPalette dark = look::darkPalette();
        view.setPalette(dark);
        for (ChartPanel* panel : { view.volumePanel(), view.responsePanel(), view.teamPanel(),
                 view.noisyServicesPanel() }) {
            QCOMPARE(panel->chart()->backgroundBrush().color(), dark.color(QPalette::Window));
            for (QAbstractAxis* axis : panel->chart()->axes()) {
                QCOMPARE(axis->labelsColor(), dark.color(QPalette::WindowText));
                QCOMPARE(axis->gridLineColor(), dark.color(QPalette::Mid));
            }
        }
        auto* bars = qobject_cast<QAbstractBarSeries*>(chart->series().value(0));
        QVERIFY(bars);
        QCOMPARE(bars->barSets().value(0)->color(), dark.color(QPalette::Highlight));
        // The heat map's busiest cell is the highlight; an empty one the base.
        QCOMPARE(view.heatPanel()->heatmap()->cellColor(view.heatPanel()->heatmap()->maximum()),
            dark.color(QPalette::Highlight));
        QCOMPARE(view.heatPanel()->heatmap()->cellColor(0), dark.color(QPalette::Base));

        // A later report keeps the palette's colours.
        view.showReport(reportOf(incidents(61, 100), QString()));
        QCOMPARE(
            view.teamPanel()->chart()->backgroundBrush().color(), dark.color(QPalette::Window));
        bars = qobject_cast<QAbstractBarSeries*>(view.teamPanel()->chart()->series().value(0));
        QCOMPARE(bars->barSets().value(0)->color(), dark.color(QPalette::Highlight));

        view.setPalette(QPalette());
        QCOMPARE(chart->backgroundBrush().color(), light.color(QPalette::Window));
    }

    void pauseAndResumeReachTheSync()
    {
        // The sync is never started: an unreachable server is never asked.
        QNetworkAccessManager network;
        ApiClient client(&network);
        HistoryStore store;
        QVERIFY(openWith(store, {}));
        HistorySync sync(&client, &store);
        ReportsView view(&store, &sync);
        view.show();
        QVERIFY(view.pauseButton()->isEnabled());
        QCOMPARE(view.pauseButton()->text(), QStringLiteral("Pause"));
        QVERIFY(view.pauseButton()->toolTip().contains(QStringLiteral("Ctrl+P")));
        QCOMPARE(view.stateLabel()->text(), sync.stateText());
        QCOMPARE(view.coverageLabel()->text(), sync.coverageText());

        QTest::mouseClick(view.pauseButton(), Qt::LeftButton);
        QVERIFY(sync.isPaused());
        QCOMPARE(view.pauseButton()->text(), QStringLiteral("Resume"));
        QCOMPARE(view.stateLabel()->text(), sync.stateText());

        // The key does the same.
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QTest::keyClick(&view, Qt::Key_P, Qt::ControlModifier);
        QVERIFY(!sync.isPaused());
        QCOMPARE(view.pauseButton()->text(), QStringLiteral("Pause"));
    }

    void ctrlFFocusesTheSearch()
    {
        ReportsView view(nullptr, nullptr);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.incidentTable()->setFocus();
        QTest::keyClick(view.incidentTable(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(view.searchEdit()->hasFocus());
    }
};

QTEST_MAIN(TestReportsView)
#include "tst_reportsview.moc"
