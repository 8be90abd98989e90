// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "accessibleitems.h"

#include <QWindow>

namespace rota {

AccessibleItem::AccessibleItem(QWidget* widget)
    : m_widget(widget)
{
}

QWindow* AccessibleItem::window() const
{
    return m_widget ? m_widget->window()->windowHandle() : nullptr;
}

QAccessible::State AccessibleItem::state() const
{
    QAccessible::State state;
    if (!isValid()) {
        state.invalid = true;
        return state;
    }
    state.focusable = true;
    state.selectable = true;
    state.selected = isCurrent();
    state.focused = state.selected && m_widget->hasFocus();
    state.disabled = !m_widget->isEnabled();
    return state;
}

QRect AccessibleItem::rect() const
{
    if (!m_widget)
        return {};
    const QRect local = rectIn();
    if (local.isNull())
        return {};
    return { m_widget->mapToGlobal(local.topLeft()), local.size() };
}

QAccessibleInterface* AccessibleItem::childAt(int x, int y) const
{
    for (int i = 0; i < childCount(); ++i) {
        QAccessibleInterface* item = child(i);
        if (item && item->rect().contains(x, y))
            return item;
    }
    return nullptr;
}

QAccessibleInterface* AccessibleItem::child(int index) const
{
    Q_UNUSED(index)
    return nullptr;
}

int AccessibleItem::indexOfChild(const QAccessibleInterface* child) const
{
    for (int i = 0; i < childCount(); ++i) {
        if (this->child(i) == child)
            return i;
    }
    return -1;
}

void AccessibleItem::setText(QAccessible::Text t, const QString& text)
{
    // The words come from the data the item shows; they are not set from outside.
    Q_UNUSED(t)
    Q_UNUSED(text)
}

void* AccessibleItem::interface_cast(QAccessible::InterfaceType type)
{
    if (type == QAccessible::ActionInterface)
        return static_cast<QAccessibleActionInterface*>(this);
    return nullptr;
}

void AccessibleItem::doAction(const QString& actionName) { Q_UNUSED(actionName) }

QStringList AccessibleItem::keyBindingsForAction(const QString& actionName) const
{
    Q_UNUSED(actionName)
    return {};
}

AccessibleItems::~AccessibleItems() { clear(); }

AccessibleItem* AccessibleItems::find(const std::function<bool(const AccessibleItem*)>& same) const
{
    for (QAccessible::Id id : m_ids) {
        auto* item = static_cast<AccessibleItem*>(QAccessible::accessibleInterface(id));
        if (item && item->isValid() && same(item))
            return item;
    }
    return nullptr;
}

AccessibleItem* AccessibleItems::findOrAdd(const std::function<bool(const AccessibleItem*)>& same,
    const std::function<AccessibleItem*()>& make)
{
    if (AccessibleItem* found = find(same))
        return found;
    AccessibleItem* item = make();
    item->reportedName = item->text(QAccessible::Name);
    m_ids.append(QAccessible::registerAccessibleInterface(item));
    return item;
}

void AccessibleItems::remove(const std::function<bool(const AccessibleItem*)>& going)
{
    for (qsizetype i = m_ids.size() - 1; i >= 0; --i) {
        const QAccessible::Id id = m_ids.at(i);
        auto* item = static_cast<AccessibleItem*>(QAccessible::accessibleInterface(id));
        if (item && !going(item))
            continue;
        if (item)
            notifyAccessible(item, QAccessible::ObjectDestroyed);
        m_ids.removeAt(i);
        QAccessible::deleteAccessibleInterface(id);
    }
}

void AccessibleItems::removeInvalid()
{
    for (qsizetype i = m_ids.size() - 1; i >= 0; --i) {
        const QAccessible::Id id = m_ids.at(i);
        const QAccessibleInterface* item = QAccessible::accessibleInterface(id);
        if (item && item->isValid())
            continue;
        m_ids.removeAt(i);
        QAccessible::deleteAccessibleInterface(id);
    }
}

void AccessibleItems::clear()
{
    const QList<QAccessible::Id> ids = std::exchange(m_ids, {});
    for (QAccessible::Id id : ids)
        QAccessible::deleteAccessibleInterface(id);
}

void AccessibleItems::announceNameChanges()
{
    for (AccessibleItem* item : items()) {
        if (!item->isValid())
            continue;
        const QString name = item->text(QAccessible::Name);
        if (name == item->reportedName)
            continue;
        item->reportedName = name;
        notifyAccessible(item, QAccessible::NameChanged);
    }
}

QList<AccessibleItem*> AccessibleItems::items() const
{
    QList<AccessibleItem*> out;
    for (QAccessible::Id id : m_ids) {
        if (auto* item = static_cast<AccessibleItem*>(QAccessible::accessibleInterface(id)))
            out.append(item);
    }
    return out;
}

void notifyAccessible(QAccessibleInterface* iface, QAccessible::Event type)
{
    if (!iface || !QAccessible::isActive())
        return;
    QAccessibleEvent event(iface, type);
    QAccessible::updateAccessibility(&event);
}

void notifyAccessible(QWidget* widget, QAccessible::Event type)
{
    if (!widget || !QAccessible::isActive())
        return;
    QAccessibleEvent event(widget, type);
    QAccessible::updateAccessibility(&event);
}

} // namespace rota
