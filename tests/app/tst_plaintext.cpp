// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Text from Splunk On-Call shown as written, everywhere. The helpers of ui/plaintext.h; then Rota
// whole (a Workspace in the real MainWindow, offscreen, signed in to an in-process rota-sim over
// HTTP) with one incident whose entity, host, routing key, paged user, timeline, alert fields and
// note hold markup ("<b>bold</b>", an <img> pointing at a closed port, "&amp;") and a 10 kB word:
// no label that shows it reads it as rich text, what is on screen is the literal text, tooltips
// carry it escaped and cut, the detail pane and the window stay on the screen, the tray's menu
// entries are cut with their '&' doubled and its tooltip stays plain text, and a notification's
// words are cut.

#include "../support/simfixture.h"
#include "../support/workspaceparts.h"
#include "incidentdetailpane.h"
#include "incidentmodel.h"
#include "incidentnotes.h"
#include "incidentpoller.h"
#include "incidentsview.h"
#include "mainwindow.h"
#include "notifier.h"
#include "plaintext.h"
#include "settings.h"
#include "simhelpers.h"
#include "traycontroller.h"
#include "workspace.h"

#include <QHelpEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QToolTip>
#include <QTreeWidget>

#include <memory>

using namespace rota;
using rota::test::SimFixture;
using rota::test::WorkspaceParts;

namespace {

const QString Bold = QStringLiteral("<b>bold</b>");
const QString EscapedBold = QStringLiteral("&lt;b&gt;bold&lt;/b&gt;");
const QString Image = QStringLiteral("<img src=http://127.0.0.1:1/x.png>");
const QString Entity = QStringLiteral("&amp;");
const QString LongWord = QString(10 * 1024, QLatin1Char('x'));

//! What the server sends in every field of the incident: markup, an entity and a 10 kB word.
QString hostile(const QString& what)
{
    return what + QLatin1Char(' ') + Bold + QLatin1Char(' ') + Image + QLatin1Char(' ') + Entity
        + QLatin1Char(' ') + LongWord;
}

//! The tooltip a view shows for the point `pos` of `widget` (a real tooltip event).
QString toolTipAt(QWidget* widget, const QPoint& pos)
{
    QToolTip::hideText();
    QHelpEvent event(QEvent::ToolTip, pos, widget->mapToGlobal(pos));
    QCoreApplication::sendEvent(widget, &event);
    return QToolTip::isVisible() ? QToolTip::text() : QString();
}

//! The text a tooltip shows, as a person reads it (rich text rendered, else as it is).
QString shownText(const QString& toolTip)
{
    if (!Qt::mightBeRichText(toolTip))
        return toolTip;
    QTextDocument document;
    document.setHtml(toolTip);
    return document.toPlainText();
}

} // namespace

class TestPlainText : public QObject {
    Q_OBJECT

private:
    WorkspaceParts m_parts;
    std::unique_ptr<TrayController> m_tray;
    QString m_number;

    IncidentsView* view() const
    {
        return qobject_cast<IncidentsView*>(m_parts.window->page(QStringLiteral("incidents")));
    }

    //! An incident paging the demo user whose every field holds hostile text.
    QString seedHostileIncident()
    {
        SimFixture& fixture = *m_parts.fixture;
        const QString number = test::newSimIncident(fixture, hostile(QStringLiteral("summary")),
            { fixture.demoUser() }, QDateTime(), QStringLiteral("hostile-key"));
        sim::SimIncident& incident = fixture.ctx().org.incidents[number.toInt()];
        incident.entityId = hostile(QStringLiteral("entity"));
        incident.host = hostile(QStringLiteral("host"));
        incident.routingKey = hostile(QStringLiteral("key"));
        incident.pagedUsers.append(hostile(QStringLiteral("user")));
        for (sim::SimTransition& transition : incident.transitions) {
            transition.by = hostile(QStringLiteral("by"));
            transition.message = hostile(QStringLiteral("message"));
        }
        incident.notes.append({ QStringLiteral("note-1"), hostile(QStringLiteral("note title")),
            QJsonObject { { QStringLiteral("text"), hostile(QStringLiteral("note")) } } });
        sim::SimAlert& alert = fixture.ctx().org.alerts[incident.firstAlertUuid];
        alert.stateMessage = hostile(QStringLiteral("alert"));
        alert.monitoringTool = hostile(QStringLiteral("tool"));
        alert.raw.insert(hostile(QStringLiteral("field")), hostile(QStringLiteral("value")));
        return number;
    }

private Q_SLOTS:
    void helpers()
    {
        QCOMPARE(clipped(QStringLiteral("abc"), 3), QStringLiteral("abc"));
        QCOMPARE(clipped(QStringLiteral("abcd"), 3), QStringLiteral("ab…"));
        // A cut never splits a surrogate pair (U+1F600 is two UTF-16 units).
        const QString smile = QString::fromUtf8("a\xF0\x9F\x98\x80");
        QCOMPARE(clipped(smile + QStringLiteral("bc"), 3), QStringLiteral("a…"));

        // Short words are left alone; a long one gets a break after every 10 characters.
        QCOMPARE(breakable(QStringLiteral("a short line")), QStringLiteral("a short line"));
        const QString broken = breakable(QStringLiteral("a ") + LongWord + QStringLiteral(" b"));
        QCOMPARE(QString(broken).remove(QChar(0x200B)),
            QStringLiteral("a ") + LongWord + QStringLiteral(" b"));
        QCOMPARE(broken.count(QChar(0x200B)), (LongWord.size() - 1) / 10);
        QVERIFY(broken.startsWith(QStringLiteral("a xxxxxxxxxx") + QChar(0x200B)));
        const QString url
            = QStringLiteral("https://example.com/") + QString(WrapChars - 20, QLatin1Char('p'));
        QCOMPARE(breakable(url + QStringLiteral(" next")), url + QStringLiteral(" next"));

        const QString tip = plainToolTip(hostile(QStringLiteral("tip")) + QStringLiteral("\nnext"));
        QVERIFY(Qt::mightBeRichText(tip)); // so QToolTip renders the escaped form
        QVERIFY2(tip.contains(EscapedBold), qPrintable(tip.left(200)));
        QVERIFY(!tip.contains(Bold));
        QVERIFY(!tip.contains(QStringLiteral("<img")));
        QVERIFY(tip.contains(QStringLiteral("&amp;amp;")));
        const QString shown = shownText(tip);
        QVERIFY(shown.startsWith(QStringLiteral("tip ") + Bold + QLatin1Char(' ') + Image));
        QVERIFY2(QString(shown).remove(QChar(0x200B)).size() <= ToolTipChars, "cut at 500");
        QVERIFY(shown.endsWith(QChar(0x2026)));
        QVERIFY(plainToolTip(QString()).isEmpty());

        QCOMPARE(menuText(QStringLiteral("R&D\tteam")), QStringLiteral("R&&D team"));
        QVERIFY(menuText(LongWord).size() <= MenuChars);

        auto label = std::make_unique<QLabel>();
        label->setWordWrap(true);
        setPlainLabelText(label.get(), hostile(QStringLiteral("label")), MessageChars);
        QCOMPARE(label->textFormat(), Qt::PlainText);
        QVERIFY(label->text().startsWith(QStringLiteral("label ") + Bold));
        QVERIFY(label->sizeHint().width() < 2000);
    }

    void initTestCase()
    {
        QVERIFY2(m_parts.start(), qPrintable(m_parts.startError()));
        m_number = seedHostileIncident();
        m_parts.build();
        m_tray = std::make_unique<TrayController>(m_parts.window.get(), m_parts.settings.get());
        m_tray->setWorkspace(m_parts.workspace.get());
        m_parts.window->resize(1000, 720);
        m_parts.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_parts.window.get()));
        m_parts.workspace->start();
        QVERIFY(view());
        QVERIFY(QTest::qWaitFor(
            [this] { return m_parts.workspace->incidents()->rowOf(m_number) >= 0; }, 10000));
        m_parts.window->showView(QStringLiteral("incidents"));
        view()->showIncident(m_number);
        IncidentNotes* notes = view()->detailPane()->notes();
        QVERIFY(QTest::qWaitFor(
            [notes] {
                return notes->rowCount() == 1
                    && notes->alertState() == IncidentNotes::LoadState::Loaded;
            },
            10000));
        QCOMPARE(view()->detailPane()->incidentNumber(), m_number);
    }

    void cleanupTestCase()
    {
        m_tray.reset();
        m_parts.close();
    }

    void labelsShowTheTextAsWritten()
    {
        int checked = 0;
        for (QLabel* label : m_parts.window->findChildren<QLabel*>()) {
            // Rota's own rich labels (a bold policy name) escape what the server sent into them.
            if (label->text().contains(Bold)) {
                QVERIFY2(label->textFormat() == Qt::PlainText,
                    qPrintable(label->objectName() + QLatin1String(": ") + label->text().left(80)));
                ++checked;
            }
            // Nothing the server sent is read as an image to fetch.
            if (label->textFormat() != Qt::PlainText)
                QVERIFY2(!label->text().contains(QStringLiteral("<img")),
                    qPrintable(label->text().left(80)));
        }
        // The summary, entity, host, routing key and paged users at least.
        QVERIFY2(checked >= 5, qPrintable(QString::number(checked)));

        IncidentDetailPane* pane = view()->detailPane();
        QLabel* summary = pane->summaryLabel();
        QVERIFY(summary->isVisible());
        QVERIFY(
            summary->text().startsWith(QLatin1Char('#') + m_number + QStringLiteral("  summary ")
                + Bold + QLatin1Char(' ') + Image + QLatin1Char(' ') + Entity + QLatin1Char(' ')));
        // Cut past MessageChars: the pane is a page to read (the alert holds the whole).
        const QString whole = QString(summary->text()).remove(QChar(0x200B));
        QCOMPARE(whole.size(), MessageChars);
        const QString sent = QLatin1Char('#') + m_number + QStringLiteral("  ")
            + hostile(QStringLiteral("summary"));
        QVERIFY(sent.startsWith(whole.chopped(1)));
    }

    void layoutStaysOnTheScreen()
    {
        IncidentDetailPane* pane = view()->detailPane();
        QVERIFY2(
            pane->sizeHint().width() < 2000, qPrintable(QString::number(pane->sizeHint().width())));
        QVERIFY2(pane->summaryLabel()->sizeHint().width() < 2000,
            qPrintable(QString::number(pane->summaryLabel()->sizeHint().width())));
        const QRect screen = m_parts.window->screen()->availableGeometry();
        QVERIFY2(m_parts.window->minimumSizeHint().width() <= qMax(screen.width(), 1024),
            qPrintable(QString::number(m_parts.window->minimumSizeHint().width())));
        QVERIFY2(view()->minimumSizeHint().width() < 2000,
            qPrintable(QString::number(view()->minimumSizeHint().width())));
        QCOMPARE(m_parts.window->width(), 1000);
        // The pane's labels wrap the long word inside the pane.
        QTest::qWait(50);
        for (QLabel* label : pane->findChildren<QLabel*>()) {
            if (label->isVisible() && label->text().contains(Bold))
                QVERIFY2(label->width() <= pane->width(), qPrintable(label->text().left(40)));
        }
        const QString picture = qEnvironmentVariable("ROTA_PLAINTEXT_PICTURE");
        if (!picture.isEmpty()) {
            QVERIFY(m_parts.window->grab().save(picture));
            // And the pane scrolled to its fields.
            auto* scroll = pane->findChild<QScrollArea*>();
            for (QLabel* label : pane->findChildren<QLabel*>()) {
                if (label->text().startsWith(QStringLiteral("entity ")))
                    scroll->ensureWidgetVisible(label, 0, 0);
            }
            QVERIFY(pane->grab().save(picture + QStringLiteral("-pane.png")));
        }
    }

    void toolTipsAreEscapedAndCut()
    {
        QTableView* table = view()->table();
        const int row = [&] {
            for (int r = 0; r < table->model()->rowCount(); ++r) {
                if (table->model()->index(r, 0).data(IncidentModel::NumberRole).toString()
                    == m_number)
                    return r;
            }
            return -1;
        }();
        QVERIFY(row >= 0);
        const QModelIndex cell = table->model()->index(row, IncidentModel::SummaryColumn);
        table->scrollTo(cell);
        // The cell itself holds the text as written; the delegate draws it elided.
        QVERIFY(cell.data().toString().contains(Bold));
        QCOMPARE(table->textElideMode(), Qt::ElideRight);
        const QString tip = toolTipAt(table->viewport(), table->visualRect(cell).center());
        QVERIFY2(tip.contains(EscapedBold), qPrintable(tip.left(200)));
        QVERIFY(!tip.contains(Bold));
        QVERIFY(shownText(tip).contains(Bold));
        QVERIFY(QString(shownText(tip)).remove(QChar(0x200B)).size() <= ToolTipChars);

        // The note's tooltip in the detail pane.
        QListView* notes = view()->detailPane()->noteList();
        const QString noteTip
            = toolTipAt(notes->viewport(), notes->visualRect(notes->model()->index(0, 0)).center());
        QVERIFY2(noteTip.contains(EscapedBold), qPrintable(noteTip.left(200)));
        QVERIFY(!noteTip.contains(QStringLiteral("<img")));

        // The timeline's and the alert's own tooltips.
        QTreeWidget* timeline = view()->detailPane()->timeline();
        QVERIFY(timeline->topLevelItemCount() > 0);
        for (int column : { 1, 2 }) {
            const QString text = timeline->topLevelItem(0)->toolTip(column);
            QVERIFY2(text.contains(EscapedBold), qPrintable(text.left(200)));
            QVERIFY(!text.contains(Bold));
        }
        QVERIFY(timeline->topLevelItem(0)->text(1).size() <= MenuChars);
        QTreeWidget* alert = view()->detailPane()->alertTree();
        bool found = false;
        for (int i = 0; i < alert->topLevelItemCount(); ++i) {
            const QTreeWidgetItem* item = alert->topLevelItem(i);
            if (item->text(1).startsWith(QStringLiteral("alert "))) {
                found = true;
                QVERIFY(item->text(1).contains(Bold)); // the cell as written
                QVERIFY(item->toolTip(1).contains(EscapedBold));
            }
        }
        QVERIFY(found);
    }

    void trayMenuAndToolTip()
    {
        QVERIFY(QTest::qWaitFor(
            [this] { return m_tray->state() == TrayController::State::Alert; }, 10000));
        m_tray->setOnCallSummary(QStringLiteral("On call for ") + hostile(QStringLiteral("team")));
        QMenu menu;
        m_tray->populate(&menu);
        QMenu* incident = nullptr;
        for (QAction* action : menu.actions()) {
            if (action->menu()
                && action->menu()->objectName() == QStringLiteral("incident-") + m_number)
                incident = action->menu();
        }
        QVERIFY(incident);
        const QString title = incident->title();
        QVERIFY2(title.contains(QStringLiteral("summary ") + Bold), qPrintable(title));
        // Cut: the 10 kB word never reaches the menu.
        QVERIFY2(title.size() < MenuChars * 2 + 30, qPrintable(title));
        QVERIFY2(title.contains(QStringLiteral("&&amp")), qPrintable(title)); // no shortcut letter
        QVERIFY(!QString(title).remove(QStringLiteral("&&")).contains(QLatin1Char('&')));
        QVERIFY2(
            menu.sizeHint().width() < 1200, qPrintable(QString::number(menu.sizeHint().width())));
        for (QAction* action : menu.actions())
            QVERIFY2(action->text().size() < MenuChars * 2 + 30, qPrintable(action->text()));

        // The tooltip is plain text (nothing before its first line break looks like markup), so the
        // server's words in it show as written; each of them is cut.
        const QString tip = m_tray->toolTip();
        QVERIFY(tip.startsWith(QStringLiteral("Rota\n")));
        QVERIFY(!Qt::mightBeRichText(tip));
        QVERIFY2(tip.contains(QStringLiteral("On call for team ") + Bold), qPrintable(tip));
        QVERIFY2(tip.size() < 1000, qPrintable(QString::number(tip.size())));
        QCOMPARE(m_tray->trayIcon()->toolTip(), tip);
    }

    void notificationWordsAreCut()
    {
        const int row = m_parts.workspace->incidents()->rowOf(m_number);
        const Incident& incident = m_parts.workspace->incidents()->incidentAt(row);
        const QString summary = Notifier::summaryFor(incident);
        QVERIFY2(
            summary.startsWith(QLatin1Char('#') + m_number + QStringLiteral(" summary ") + Bold),
            qPrintable(summary));
        QVERIFY(summary.size() < 200);
        const QString body = Notifier::bodyFor(incident, false);
        QVERIFY2(body.size() < 600, qPrintable(QString::number(body.size())));
        QVERIFY(body.contains(QStringLiteral("Routing key: key ") + Bold));
    }
};

QTEST_MAIN(TestPlainText)
#include "tst_plaintext.moc"
