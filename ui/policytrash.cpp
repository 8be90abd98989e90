// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "policytrash.h"

#include "look.h"
#include "pagingpolicymodel.h"

#include <QDragEnterEvent>
#include <QPainter>

namespace rota {

PolicyTrash::PolicyTrash(PagingPolicyModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
{
    setAcceptDrops(true);
    setAccessibleName(tr("Remove: drop a step or a rule here"));
    setAccessibleDescription(
        tr("With the keyboard: choose the step or contact in the policy and press Delete"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void PolicyTrash::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor red = look::toneColor(look::Tone::Error, palette());
    QColor fill = red;
    fill.setAlpha(m_hover ? 60 : 14);
    painter.setPen(QPen(
        m_hover ? red : palette().color(QPalette::PlaceholderText), m_hover ? 2 : 1, Qt::DashLine));
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 8, 8);
    painter.setPen(m_hover ? red : palette().color(QPalette::PlaceholderText));
    painter.drawText(rect(), Qt::AlignCenter, tr("Drop here to remove"));
}

void PolicyTrash::dragEnterEvent(QDragEnterEvent* event)
{
    const auto type = m_model->dragItem(event->mimeData()).type;
    if (type != PagingPolicyModel::DragItem::Step && type != PagingPolicyModel::DragItem::Rule) {
        event->ignore();
        return;
    }
    m_hover = true;
    update();
    event->acceptProposedAction();
}

void PolicyTrash::dragLeaveEvent(QDragLeaveEvent* event)
{
    Q_UNUSED(event)
    m_hover = false;
    update();
}

void PolicyTrash::dropEvent(QDropEvent* event)
{
    m_hover = false;
    update();
    const PagingPolicyModel::DragItem item = m_model->dragItem(event->mimeData());
    bool removed = false;
    if (item.type == PagingPolicyModel::DragItem::Step)
        removed = m_model->removeStep(item.step);
    else if (item.type == PagingPolicyModel::DragItem::Rule)
        removed = m_model->removeRule(item.step, item.rule);
    if (removed)
        event->acceptProposedAction();
    else
        event->ignore();
}

} // namespace rota
