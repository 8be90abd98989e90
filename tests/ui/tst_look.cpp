// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "look.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPalette>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <cmath>

using namespace rota;

namespace {

// WCAG relative luminance and contrast ratio.
double luminance(const QColor& c)
{
    const auto lin
        = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    return p;
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    return p;
}

} // namespace

class TestLook : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tonesAreReadableOnLightAndDark_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<int>("tone");
        for (const bool dark : { false, true }) {
            for (const auto tone :
                { look::Tone::Error, look::Tone::Warning, look::Tone::Success }) {
                QTest::addRow("%s tone %d", dark ? "dark" : "light", int(tone))
                    << dark << int(tone);
            }
        }
    }

    void tonesAreReadableOnLightAndDark()
    {
        QFETCH(bool, dark);
        QFETCH(int, tone);
        const QPalette palette = dark ? darkPalette() : lightPalette();
        QCOMPARE(look::isDark(palette), dark);
        const QColor text = look::toneColor(look::Tone(tone), palette);
        const QColor window = palette.color(QPalette::Window);
        QVERIFY2(contrast(text, window) >= 4.5, qPrintable(text.name() + u" on " + window.name()));
        const QColor background = look::toneBackground(look::Tone(tone), palette);
        QVERIFY2(contrast(text, background) >= 4.5,
            qPrintable(text.name() + u" on " + background.name()));
        // The notice's background stays close to the window: a wash, not a block of colour.
        QVERIFY(std::abs(background.lightness() - window.lightness()) < 60);
    }

    void messagesShowInTheirToneAndHideWhenEmpty()
    {
        QWidget parent;
        parent.setPalette(lightPalette());
        auto* label = new QLabel(&parent);
        parent.show();
        look::setMessage(label, QStringLiteral("The server refused the change"), look::Tone::Error);
        QVERIFY(label->isVisible());
        QVERIFY(label->wordWrap());
        QCOMPARE(label->palette().color(QPalette::WindowText),
            look::toneColor(look::Tone::Error, lightPalette()));
        look::setMessage(label, QString(), look::Tone::Error);
        QVERIFY(!label->isVisible());
    }

    void noticeBarShowsActsAndIsDismissed()
    {
        QWidget parent;
        parent.setPalette(lightPalette());
        auto* layout = new QVBoxLayout(&parent);
        auto* bar = new NoticeBar(&parent);
        layout->addWidget(bar);
        parent.show();
        QVERIFY(!bar->isVisible());
        bar->showNotice(QStringLiteral("Saved. The service pages you in this order."),
            look::Tone::Success, QStringLiteral("Undo"));
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->tone(), look::Tone::Success);
        QCOMPARE(bar->palette().color(QPalette::Window),
            look::toneBackground(look::Tone::Success, lightPalette()));
        auto* action = bar->findChild<QToolButton*>(QStringLiteral("noticeAction"));
        QVERIFY(action && action->isVisible());
        QCOMPARE(action->text(), QStringLiteral("Undo"));
        QSignalSpy acted(bar, &NoticeBar::actionTriggered);
        QTest::mouseClick(action, Qt::LeftButton);
        QCOMPARE(acted.size(), 1);
        QSignalSpy dismissed(bar, &NoticeBar::dismissed);
        QTest::mouseClick(
            bar->findChild<QToolButton*>(QStringLiteral("noticeClose")), Qt::LeftButton);
        QCOMPARE(dismissed.size(), 1);
        QVERIFY(!bar->isVisible());
        // Without an action the button is gone; an empty text hides the bar.
        bar->showNotice(QStringLiteral("Could not save"), look::Tone::Error);
        QVERIFY(!action->isVisible());
        QCOMPARE(bar->text(), QStringLiteral("Could not save"));
        bar->showNotice(QString());
        QVERIFY(!bar->isVisible());
    }

    void noticeBarFollowsAPaletteChange()
    {
        QWidget parent;
        parent.setPalette(lightPalette());
        auto* bar = new NoticeBar(&parent);
        bar->showNotice(QStringLiteral("Warning"), look::Tone::Warning);
        parent.setPalette(darkPalette());
        QTRY_COMPARE(bar->palette().color(QPalette::WindowText),
            look::toneColor(look::Tone::Warning, darkPalette()));
        QCOMPARE(bar->palette().color(QPalette::Window),
            look::toneBackground(look::Tone::Warning, darkPalette()));
    }

    void tonedLabelsFollowTheDesktopTurningDark()
    {
        // The whole application turns dark (a desktop switching theme): an error label set while
        // light takes the pale error colour, a notice bar its dark background, and both read.
        const QPalette before = QApplication::palette();
        QApplication::setPalette(lightPalette());
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* label = new QLabel(&window);
        auto* bar = new NoticeBar(&window);
        layout->addWidget(label);
        layout->addWidget(bar);
        look::setMessage(
            label, QStringLiteral("Could not read the routing keys"), look::Tone::Error);
        bar->showNotice(QStringLiteral("Saved at 10:42."), look::Tone::Success);
        window.show();
        QCOMPARE(label->palette().color(QPalette::WindowText),
            look::toneColor(look::Tone::Error, lightPalette()));

        QApplication::setPalette(darkPalette());
        QTRY_COMPARE(label->palette().color(QPalette::WindowText),
            look::toneColor(look::Tone::Error, darkPalette()));
        QTRY_COMPARE(bar->palette().color(QPalette::Window),
            look::toneBackground(look::Tone::Success, darkPalette()));
        QVERIFY(contrast(label->palette().color(QPalette::WindowText),
                    darkPalette().color(QPalette::Window))
            >= 4.5);
        QVERIFY(contrast(bar->palette().color(QPalette::WindowText),
                    bar->palette().color(QPalette::Window))
            >= 4.5);
        // And back.
        QApplication::setPalette(lightPalette());
        QTRY_COMPARE(label->palette().color(QPalette::WindowText),
            look::toneColor(look::Tone::Error, lightPalette()));
        QApplication::setPalette(before);
    }

    void itemViewsShareOneRowHeight()
    {
        QStandardItemModel model(3, 2);
        QTableView table;
        QTreeView tree;
        table.setModel(&model);
        tree.setModel(&model);
        look::styleItemView(&table);
        look::styleItemView(&tree);
        QCOMPARE(table.verticalHeader()->defaultSectionSize(), look::rowHeight(&table));
        QCOMPARE(table.rowHeight(1), look::rowHeight(&table));
        QVERIFY(tree.uniformRowHeights());
        tree.resize(300, 200);
        tree.show();
        QCOMPARE(tree.visualRect(model.index(1, 0)).height(), look::rowHeight(&tree));
        QCOMPARE(table.horizontalHeader()->defaultAlignment(), Qt::AlignLeft | Qt::AlignVCenter);
        QCOMPARE(tree.header()->defaultAlignment(), Qt::AlignLeft | Qt::AlignVCenter);
    }

    void aViewsOwnDelegateIsKept()
    {
        // A delegate of its own, even one without Q_OBJECT (it shares its base's meta-object),
        // draws and sizes its rows: the common look leaves it in place.
        struct OwnDelegate : QStyledItemDelegate {
            using QStyledItemDelegate::QStyledItemDelegate;
        };
        QStandardItemModel model(3, 1);
        QTreeView own;
        own.setModel(&model);
        auto* delegate = new OwnDelegate(&own);
        own.setItemDelegate(delegate);
        look::styleItemView(&own);
        QCOMPARE(own.itemDelegate(), delegate);
        // A plain one is replaced by the one that gives the common row height.
        QTreeView plain;
        plain.setModel(&model);
        QAbstractItemDelegate* before = plain.itemDelegate();
        look::styleItemView(&plain);
        QVERIFY(plain.itemDelegate() != before);
    }
};

QTEST_MAIN(TestLook)
#include "tst_look.moc"
