// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// What an assistive technology (a screen reader) gets from Rota, read through QAccessible as it
// reads it: QAccessible::queryAccessibleInterface() on a window, then child(i) down the tree.
//
// The rule for every view of a signed-in session (a Workspace against an in-process rota-sim, each
// view with what it shows after loading, every tab of its tab widgets), the menu bar, the tray's
// menu and the dialogs:
// - A visible interactive element has a name. Interactive: the roles a person operates (push,
//   check and radio buttons, button menus and drop-downs, combo boxes, editable text, spin boxes,
//   sliders, dials, lists, tables, trees, page tabs, menu items, hotkey fields). Not checked: what
//   is hidden (state invisible, and all under it), scroll bars (a standard part of what scrolls,
//   said by orientation), separators, the text field of an editable combo box (part of it, named
//   by it), and the rows and cells inside item views (named by their data, which may be empty on
//   purpose).
// - A visible button that shows only an icon has a description (its tooltip says what it does:
//   the icon alone does not), and so has every control Rota paints itself that takes the keyboard
//   focus (a QWidget or QFrame subclass of Rota's own without a layout of child widgets, such as
//   the policy canvas, its palette and the timeline): there the description says which keys do
//   what, which nothing else in the tree can tell. Other controls may go without one: their kind
//   and name say what they do.
// Every element that breaks a rule is listed in the failure message, with where it is.
//
// Then the painted parts: the paging policy's canvas exposes its steps and their contacts (named
// as the cards and chips say) whose actions (move, remove, add) change the policy as the drag does,
// undoably, and tell assistive technologies; the palette its contacts; the schedule timeline its
// shifts, named in words.
//
// QAccessible under test: interfaces can be asked for with no bridge at all (offscreen or xcb
// alike), so the walk and the actions run anywhere. The events need QAccessible::isActive(), which
// is the platform bridge's word (QAccessible::setActive() does not change it): offscreen has no
// bridge; under X11 (scripts/headless) the AT-SPI bridge turns on once the accessibility bus runs
// (this test starts org.a11y.Bus on the session bus) with QT_LINUX_ACCESSIBILITY_ALWAYS_ON set.
// An update handler installed here then records the events. Without a bridge the event checks
// are left out (and initTestCase fails instead when ROTA_REQUIRE_KEYCHAIN=1, as under CI).

#include "ackmessagedialog.h"
#include "createincidentdialog.h"
#include "mainview.h"
#include "mainwindow.h"
#include "orgdirectory.h"
#include "overridedialog.h"
#include "pagingpolicyconflictdialog.h"
#include "pagingpolicycontroller.h"
#include "pagingpolicyeditor.h"
#include "pagingpolicymodel.h"
#include "policypalette.h"
#include "policystepcanvas.h"
#include "quickreroutedialog.h"
#include "removeuserdialog.h"
#include "reroutedialog.h"
#include "schedulemodel.h"
#include "schedulesview.h"
#include "scheduletimeline.h"
#include "settingsdialog.h"
#include "simfixture.h"
#include "simservice.h"
#include "teammemberremovedialog.h"
#include "traycontroller.h"
#include "usereditdialog.h"
#include "workspace.h"
#include "workspaceparts.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QAccessibleActionInterface>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFrame>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMetaEnum>
#include <QMimeData>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <memory>
#include <optional>

using namespace rota;
using rota::test::WorkspaceParts;

namespace {

// --- Events ------------------------------------------------------------------------------------

struct SeenEvent {
    QAccessible::Event type;
    QAccessible::Id id;
};
QList<SeenEvent>& seenEvents()
{
    static QList<SeenEvent> events;
    return events;
}

void recordEvent(QAccessibleEvent* event)
{
    QAccessibleInterface* iface = event->accessibleInterface();
    seenEvents().append({ event->type(), iface ? QAccessible::uniqueId(iface) : 0 });
}

bool sawEvent(QAccessible::Event type, QAccessibleInterface* iface = nullptr)
{
    const QAccessible::Id id = iface ? QAccessible::uniqueId(iface) : 0;
    for (const SeenEvent& event : seenEvents()) {
        if (event.type == type && (!iface || event.id == id))
            return true;
    }
    return false;
}

// --- The rule ----------------------------------------------------------------------------------

QString roleName(QAccessible::Role role)
{
    const char* key = QMetaEnum::fromType<QAccessible::Role>().valueToKey(role);
    return key ? QString::fromLatin1(key) : QString::number(role);
}

bool isInteractive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::Button:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::ButtonDropGrid:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::Dial:
    case QAccessible::List:
    case QAccessible::Table:
    case QAccessible::Tree:
    case QAccessible::PageTab:
    case QAccessible::MenuItem:
    case QAccessible::HotkeyField:
        return true;
    default:
        return false;
    }
}

//! A button that shows an icon and no words.
bool isIconOnly(const QObject* object)
{
    const auto* button = qobject_cast<const QAbstractButton*>(object);
    if (!button || button->icon().isNull())
        return false;
    if (const auto* tool = qobject_cast<const QToolButton*>(button)) {
        if (tool->toolButtonStyle() == Qt::ToolButtonIconOnly)
            return true;
    }
    return button->text().trimmed().isEmpty();
}

//! A control Rota paints itself that takes the keyboard focus.
bool isOwnFocusableControl(const QObject* object)
{
    const auto* widget = qobject_cast<const QWidget*>(object);
    if (!widget || widget->focusPolicy() == Qt::NoFocus)
        return false;
    // Painted: no layout of child widgets.
    const QMetaObject* meta = widget->metaObject();
    return !widget->layout() && QLatin1String(meta->className()).startsWith(QLatin1String("rota::"))
        && (meta->superClass() == &QWidget::staticMetaObject
            || meta->superClass() == &QFrame::staticMetaObject);
}

//! A container that says nothing to a person (left out of the paths in the report).
bool isPlainContainer(QAccessibleInterface* iface)
{
    const QObject* object = iface->object();
    if (!object || !iface->text(QAccessible::Name).isEmpty() || !object->objectName().isEmpty())
        return false;
    const QMetaObject* meta = object->metaObject();
    return meta == &QWidget::staticMetaObject || meta == &QStackedWidget::staticMetaObject
        || meta == &QSplitter::staticMetaObject || meta == &QScrollArea::staticMetaObject
        || meta == &QFrame::staticMetaObject;
}

QString describe(QAccessibleInterface* iface)
{
    QString text = roleName(iface->role());
    const QString name = iface->text(QAccessible::Name);
    if (!name.isEmpty())
        text += QLatin1String(" \"") + name.left(40) + QLatin1Char('"');
    if (const QObject* object = iface->object()) {
        text += QLatin1String(" (") + QLatin1String(object->metaObject()->className());
        if (!object->objectName().isEmpty())
            text += QLatin1Char('#') + object->objectName();
        if (const auto* button = qobject_cast<const QAbstractButton*>(object)) {
            if (!button->toolTip().isEmpty())
                text += QLatin1String(", tooltip \"") + button->toolTip().left(40)
                    + QLatin1Char('"');
        }
        text += QLatin1Char(')');
    }
    return text;
}

struct Findings {
    QStringList noName;
    QStringList noDescription;
    int checked = 0;
    //! Reported already (a page walked once per tab meets its shared controls again).
    QSet<QAccessibleInterface*> reported;

    QString report() const
    {
        QString text;
        if (!noName.isEmpty())
            text += QStringLiteral("Interactive elements without a name (%1):\n  ")
                        .arg(noName.size())
                + noName.join(QLatin1String("\n  ")) + QLatin1Char('\n');
        if (!noDescription.isEmpty())
            text += QStringLiteral("Elements that need a description and have none (%1):\n  ")
                        .arg(noDescription.size())
                + noDescription.join(QLatin1String("\n  ")) + QLatin1Char('\n');
        return text;
    }
    bool ok() const { return noName.isEmpty() && noDescription.isEmpty(); }
    //! For QVERIFY2, whose message is cut short: the whole report goes to the log first.
    QByteArray summary() const
    {
        if (ok())
            return {};
        qWarning().noquote() << report();
        return QStringLiteral("%1 without a name, %2 without a description (listed above)")
            .arg(noName.size())
            .arg(noDescription.size())
            .toUtf8();
    }
};

//! Checks `iface` and what is under it; `path` says where it is (for the report). `menus`: the
//! items of a menu count although the menu is closed (they are what opening it shows).
void walk(QAccessibleInterface* iface, const QString& path, Findings* findings,
    QSet<QAccessibleInterface*>* seen, bool menus = false)
{
    if (!iface || !iface->isValid() || seen->contains(iface))
        return;
    seen->insert(iface);
    const QAccessible::State state = iface->state();
    const QAccessible::Role role = iface->role();
    const bool closedMenu
        = menus && (role == QAccessible::PopupMenu || role == QAccessible::MenuItem);
    if (state.invisible && !closedMenu)
        return;
    if (role == QAccessible::MenuItem && iface->object()) {
        // A menu item's object is its QAction: a hidden one is not offered.
        if (const auto* action = qobject_cast<const QAction*>(iface->object());
            action && !action->isVisible())
            return;
    }
    const QString here
        = isPlainContainer(iface) ? path : path + QLatin1String(" > ") + describe(iface);
    // The text field of an editable combo box is part of it, and named by it.
    QAccessibleInterface* parent = iface->parent();
    const bool inCombo
        = role == QAccessible::EditableText && parent && parent->role() == QAccessible::ComboBox;
    if (isInteractive(role) && !inCombo) {
        ++findings->checked;
        if (iface->text(QAccessible::Name).trimmed().isEmpty()
            && !findings->reported.contains(iface))
            findings->noName.append(here);
    }
    if ((isIconOnly(iface->object()) || isOwnFocusableControl(iface->object()))
        && iface->text(QAccessible::Description).trimmed().isEmpty()
        && !findings->reported.contains(iface))
        findings->noDescription.append(here);
    if (isInteractive(role) || iface->object())
        findings->reported.insert(iface);
    // Rows and cells of item views are their data.
    if (qobject_cast<const QAbstractItemView*>(iface->object()))
        return;
    for (int i = 0; i < iface->childCount(); ++i)
        walk(iface->child(i), here, findings, seen, menus);
}

//! Every menu under `menu` (itself included), also those of its items.
void walkMenu(QMenu* menu, const QString& path, Findings* findings)
{
    QSet<QAccessibleInterface*> seen;
    walk(QAccessible::queryAccessibleInterface(menu), path, findings, &seen, true);
    const QList<QAction*> actions = menu->actions();
    for (QAction* action : actions) {
        if (action->menu() && action->isVisible())
            walkMenu(action->menu(), path + QLatin1String(" > ") + action->text(), findings);
    }
}

void walkWidget(QWidget* widget, const QString& path, Findings* findings)
{
    QSet<QAccessibleInterface*> seen;
    walk(QAccessible::queryAccessibleInterface(widget), path, findings, &seen);
}

Findings walkWidget(QWidget* widget, const QString& path)
{
    Findings findings;
    walkWidget(widget, path, &findings);
    return findings;
}

bool hasRows(QAbstractItemView* view)
{
    return view && view->model() && view->model()->rowCount() > 0;
}

//! A name the tree gives to one of the canvas's items, from the model as the card says it.
QString stepName(PolicyStepCanvas* canvas, int step)
{
    return PolicyStepCanvas::tr("Step %1 — %2")
        .arg(QString::number(step + 1), canvas->afterStepText(step));
}

QAccessibleActionInterface* actions(QAccessibleInterface* iface)
{
    return iface ? iface->actionInterface() : nullptr;
}

} // namespace

class TestAccessibility : public QObject {
    Q_OBJECT

private:
    WorkspaceParts m_parts;
    bool m_events = false; //!< accessibility is on, and its events are recorded

    QWidget* show(const QString& slug)
    {
        m_parts.window->showView(slug);
        QApplication::processEvents();
        return m_parts.window->page(slug);
    }

    //! Gives `widget` the keyboard focus, its window active again (a dialog shown before took
    //! that).
    bool focus(QWidget* widget)
    {
        widget->window()->activateWindow();
        if (!QTest::qWaitForWindowActive(widget->window()))
            return false;
        widget->setFocus();
        return QTest::qWaitFor([widget] { return widget->hasFocus(); }, 2000);
    }

    //! In every view of the page, the first row current, so that what shows a selection shows it.
    static void selectFirstRows(QWidget* page)
    {
        const QList<QAbstractItemView*> views = page->findChildren<QAbstractItemView*>();
        for (QAbstractItemView* view : views) {
            if (view->isVisible() && hasRows(view) && !view->currentIndex().isValid())
                view->setCurrentIndex(view->model()->index(0, 0));
        }
    }

    //! Walks the window with `page` shown, once per tab of each of its tab widgets.
    Findings walkPage(const QString& slug)
    {
        Findings all;
        QWidget* page = show(slug);
        walkWidget(m_parts.window.get(), slug, &all);
        QList<QTabWidget*> tabs = page->findChildren<QTabWidget*>();
        if (auto* own = qobject_cast<QTabWidget*>(page))
            tabs.prepend(own);
        for (QTabWidget* tabWidget : tabs) {
            const int was = tabWidget->currentIndex();
            for (int i = 0; i < tabWidget->count(); ++i) {
                if (i == was || !tabWidget->isVisible())
                    continue;
                tabWidget->setCurrentIndex(i);
                QApplication::processEvents();
                selectFirstRows(tabWidget->widget(i));
                QApplication::processEvents();
                walkWidget(m_parts.window.get(),
                    slug + QLatin1Char('/') + tabWidget->tabText(i).remove(QLatin1Char('&')), &all);
            }
            tabWidget->setCurrentIndex(was);
        }
        return all;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        // Under X11 the AT-SPI bridge turns accessibility on once the accessibility bus is there
        // (started here, as a desktop session starts it) and either a screen reader is on or
        // QT_LINUX_ACCESSIBILITY_ALWAYS_ON is set. This test records the events instead of the
        // bridge.
        qputenv("QT_LINUX_ACCESSIBILITY_ALWAYS_ON", "1");
        QAccessible::installUpdateHandler(recordEvent);
        if (QDBusConnection::sessionBus().isConnected())
            QDBusConnection::sessionBus().interface()->startService(QStringLiteral("org.a11y.Bus"));
        m_events = QTest::qWaitFor([] { return QAccessible::isActive(); }, 10000);
        if (!m_events) {
            // Offscreen has no bridge; the events are then not checked.
            QVERIFY2(!qEnvironmentVariableIsSet("ROTA_REQUIRE_KEYCHAIN"),
                "accessibility did not turn on (no AT-SPI bus?)");
            qInfo("%s: no accessibility bridge; events are not checked",
                qPrintable(QGuiApplication::platformName()));
        }
        QVERIFY2(m_parts.start(), qPrintable(m_parts.startError()));
        m_parts.build();
        m_parts.window->resize(1200, 800);
        m_parts.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_parts.window.get()));
        m_parts.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_parts.window.get()));
        m_parts.workspace->start();
        // Every view once, with what a session shows in it and the first rows selected.
        for (const MainView& view : MainView::all()) {
            QWidget* page = show(view.slug);
            QVERIFY2(page, qPrintable(view.slug));
            const bool rows = QTest::qWaitFor(
                [page] {
                    const QList<QAbstractItemView*> views
                        = page->findChildren<QAbstractItemView*>();
                    for (QAbstractItemView* v : views) {
                        if (v->isVisible() && hasRows(v))
                            return true;
                    }
                    return false;
                },
                5000);
            if (!rows)
                qInfo("%s: no list, table or tree with rows", qPrintable(view.slug));
            selectFirstRows(page);
        }
        // What is still on its way (details of what was selected, policy steps, schedules).
        QTest::qWait(1500);
        for (const MainView& view : MainView::all())
            selectFirstRows(show(view.slug));
        QTest::qWait(500);
    }

    void cleanupTestCase()
    {
        m_parts.close();
        QAccessible::installUpdateHandler(nullptr);
    }

    void everyViewNamesItsControls_data()
    {
        QTest::addColumn<QString>("slug");
        for (const MainView& view : MainView::all())
            QTest::newRow(qPrintable(view.slug)) << view.slug;
    }

    void everyViewNamesItsControls()
    {
        QFETCH(QString, slug);
        const Findings findings = walkPage(slug);
        // The walk reached the controls: the navigation's list, the menu bar's menus and more.
        QVERIFY2(findings.checked > 5, qPrintable(QString::number(findings.checked)));
        QVERIFY2(findings.ok(), findings.summary().constData());
    }

    void theMenusNameTheirItems()
    {
        Findings findings;
        const QList<QAction*> menus = m_parts.window->menuBar()->actions();
        QVERIFY(!menus.isEmpty());
        for (QAction* action : menus) {
            if (action->menu())
                walkMenu(action->menu(), QStringLiteral("menu bar"), &findings);
        }
        TrayController tray(m_parts.window.get(), m_parts.settings.get());
        tray.setWorkspace(m_parts.workspace.get());
        QMenu trayMenu;
        tray.populate(&trayMenu);
        QVERIFY(!trayMenu.actions().isEmpty());
        walkMenu(&trayMenu, QStringLiteral("tray menu"), &findings);
        QVERIFY2(findings.checked > 10, qPrintable(QString::number(findings.checked)));
        QVERIFY2(findings.ok(), findings.summary().constData());
    }

    void theDialogsNameTheirControls()
    {
        Workspace* workspace = m_parts.workspace.get();
        OrgDirectory* directory = workspace->directory();
        QVERIFY(directory);
        const QStringList numbers { QStringLiteral("1") };
        User ada;
        ada.username = QStringLiteral("ada");
        ada.firstName = QStringLiteral("Ada");
        ada.lastName = QStringLiteral("Lovelace");
        const PagingRule push = PagingRule::push();
        const QList<PolicyStep> theirs { PolicyStep { 5, { push } } };
        const QList<PolicyStep> mine { PolicyStep { 10, { push } }, PolicyStep { 5, { push } } };
        QList<QWidget*> dialogs {
            new SettingsDialog(m_parts.settings.get()),
            new AckMessageDialog(numbers, { QStringLiteral("Disk full on db-1") }),
            new CreateIncidentDialog(workspace->actions(), directory),
            new OverrideDialog({ { QStringLiteral("ada"), QStringLiteral("Ada Lovelace") } }),
            new QuickRerouteDialog(directory, numbers, QStringLiteral("Disk full on db-1")),
            new RerouteDialog(directory, workspace->actions(), numbers),
            new UserEditDialog(std::nullopt, {}, {}),
            new TeamMemberRemoveDialog(QStringLiteral("Ada Lovelace"), QStringLiteral("Data"), {}),
            new RemoveUserDialog(
                ada, QStringLiteral("Ada Lovelace"), workspace->usersModel(), workspace->people()),
            new PagingPolicyConflictDialog(theirs, mine, workspace->pagingPolicy()),
        };
        // Deleted however the test ends.
        std::vector<std::unique_ptr<QWidget>> owned(dialogs.cbegin(), dialogs.cend());
        Findings findings;
        for (QWidget* dialog : std::as_const(dialogs)) {
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            const Findings found
                = walkWidget(dialog, QLatin1String(dialog->metaObject()->className()));
            findings.noName += found.noName;
            findings.noDescription += found.noDescription;
            findings.checked += found.checked;
            dialog->hide();
        }
        QVERIFY2(findings.checked > 20, qPrintable(QString::number(findings.checked)));
        QVERIFY2(findings.ok(), findings.summary().constData());
    }

    // The walk itself fails where it should: a button with only an icon and nothing else, and an
    // unnamed line edit, are both reported.
    void theWalkFindsWhatIsMissing()
    {
        QWidget window;
        auto* icon = new QToolButton(&window);
        icon->setIcon(QApplication::style()->standardIcon(QStyle::SP_BrowserReload));
        icon->setToolButtonStyle(Qt::ToolButtonIconOnly);
        auto* edit = new QLineEdit(&window);
        edit->move(0, 40);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Findings findings = walkWidget(&window, QStringLiteral("test"));
        QCOMPARE(findings.noName.size(), 2);
        QCOMPARE(findings.noDescription.size(), 1);
        icon->setAccessibleName(QStringLiteral("Refresh"));
        icon->setToolTip(QStringLiteral("Read it again"));
        edit->setAccessibleName(QStringLiteral("Search"));
        findings = walkWidget(&window, QStringLiteral("test"));
        QVERIFY2(findings.ok(), findings.summary().constData());
    }

    void theCanvasExposesStepsAndContacts()
    {
        auto* editor = qobject_cast<PagingPolicyEditor*>(show(QStringLiteral("paging-policy")));
        QVERIFY(editor);
        PagingPolicyModel* model = editor->model();
        PolicyStepCanvas* canvas = editor->canvas();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !editor->controller()->isBusy(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(editor->palette()->rules().size() > 1, 10000);
        // Two steps of two contacts each, whatever the simulator's policy was.
        while (model->rowCount() < 2)
            QVERIFY(model->addStep(-1));
        const QList<PagingRule>& palette = canvas->paletteRules();
        for (int s = 0; s < 2; ++s) {
            for (const PagingRule& rule : palette) {
                if (model->rowCount(model->index(s, 0)) >= 2)
                    break;
                if (model->findRule(s, rule) < 0)
                    QVERIFY(model->addRule(s, -1, rule));
            }
            QVERIFY(model->rowCount(model->index(s, 0)) >= 2);
        }

        QAccessibleInterface* tree = QAccessible::queryAccessibleInterface(canvas);
        QVERIFY(tree);
        QCOMPARE(tree->role(), QAccessible::Tree);
        QCOMPARE(tree->text(QAccessible::Name), PolicyStepCanvas::tr("Paging policy steps"));
        QVERIFY(!tree->text(QAccessible::Description).isEmpty());
        QCOMPARE(tree->childCount(), model->rowCount());
        for (int s = 0; s < model->rowCount(); ++s) {
            QAccessibleInterface* step = tree->child(s);
            QVERIFY(step);
            QCOMPARE(step->role(), QAccessible::TreeItem);
            QCOMPARE(step->text(QAccessible::Name), stepName(canvas, s));
            QCOMPARE(step->parent(), tree);
            QCOMPARE(tree->indexOfChild(step), s);
            // The same interface every time it is asked for.
            QCOMPARE(tree->child(s), step);
            const QModelIndex stepIndex = model->index(s, 0);
            QCOMPARE(step->childCount(), model->rowCount(stepIndex));
            for (int r = 0; r < step->childCount(); ++r) {
                QAccessibleInterface* chip = step->child(r);
                QVERIFY(chip);
                const PagingRule rule = model->steps().at(s).rules.at(r);
                QCOMPARE(chip->text(QAccessible::Name), model->ruleText(rule));
                QCOMPARE(chip->parent(), step);
                QCOMPARE(step->indexOfChild(chip), r);
                QVERIFY(!chip->rect().isEmpty());
                QVERIFY(step->rect().contains(chip->rect()));
            }
        }
        // The current item is the focused one.
        QVERIFY(focus(canvas));
        canvas->setCurrentIndex(model->index(1, 0, model->index(0, 0)));
        QAccessibleInterface* current = tree->child(0)->child(1);
        QCOMPARE(tree->focusChild(), current);
        QVERIFY(current->state().focused);
        QVERIFY(!m_events || sawEvent(QAccessible::Focus, current));
    }

    void canvasActionsDoWhatADragDoes()
    {
        auto* editor = qobject_cast<PagingPolicyEditor*>(show(QStringLiteral("paging-policy")));
        QVERIFY(editor);
        PagingPolicyModel* model = editor->model();
        PolicyStepCanvas* canvas = editor->canvas();
        QUndoStack* stack = model->stack();
        QVERIFY(model->rowCount() >= 2 && model->rowCount(model->index(0, 0)) >= 2);
        QAccessibleInterface* tree = QAccessible::queryAccessibleInterface(canvas);
        const QList<PolicyStep> before = model->steps();

        // What the drags do, each undone after: a step dragged above the one before it, a chip
        // dragged one place left and onto the step after, a chip dropped on the trash.
        const auto dragged = [&](const QModelIndex& index, int row, const QModelIndex& parent) {
            std::unique_ptr<QMimeData> data(model->mimeData({ index }));
            const bool dropped = model->dropMimeData(data.get(), Qt::MoveAction, row, 0, parent);
            const QList<PolicyStep> after = model->steps();
            if (dropped)
                stack->undo();
            return after;
        };
        const QList<PolicyStep> stepUp = dragged(model->index(1, 0), 0, {});
        const QModelIndex secondChip = model->index(1, 0, model->index(0, 0));
        const QList<PolicyStep> chipLeft = dragged(secondChip, 0, model->index(0, 0));
        const QList<PolicyStep> chipDown = dragged(secondChip, -1, model->index(1, 0));
        QCOMPARE(model->steps(), before);
        QVERIFY(stepUp != before && chipLeft != before && chipDown != before);

        const auto act = [&](QAccessibleInterface* item, const QString& action) {
            QAccessibleActionInterface* interface = actions(item);
            if (!interface || !interface->actionNames().contains(action))
                return false;
            interface->doAction(action);
            return true;
        };
        const int done = stack->index();
        seenEvents().clear();
        QVERIFY(act(tree->child(1), QStringLiteral("MoveUp")));
        QCOMPARE(model->steps(), stepUp);
        QCOMPARE(stack->index(), done + 1); // one edit, undoable
        QVERIFY(!m_events || sawEvent(QAccessible::ObjectReorder));
        // Renumbered: the names say the new places.
        QCOMPARE(tree->child(0)->text(QAccessible::Name), stepName(canvas, 0));
        QVERIFY(!m_events || sawEvent(QAccessible::NameChanged));
        stack->undo();
        QCOMPARE(model->steps(), before);

        QVERIFY(!actions(tree->child(0))->actionNames().contains(QStringLiteral("MoveUp")));
        QVERIFY(act(tree->child(0)->child(1), QStringLiteral("MoveLeft")));
        QCOMPARE(model->steps(), chipLeft);
        stack->undo();
        QCOMPARE(model->steps(), before);

        QVERIFY(act(tree->child(0)->child(1), QStringLiteral("MoveToNextStep")));
        QCOMPARE(model->steps(), chipDown);
        stack->undo();
        QCOMPARE(model->steps(), before);

        // Remove, as the trash does.
        seenEvents().clear();
        QAccessibleInterface* going = tree->child(0)->child(0);
        QVERIFY(act(going, QStringLiteral("Remove")));
        QCOMPARE(model->steps().at(0).rules, before.at(0).rules.mid(1));
        QVERIFY(!m_events || sawEvent(QAccessible::ObjectDestroyed));
        QCOMPARE(tree->child(0)->childCount(), static_cast<int>(before.at(0).rules.size()) - 1);
        stack->undo();
        QCOMPARE(model->steps(), before);
        QCOMPARE(tree->child(0)->childCount(), static_cast<int>(before.at(0).rules.size()));

        // Add: a palette contact the step does not have, as dropping it on the step does.
        const QList<PagingRule>& palette = canvas->paletteRules();
        int entry = -1;
        for (int i = 0; i < palette.size() && entry < 0; ++i) {
            if (model->findRule(0, palette.at(i)) < 0)
                entry = i;
        }
        if (entry < 0) {
            // The step has them all: one goes first (its Remove is checked above).
            QVERIFY(act(tree->child(0)->child(0), QStringLiteral("Remove")));
            entry = static_cast<int>(palette.indexOf(before.at(0).rules.first()));
        }
        QVERIFY(entry >= 0);
        const QList<PolicyStep> beforeAdd = model->steps();
        std::unique_ptr<QMimeData> contact(PagingPolicyModel::contactMimeData(palette.at(entry)));
        QVERIFY(model->dropMimeData(contact.get(), Qt::CopyAction, -1, 0, model->index(0, 0)));
        const QList<PolicyStep> added = model->steps();
        stack->undo();
        QCOMPARE(model->steps(), beforeAdd);
        seenEvents().clear();
        const QString add = QStringLiteral("AddContact:") + QString::number(entry);
        QAccessibleActionInterface* stepActions = actions(tree->child(0));
        QCOMPARE(stepActions->localizedActionName(add),
            PolicyStepCanvas::tr("Add %1").arg(model->ruleText(palette.at(entry))));
        QVERIFY(act(tree->child(0), add));
        QCOMPARE(model->steps(), added);
        QAccessibleInterface* newChip
            = tree->child(0)->child(static_cast<int>(added.at(0).rules.size()) - 1);
        QCOMPARE(newChip->text(QAccessible::Name), model->ruleText(palette.at(entry)));
        QVERIFY(!m_events || sawEvent(QAccessible::ObjectCreated, newChip));
        // A contact the step has is not offered again.
        QVERIFY(!actions(tree->child(0))->actionNames().contains(add));
        while (model->steps() != before && stack->canUndo())
            stack->undo();
        QCOMPARE(model->steps(), before);
    }

    void thePaletteListsItsContacts()
    {
        auto* editor = qobject_cast<PagingPolicyEditor*>(show(QStringLiteral("paging-policy")));
        QVERIFY(editor);
        PolicyPalette* palette = editor->palette();
        QAccessibleInterface* list = QAccessible::queryAccessibleInterface(palette);
        QVERIFY(list);
        QCOMPARE(list->role(), QAccessible::List);
        QCOMPARE(list->childCount(), static_cast<int>(palette->rules().size()));
        for (int i = 0; i < list->childCount(); ++i) {
            QCOMPARE(list->child(i)->role(), QAccessible::ListItem);
            QCOMPARE(list->child(i)->text(QAccessible::Name),
                editor->model()->ruleText(palette->rules().at(i)));
        }
        // Press adds the contact to the chosen step, as Enter does.
        PagingPolicyModel* model = editor->model();
        const QList<PolicyStep> before = model->steps();
        model->addStep(-1); // an empty step, chosen
        QCOMPARE(editor->canvas()->currentStep(), model->rowCount() - 1);
        QAccessibleActionInterface* press = list->child(0)->actionInterface();
        QVERIFY(press);
        press->doAction(QAccessibleActionInterface::pressAction());
        QCOMPARE(model->steps().last().rules, QList<PagingRule> { palette->rules().at(0) });
        model->stack()->undo();
        model->stack()->undo();
        QCOMPARE(model->steps(), before);
    }

    void theTimelineNamesItsShifts()
    {
        auto* page = qobject_cast<SchedulesPage*>(show(QStringLiteral("schedules")));
        QVERIFY(page);
        page->setCurrentWidget(page->schedules());
        ScheduleTimeline* timeline = page->schedules()->timeline();
        QTRY_VERIFY_WITH_TIMEOUT(!timeline->shownShifts().isEmpty(), 10000);
        QAccessibleInterface* list = QAccessible::queryAccessibleInterface(timeline);
        QVERIFY(list);
        QCOMPARE(list->role(), QAccessible::List);
        const QList<QPair<int, int>> shifts = timeline->shownShifts();
        QVERIFY(list->childCount() >= shifts.size());
        for (int i = 0; i < shifts.size(); ++i) {
            QAccessibleInterface* shift = list->child(i);
            QVERIFY(shift);
            QCOMPARE(shift->role(), QAccessible::ListItem);
            const QString name = shift->text(QAccessible::Name);
            // Who, where and when, as the tooltip says it.
            QCOMPARE(name,
                timeline->shiftText(shifts.at(i).first, shifts.at(i).second)
                    .split(QLatin1Char('\n'))
                    .join(QStringLiteral("; ")));
            const ScheduleRow& row = timeline->model()->row(shifts.at(i).first);
            QVERIFY2(name.contains(row.policyName), qPrintable(name));
            QVERIFY2(name.contains(QStringLiteral(" – ")), qPrintable(name));
            QCOMPARE(list->indexOfChild(shift), i);
            QCOMPARE(list->child(i), shift);
        }
        // The arrow keys move the focus across the shifts, and the focused one is said: from a
        // shift with another after it in its row, Right goes there.
        int from = -1;
        for (int i = 0; i + 1 < shifts.size() && from < 0; ++i) {
            if (shifts.at(i + 1).first == shifts.at(i).first)
                from = i;
        }
        QVERIFY2(from >= 0, "no row shows two shifts");
        QVERIFY(focus(timeline));
        timeline->setFocusedShift(shifts.at(from).first, shifts.at(from).second);
        QAccessibleInterface* focused = list->focusChild();
        QCOMPARE(focused, list->child(from));
        QVERIFY(focused->state().focused);
        seenEvents().clear();
        QTest::keyClick(timeline, Qt::Key_Right);
        QCOMPARE(timeline->focusedShift(), shifts.at(from + 1));
        QAccessibleInterface* next = list->focusChild();
        QCOMPARE(next, list->child(from + 1));
        QVERIFY(!m_events || sawEvent(QAccessible::Focus, next));
        QVERIFY(!focused->state().focused);
        // SetFocus on an item gives it the keyboard focus.
        focused->actionInterface()->doAction(QAccessibleActionInterface::setFocusAction());
        QCOMPARE(timeline->focusedShift(), shifts.at(from));
    }
};

int main(int argc, char* argv[])
{
    // X11 (scripts/headless) has the accessibility bridge; without a display, offscreen.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestAccessibility test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_accessibility.moc"
