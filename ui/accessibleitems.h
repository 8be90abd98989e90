// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Accessibility for widgets that paint their items themselves (the paging policy's steps and
// chips, the palette's contacts, the timeline's shifts): each item is an AccessibleItem, a
// QAccessibleInterface without a QObject of its own, and AccessibleItems keeps the ones a widget
// handed out in QAccessible's cache, so that an assistive technology gets the same interface (and
// id) for the same item every time it asks, until the item goes.

#include <QAccessible>
#include <QAccessibleInterface>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

namespace rota {

//! One painted item of `widget`. Subclasses say what it is (text, role, state), where (rectIn(),
//! in the widget's coordinates) and what can be done with it (actions); the item is not valid once
//! its widget is gone or isItemValid() says so.
//! Installs, once per widget class, the QAccessible factory that serves widget class W with the
//! interface A (whose constructor takes a W*). Call it at the start of W's constructor, before
//! anything asks for W's interface (setAccessibleName() does).
template <class W, class A> void installAccessibleFactory()
{
    static const bool installed = [] {
        QAccessible::installFactory(
            [](const QString& key, QObject* object) -> QAccessibleInterface* {
                if (key == QLatin1String(W::staticMetaObject.className()))
                    if (auto* widget = qobject_cast<W*>(object))
                        return new A(widget);
                return nullptr;
            });
        return true;
    }();
    Q_UNUSED(installed)
}

class AccessibleItem : public QAccessibleInterface, public QAccessibleActionInterface {
public:
    explicit AccessibleItem(QWidget* widget);

    QWidget* widget() const { return m_widget; }
    //! The item's place in the widget's coordinates (null when it is not laid out).
    virtual QRect rectIn() const = 0;
    //! Whether the item still exists in the widget's data.
    virtual bool isItemValid() const = 0;

    //! Whether the item is its widget's current one: selected, and focused while the widget has
    //! the focus.
    virtual bool isCurrent() const = 0;

    bool isValid() const override { return m_widget && isItemValid(); }
    //! Invalid when the item is gone; else focusable and selectable, selected and focused as
    //! isCurrent() says, disabled with its widget. Subclasses add their own flags.
    QAccessible::State state() const override;
    QObject* object() const override { return nullptr; }
    QWindow* window() const override;
    QRect rect() const override;
    QAccessibleInterface* childAt(int x, int y) const override;
    QAccessibleInterface* child(int index) const override;
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface* child) const override;
    void setText(QAccessible::Text t, const QString& text) override;
    void* interface_cast(QAccessible::InterfaceType type) override;

    // No actions unless a subclass offers some.
    QStringList actionNames() const override { return {}; }
    void doAction(const QString& actionName) override;
    QStringList keyBindingsForAction(const QString& actionName) const override;

    //! The name last reported (AccessibleItems::announceNameChanges() compares with it).
    QString reportedName;

private:
    QPointer<QWidget> m_widget;
};

//! The items one widget handed out, registered with QAccessible (which deletes nothing of them:
//! this does, when an item goes and with the widget).
class AccessibleItems {
public:
    AccessibleItems() = default;
    ~AccessibleItems();
    AccessibleItems(const AccessibleItems&) = delete;
    AccessibleItems& operator=(const AccessibleItems&) = delete;

    //! The first item handed out for which `same` is true, else `make()` registered and kept.
    AccessibleItem* find(const std::function<bool(const AccessibleItem*)>& same) const;
    AccessibleItem* findOrAdd(const std::function<bool(const AccessibleItem*)>& same,
        const std::function<AccessibleItem*()>& make);
    //! Tells assistive technologies that the items for which `going` is true are going, then
    //! deletes them.
    void remove(const std::function<bool(const AccessibleItem*)>& going);
    //! Deletes the items that are no longer valid (their thing is gone).
    void removeInvalid();
    //! Deletes every item.
    void clear();
    //! Sends NameChanged for each item whose name is not what it was when last reported.
    void announceNameChanges();
    QList<AccessibleItem*> items() const;

private:
    QList<QAccessible::Id> m_ids;
};

//! Sends `type` for `iface` when accessibility is active (and nothing, at no cost, when not).
void notifyAccessible(QAccessibleInterface* iface, QAccessible::Event type);
//! Sends `type` for `widget` itself when accessibility is active.
void notifyAccessible(QWidget* widget, QAccessible::Event type);

} // namespace rota
