// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "policypalette.h"

#include "policystyle.h"

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

PolicyPalette::PolicyPalette(PagingPolicyModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
{
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Contact methods to drag onto a step"));
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
    if (m_pressed >= 0) {
        m_current = m_pressed;
        update();
    }
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
        m_current = std::max(0, m_current - 1);
        update();
        return;
    case Qt::Key_Down:
        m_current = std::min(static_cast<int>(m_rules.size()) - 1, m_current + 1);
        update();
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
