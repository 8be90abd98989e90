// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "navigationlist.h"

#include "mainview.h"
#include "tintedsvgicon.h"

#include <QApplication>
#include <QEvent>
#include <QPainter>
#include <QStyledItemDelegate>

namespace rota {

namespace {

constexpr int IconPathRole = Qt::UserRole + 1;
constexpr int BadgeRole = Qt::UserRole + 2;
constexpr int UrgentRole = Qt::UserRole + 3;
constexpr int OuterMargin = 6; // between the list's edge and an item's rounded background
constexpr int InnerMargin = 10; // between the background's edge and the icon, and after the text
constexpr int Gap = 10; // between icon and text

QColor mix(const QColor& a, const QColor& b, qreal amountOfB)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * amountOfB,
        a.greenF() + (b.greenF() - a.greenF()) * amountOfB,
        a.blueF() + (b.blueF() - a.blueF()) * amountOfB);
}

// Draws what a sidebar entry needs and nothing else; the styles' item panels are made for tables.
class NavigationDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const int icon = option.decorationSize.width();
        // Room for a three-digit badge is always kept, so that counts coming and going do not
        // change the column's width.
        const int badgeWidth = Gap + option.fontMetrics.horizontalAdvance(QStringLiteral("999"))
            + option.fontMetrics.height();
        const int text = option.fontMetrics.horizontalAdvance(index.data().toString()) + badgeWidth;
        const int height = qMax(option.fontMetrics.height(), option.decorationSize.height()) + 16;
        return QSize(2 * OuterMargin + 2 * InnerMargin + icon + Gap + text, height);
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
        const QModelIndex& index) const override
    {
        const QPalette& palette = option.palette;
        const auto group
            = option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
        const QColor window = palette.color(group, QPalette::Window);
        const QColor accent = palette.color(QPalette::Active, QPalette::Highlight);
        const bool selected = option.state & QStyle::State_Selected;
        const bool hovered = option.state & QStyle::State_MouseOver;
        const bool focused = option.state & QStyle::State_HasFocus;

        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QRectF background = QRectF(option.rect).adjusted(OuterMargin, 1, -OuterMargin, -1);
        if (selected || hovered || focused) {
            painter->setPen(focused ? QPen(accent, 1.5) : QPen(Qt::NoPen));
            painter->setBrush(selected ? mix(window, accent, 0.22)
                    : hovered          ? mix(window, accent, 0.09)
                                       : QColor(Qt::transparent));
            painter->drawRoundedRect(background.adjusted(0.75, 0.75, -0.75, -0.75), 6, 6);
        }

        const QSize iconSize = option.decorationSize;
        const QRect iconRect(option.rect.left() + OuterMargin + InnerMargin,
            option.rect.top() + (option.rect.height() - iconSize.height()) / 2, iconSize.width(),
            iconSize.height());
        const auto mode = !(option.state & QStyle::State_Enabled) ? QIcon::Disabled
            : selected                                            ? QIcon::Selected
                                                                  : QIcon::Normal;
        index.data(Qt::DecorationRole)
            .value<QIcon>()
            .paint(painter, iconRect, Qt::AlignCenter, mode);

        const int textLeft = iconRect.right() + 1 + Gap;
        int textRight = option.rect.right() - OuterMargin - InnerMargin;
        const QFontMetrics& metrics = option.fontMetrics;
        const QString title = index.data().toString();
        const QString badge = index.data(BadgeRole).toString();
        // Too narrow for a word (a small window): the icons alone. Too narrow for the title and
        // the badge: the title, and the badge on the icon's corner.
        const bool compact = textRight - textLeft < metrics.averageCharWidth() * 8;
        const int fullBadge
            = qMax(metrics.height(), metrics.horizontalAdvance(badge) + metrics.height() * 2 / 3)
            + Gap;
        const bool onIcon
            = compact || metrics.horizontalAdvance(title) + fullBadge > textRight - textLeft;
        if (!badge.isEmpty()) {
            const int height = onIcon ? metrics.height() * 4 / 5 : metrics.height();
            const int width = qMax(height, metrics.horizontalAdvance(badge) + height * 2 / 3);
            const QRectF pill = onIcon
                ? QRectF(qMin<qreal>(iconRect.right() - width / 2.0,
                             option.rect.right() - OuterMargin - width),
                    iconRect.top() - height / 3.0, width, height)
                : QRectF(textRight - width + 1,
                    option.rect.top() + (option.rect.height() - height) / 2.0, width, height);
            const bool urgent = index.data(UrgentRole).toBool();
            const QColor text = palette.color(group, QPalette::WindowText);
            painter->setPen(Qt::NoPen);
            painter->setBrush(urgent ? QColor(0xc6, 0x28, 0x28) : mix(window, text, 0.16));
            painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
            painter->setPen(urgent ? QColor(Qt::white) : text);
            if (onIcon) {
                QFont small = option.font;
                small.setPointSizeF(small.pointSizeF() * 0.8);
                painter->setFont(small);
            } else {
                textRight = int(pill.left()) - Gap;
            }
            painter->drawText(pill, Qt::AlignCenter, badge);
        }
        if (!compact) {
            const QRect textRect(
                textLeft, option.rect.top(), textRight - textLeft, option.rect.height());
            painter->setFont(option.font);
            painter->setPen(palette.color(group, QPalette::WindowText));
            painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                metrics.elidedText(title, Qt::ElideRight, textRect.width()));
        }
        painter->restore();
    }
};

} // namespace

NavigationList::NavigationList(QWidget* parent)
    : QListWidget(parent)
{
    setAccessibleName(tr("Views"));
    setItemDelegate(new NavigationDelegate(this));
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setUniformItemSizes(true);
    setIconSize(QSize(20, 20));
    // As wide as the titles need while the window has room, down to the icons alone in a small
    // window (see minimumSizeHint); never wider.
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Expanding);
    viewport()->setAttribute(Qt::WA_Hover);
    setViewportMargins(0, 6, 0, 6);
    applyPalette();
}

void NavigationList::addView(const MainView& view)
{
    auto* item = new QListWidgetItem(view.title, this);
    item->setData(IconPathRole, view.iconPath);
    // The title too: a narrow list shows only the icons.
    item->setToolTip(view.title + QLatin1String(": ") + view.summary);
    item->setIcon(icon(view.iconPath));
}

void NavigationList::setBadge(int row, const QString& text, bool urgent)
{
    QListWidgetItem* it = item(row);
    if (!it)
        return;
    it->setData(BadgeRole, text);
    it->setData(UrgentRole, urgent);
}

QString NavigationList::badge(int row) const
{
    const QListWidgetItem* it = item(row);
    return it ? it->data(BadgeRole).toString() : QString();
}

QSize NavigationList::sizeHint() const
{
    // Room for the widest title, plus a vertical scroll bar's worth of slack for short windows.
    const int content = qMax(0, sizeHintForColumn(0));
    return QSize(content + 2 * frameWidth() + 12, QListWidget::sizeHint().height());
}

QSize NavigationList::minimumSizeHint() const
{
    return QSize(2 * OuterMargin + 2 * InnerMargin + iconSize().width() + 2 * frameWidth(),
        QListWidget::minimumSizeHint().height());
}

void NavigationList::changeEvent(QEvent* event)
{
    // A theme switch reaches this list as a palette change (its own setPalette() sends one too:
    // applyPalette() then finds nothing new). Later, once the change has reached every widget.
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange
        || event->type() == QEvent::StyleChange)
        QMetaObject::invokeMethod(this, &NavigationList::applyPalette, Qt::QueuedConnection);
    QListWidget::changeEvent(event);
}

// The sidebar takes the window's background; icons are drawn in a softened text colour, the
// selected one in the accent colour.
void NavigationList::applyPalette()
{
    const QPalette base = QApplication::palette(this);
    if (base == m_appliedFrom && base.resolveMask() == m_appliedFrom.resolveMask())
        return;
    m_appliedFrom = base;
    QPalette palette = base;
    for (const auto group : { QPalette::Active, QPalette::Inactive, QPalette::Disabled })
        palette.setColor(group, QPalette::Base, base.color(group, QPalette::Window));
    setPalette(palette);

    for (int row = 0; row < count(); ++row) {
        QListWidgetItem* it = item(row);
        it->setIcon(icon(it->data(IconPathRole).toString()));
    }
}

QIcon NavigationList::icon(const QString& path) const
{
    const QPalette base = QApplication::palette(this);
    const QColor text = base.color(QPalette::Active, QPalette::WindowText);
    const QColor normal = mix(text, base.color(QPalette::Active, QPalette::Window), 0.25);
    return tintedSvgIcon(path, normal, base.color(QPalette::Active, QPalette::Highlight));
}

} // namespace rota
