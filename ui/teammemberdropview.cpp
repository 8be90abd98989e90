// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "teammemberdropview.h"

#include "personavatar.h"
#include "teamsmodel.h"

#include <QDragEnterEvent>
#include <QDragLeaveEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>

namespace rota {

TeamMemberDropView::TeamMemberDropView(Target target, QWidget* parent)
    : QTreeView(parent)
    , m_target(target)
{
    setAcceptDrops(true);
    // The view's own drop handling (the model's dropMimeData, its indicator) is not used: users
    // are added through the controller, which says what happened.
    setDragDropMode(QAbstractItemView::DropOnly);
    setDropIndicatorShown(false);
}

TeamMemberDropView::~TeamMemberDropView() = default;

void TeamMemberDropView::setDropsEnabled(bool enabled)
{
    m_dropsEnabled = enabled;
    if (!enabled)
        setHighlight({});
}

TeamMemberDropView::DropSpot TeamMemberDropView::dropSpotAt(
    const QMimeData* data, const QPoint& pos) const
{
    DropSpot spot;
    const QStringList usernames = usernamesFromMimeData(data);
    if (!m_dropsEnabled || usernames.isEmpty() || !model())
        return spot;
    if (m_target == Target::Row) {
        const QModelIndex at = indexAt(pos);
        if (!at.isValid())
            return spot;
        spot.index = at.siblingAtColumn(0);
    }
    if (m_refusal)
        spot.refusal = m_refusal(spot.index, usernames);
    spot.accepted = spot.refusal.isEmpty();
    return spot;
}

void TeamMemberDropView::setHighlight(const DropSpot& spot)
{
    const bool highlight = spot.accepted;
    const QModelIndex row = spot.accepted ? spot.index : QModelIndex();
    if (highlight != m_highlight || row != QModelIndex(m_highlightRow)) {
        m_highlight = highlight;
        m_highlightRow = row;
        viewport()->update();
    }
    if (spot.refusal != m_refusalShown) {
        m_refusalShown = spot.refusal;
        Q_EMIT dropRefused(spot.refusal);
    }
}

void TeamMemberDropView::dragEnterEvent(QDragEnterEvent* event)
{
    if (!m_dropsEnabled || usernamesFromMimeData(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    // Taken even where a drop is refused, so that moving on to another row is still seen.
    event->acceptProposedAction();
    setHighlight(dropSpotAt(event->mimeData(), event->position().toPoint()));
}

void TeamMemberDropView::dragMoveEvent(QDragMoveEvent* event)
{
    const DropSpot spot = dropSpotAt(event->mimeData(), event->position().toPoint());
    setHighlight(spot);
    if (spot.accepted) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
    } else {
        event->ignore(); // the pointer shows that it cannot drop here
    }
}

void TeamMemberDropView::dragLeaveEvent(QDragLeaveEvent* event)
{
    Q_UNUSED(event)
    setHighlight({});
}

void TeamMemberDropView::dropEvent(QDropEvent* event)
{
    const DropSpot spot = dropSpotAt(event->mimeData(), event->position().toPoint());
    setHighlight({});
    if (!spot.accepted) {
        if (!spot.refusal.isEmpty())
            Q_EMIT dropRefused(spot.refusal);
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    if (spot.index.isValid())
        setCurrentIndex(spot.index);
    Q_EMIT usersDropped(spot.index, usernamesFromMimeData(event->mimeData()));
}

void TeamMemberDropView::showDragPreview(
    const QMimeData* data, const QPoint& pos, const QStringList& names)
{
    m_ghost = QPixmap();
    if (!data) {
        setHighlight({});
        return;
    }
    setHighlight(dropSpotAt(data, pos));
    m_ghost = dragPixmap(usernamesFromMimeData(data), names, this);
    m_ghostPos = pos;
    viewport()->update();
}

void TeamMemberDropView::paintEvent(QPaintEvent* event)
{
    QTreeView::paintEvent(event);
    if (!m_highlight && m_ghost.isNull())
        return;
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_highlight) {
        QRect area = viewport()->rect();
        if (m_target == Target::Row && m_highlightRow.isValid()) {
            const QModelIndex first = QModelIndex(m_highlightRow);
            const QRect row = visualRect(first);
            area = QRect(0, row.top(), viewport()->width(), row.height());
        }
        // A light fill with a thin frame: the row's text stays readable under it.
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(56);
        painter.setBrush(fill);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
        painter.drawRect(QRectF(area).adjusted(0.75, 0.75, -0.75, -0.75));
    }
    if (!m_ghost.isNull()) {
        // The drag's picture hangs from the pointer as during a real drag; a staged picture
        // draws the pointer too, since no desktop draws it there.
        painter.setOpacity(0.9);
        painter.drawPixmap(m_ghostPos - dragHotSpot(), m_ghost);
        painter.setOpacity(1);
        const QPointF tip = m_ghostPos;
        QPainterPath pointer(tip);
        for (const QPointF& corner : { QPointF(0, 16), QPointF(4, 12.5), QPointF(7, 19),
                 QPointF(9.5, 18), QPointF(6.5, 11.5), QPointF(12, 11.5) })
            pointer.lineTo(tip + corner);
        pointer.closeSubpath();
        painter.setPen(QPen(Qt::black, 1));
        painter.setBrush(Qt::white);
        painter.drawPath(pointer);
    }
}

QPixmap TeamMemberDropView::dragPixmap(
    const QStringList& usernames, const QStringList& names, const QWidget* style)
{
    const QPalette palette = style ? style->palette() : QGuiApplication::palette();
    QFont font = style ? style->font() : QGuiApplication::font();
    font.setBold(true);
    const QFontMetrics metrics(font);
    const QString first = names.value(0, usernames.value(0));
    const QString more
        = names.size() > 1 ? tr("+%1 more").arg(QString::number(names.size() - 1)) : QString();
    const QString text = metrics.elidedText(first, Qt::ElideRight, 220);
    const int height = metrics.height() + 12;
    const int badge = height - 6;
    const int moreWidth = more.isEmpty() ? 0 : metrics.horizontalAdvance(more) + 16;
    const int width = 6 + badge + 8 + metrics.horizontalAdvance(text) + 12 + moreWidth;
    const qreal ratio = style ? style->devicePixelRatioF() : qGuiApp->devicePixelRatio();

    QPixmap pixmap(QSize(width + 4, height + 4) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(font);
    const QRectF chip(0.5, 0.5, width, height);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 40));
    painter.drawRoundedRect(chip.translated(2, 3), height / 2.0, height / 2.0);
    painter.setPen(QPen(palette.color(QPalette::Highlight), 1));
    painter.setBrush(palette.color(QPalette::Base));
    painter.drawRoundedRect(chip, height / 2.0, height / 2.0);

    // The first person's avatar, as every view shows them.
    const QRectF circle(chip.left() + 3.5, chip.top() + 3, badge, badge);
    painter.drawPixmap(
        circle.topLeft(), PersonAvatar::pixmap(usernames.value(0), first, badge, ratio));

    painter.setPen(palette.color(QPalette::Text));
    const QRectF label(circle.right() + 8, chip.top(), metrics.horizontalAdvance(text) + 2, height);
    painter.drawText(label, Qt::AlignVCenter | Qt::AlignLeft, text);
    if (!more.isEmpty()) {
        QFont small = font;
        small.setBold(false);
        painter.setFont(small);
        painter.setPen(palette.color(QPalette::PlaceholderText));
        painter.drawText(QRectF(label.right() + 10, chip.top(), moreWidth, height),
            Qt::AlignVCenter | Qt::AlignLeft, more);
    }
    return pixmap;
}

} // namespace rota
