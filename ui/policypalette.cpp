// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "policypalette.h"

#include "policystyle.h"

#include <QAccessibleWidget>
#include <QApplication>
#include <QDrag>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>

namespace rota {

namespace {
constexpr int PaletteHeader = 26;
using policystyle::ChipHeight;
} // namespace

//! One entry of the palette: a contact to add to a step.
class PaletteEntryAccessible : public AccessibleItem {
public:
    PaletteEntryAccessible(PolicyPalette* palette, int entry)
        : AccessibleItem(palette)
        , m_palette(palette)
        , m_entry(entry)
    {
    }
    int entry() const { return m_entry; }

    bool isItemValid() const override { return m_palette && m_entry < m_palette->m_rules.size(); }
    QRect rectIn() const override { return m_palette ? m_palette->entryRect(m_entry) : QRect(); }
    QAccessibleInterface* parent() const override
    {
        return QAccessible::queryAccessibleInterface(m_palette);
    }
    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        if (t == QAccessible::Name)
            return m_palette->m_model->ruleText(m_palette->m_rules.at(m_entry));
        if (t == QAccessible::Description) {
            return PolicyPalette::tr("Enter adds it to the step chosen in the policy (as a new "
                                     "step when none is); or drag it onto a step");
        }
        return {};
    }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    bool isCurrent() const override { return m_palette->m_current == m_entry; }
    QStringList actionNames() const override
    {
        if (!isValid())
            return {};
        if (!m_palette->isEnabled())
            return { setFocusAction() };
        return { pressAction(), setFocusAction() };
    }
    QString localizedActionName(const QString& name) const override
    {
        if (name == pressAction())
            return PolicyPalette::tr("Add to the chosen step");
        return QAccessibleActionInterface::localizedActionName(name);
    }
    QStringList keyBindingsForAction(const QString& name) const override
    {
        if (name == pressAction())
            return { QKeySequence(Qt::Key_Return).toString(QKeySequence::NativeText) };
        return {};
    }
    void doAction(const QString& name) override
    {
        if (!isValid() || !actionNames().contains(name))
            return;
        m_palette->setCurrentEntry(m_entry);
        if (name == setFocusAction())
            m_palette->setFocus(Qt::OtherFocusReason);
        else if (name == pressAction())
            Q_EMIT m_palette->activated(m_palette->m_rules.at(m_entry));
    }

private:
    QPointer<PolicyPalette> m_palette;
    int m_entry;
};

//! The palette: a list of its entries.
class PaletteAccessible : public QAccessibleWidget {
public:
    explicit PaletteAccessible(PolicyPalette* palette)
        : QAccessibleWidget(palette, QAccessible::List)
    {
    }
    int childCount() const override { return static_cast<int>(palette()->m_rules.size()); }
    QAccessibleInterface* child(int index) const override
    {
        return index >= 0 && index < childCount() ? palette()->accessibleEntry(index) : nullptr;
    }
    int indexOfChild(const QAccessibleInterface* child) const override
    {
        for (AccessibleItem* item : palette()->m_accessible.items()) {
            if (item == child)
                return static_cast<PaletteEntryAccessible*>(item)->entry();
        }
        return -1;
    }
    QAccessibleInterface* childAt(int x, int y) const override
    {
        const int entry = palette()->entryAt(palette()->mapFromGlobal(QPoint(x, y)));
        return entry >= 0 ? palette()->accessibleEntry(entry) : nullptr;
    }
    QAccessibleInterface* focusChild() const override
    {
        return palette()->hasFocus() ? child(palette()->m_current) : nullptr;
    }

private:
    PolicyPalette* palette() const { return static_cast<PolicyPalette*>(widget()); }
};

QAccessibleInterface* PolicyPalette::accessibleEntry(int entry)
{
    if (entry < 0 || entry >= m_rules.size())
        return nullptr;
    return m_accessible.findOrAdd(
        [entry](const AccessibleItem* item) {
            return static_cast<const PaletteEntryAccessible*>(item)->entry() == entry;
        },
        [this, entry] { return new PaletteEntryAccessible(this, entry); });
}

void PolicyPalette::setCurrentEntry(int entry)
{
    if (entry == m_current || entry < 0 || entry >= m_rules.size())
        return;
    m_current = entry;
    update();
    if (hasFocus() && QAccessible::isActive())
        notifyAccessible(accessibleEntry(entry), QAccessible::Focus);
}

void PolicyPalette::focusInEvent(QFocusEvent* event)
{
    QWidget::focusInEvent(event);
    if (QAccessible::isActive())
        notifyAccessible(accessibleEntry(m_current), QAccessible::Focus);
}

PolicyPalette::PolicyPalette(PagingPolicyModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
{
    installAccessibleFactory<PolicyPalette, PaletteAccessible>();
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Contact methods to drag onto a step"));
    setAccessibleDescription(tr("Up and Down choose a contact; Enter adds it to the step chosen "
                                "in the policy"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_rules.append(PagingRule::push());
}

void PolicyPalette::setContactMethods(const ContactMethods& methods)
{
    m_rules.clear();
    m_rules.append(PagingRule::push());
    for (const ContactMethod& email : methods.emails)
        m_rules.append(PagingRule::email(email.id));
    for (const ContactMethod& phone : methods.phones) {
        m_rules.append(PagingRule::sms(phone.id));
        m_rules.append(PagingRule::phoneCall(phone.id));
    }
    for (PagingRule& rule : m_rules)
        rule.index = -1;
    m_current = std::min(m_current, static_cast<int>(m_rules.size()) - 1);
    // Other entries now: the ones handed out go, and the list is read again.
    m_accessible.remove([](const AccessibleItem*) { return true; });
    notifyAccessible(this, QAccessible::ObjectReorder);
    updateGeometry();
    update();
}

QRect PolicyPalette::entryRect(int entry) const
{
    return QRect(0, PaletteHeader + entry * (ChipHeight + 6), width(), ChipHeight);
}

QSize PolicyPalette::sizeHint() const
{
    const QFontMetrics metrics(font());
    int w = 200;
    for (const PagingRule& rule : m_rules)
        w = std::max(w,
            policystyle::chipWidth(metrics,
                PagingPolicyModel::notificationLabel(rule.notificationType),
                m_model->contactLabel(rule)));
    return { std::min(w, 320),
        PaletteHeader + static_cast<int>(m_rules.size()) * (ChipHeight + 6) };
}

int PolicyPalette::entryAt(const QPoint& pos) const
{
    for (int i = 0; i < m_rules.size(); ++i) {
        if (entryRect(i).contains(pos))
            return i;
    }
    return -1;
}

void PolicyPalette::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRect(0, 0, width(), PaletteHeader - 4), Qt::AlignLeft | Qt::AlignVCenter,
        tr("Drag onto a step:"));
    for (int i = 0; i < m_rules.size(); ++i) {
        const PagingRule& rule = m_rules.at(i);
        policystyle::paintChip(painter, palette(), entryRect(i), rule.notificationType,
            PagingPolicyModel::notificationLabel(rule.notificationType),
            m_model->contactLabel(rule), hasFocus() && i == m_current);
    }
}

void PolicyPalette::mousePressEvent(QMouseEvent* event)
{
    m_pressed = entryAt(event->position().toPoint());
    m_pressPos = event->position().toPoint();
    if (m_pressed >= 0)
        setCurrentEntry(m_pressed);
}

void PolicyPalette::mouseMoveEvent(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_pressed < 0)
        return;
    if ((event->position().toPoint() - m_pressPos).manhattanLength()
        < QApplication::startDragDistance())
        return;
    const PagingRule rule = m_rules.at(m_pressed);
    const QRect rect = entryRect(m_pressed);
    m_pressed = -1;
    auto* drag = new QDrag(this);
    drag->setMimeData(PagingPolicyModel::contactMimeData(rule));
    QPixmap pixmap(rect.size() * devicePixelRatioF());
    pixmap.setDevicePixelRatio(devicePixelRatioF());
    pixmap.fill(Qt::transparent);
    render(&pixmap, QPoint(), QRegion(rect));
    drag->setPixmap(pixmap);
    drag->setHotSpot(m_pressPos - rect.topLeft());
    drag->exec(Qt::CopyAction, Qt::CopyAction);
}

void PolicyPalette::mouseDoubleClickEvent(QMouseEvent* event)
{
    const int entry = entryAt(event->position().toPoint());
    if (entry >= 0)
        Q_EMIT activated(m_rules.at(entry));
}

void PolicyPalette::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Up:
        setCurrentEntry(std::max(0, m_current - 1));
        return;
    case Qt::Key_Down:
        setCurrentEntry(std::min(static_cast<int>(m_rules.size()) - 1, m_current + 1));
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_current >= 0 && m_current < m_rules.size())
            Q_EMIT activated(m_rules.at(m_current));
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace rota
