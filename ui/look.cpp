// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "look.h"

#include "plaintext.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPointer>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>

#include <algorithm>
#include <typeinfo>

namespace rota {
namespace look {

namespace {

QColor mix(const QColor& a, const QColor& b, double amountOfB)
{
    const auto channel = [amountOfB](int x, int y) { return int(x + (y - x) * amountOfB + 0.5); };
    return QColor(
        channel(a.red(), b.red()), channel(a.green(), b.green()), channel(a.blue(), b.blue()));
}

} // namespace

QPalette darkPalette()
{
    const QColor window(0x31, 0x36, 0x3b);
    const QColor base(0x23, 0x26, 0x29);
    const QColor text(0xfc, 0xfc, 0xfc);
    const QColor disabledText(0x6e, 0x71, 0x75);
    QPalette p(window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Light, QColor(0x46, 0x4c, 0x53));
    p.setColor(QPalette::Midlight, QColor(0x3b, 0x40, 0x46));
    p.setColor(QPalette::Mid, QColor(0x25, 0x29, 0x2c));
    p.setColor(QPalette::Dark, QColor(0x1b, 0x1e, 0x20));
    p.setColor(QPalette::Shadow, QColor(0x0e, 0x10, 0x11));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, text);
    p.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    p.setColor(QPalette::LinkVisited, QColor(0x9b, 0x59, 0xb6));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    for (const auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabledText);
    return p;
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness()
        < palette.color(QPalette::WindowText).lightness();
}

QColor toneColor(Tone tone, const QPalette& palette)
{
    // Two shades per tone: deep on light backgrounds, pale on dark ones, each with a contrast
    // of at least 4.5:1 against the usual window colours of either kind.
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Error:
        return dark ? QColor(0xf2, 0xb8, 0xb5) : QColor(0xb3, 0x26, 0x1e);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xcc, 0x80) : QColor(0x8a, 0x4b, 0x00);
    case Tone::Success:
        return dark ? QColor(0xa5, 0xd6, 0xa7) : QColor(0x1b, 0x6e, 0x20);
    case Tone::Info:
        break;
    }
    return palette.color(QPalette::WindowText);
}

QColor toneBackground(Tone tone, const QPalette& palette)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor accent
        = tone == Tone::Info ? palette.color(QPalette::Highlight) : toneColor(tone, palette);
    return mix(window, accent, isDark(palette) ? 0.18 : 0.12);
}

namespace {

const char* const ToneProperty = "rotaLookTone";
const char* const BackgroundProperty = "rotaLookToneBackground";

QPalette baseOf(const QWidget* widget)
{
    return widget->parentWidget() ? widget->parentWidget()->palette() : QApplication::palette();
}

void applyTone(QWidget* widget)
{
    const QVariant stored = widget->property(ToneProperty);
    if (!stored.isValid())
        return;
    const Tone tone = Tone(stored.toInt());
    const QPalette base = baseOf(widget);
    const QColor text = toneColor(tone, base);
    const bool background = widget->property(BackgroundProperty).toBool();
    const QColor window = toneBackground(tone, base);
    if (widget->palette().color(QPalette::WindowText) == text
        && (!background || widget->palette().color(QPalette::Window) == window))
        return; // also ends the loop of PaletteChange events that setPalette sends
    // Only these roles are set, so the rest still follows the parent (and a change of the
    // parent's palette reaches the widget).
    QPalette palette;
    palette.setResolveMask(0);
    palette.setColor(QPalette::WindowText, text);
    if (background)
        palette.setColor(QPalette::Window, window);
    widget->setPalette(palette);
}

// Keeps a toned label's colour right when the palette changes (a desktop switching to dark):
// once the change has reached every widget, so the parent's palette is the new one.
class ToneKeeper : public QObject {
public:
    using QObject::QObject;

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ParentChange) {
            QPointer<QWidget> widget = qobject_cast<QWidget*>(watched);
            QMetaObject::invokeMethod(
                this,
                [widget] {
                    if (widget)
                        applyTone(widget);
                },
                Qt::QueuedConnection);
        }
        return false;
    }
};

ToneKeeper* toneKeeper()
{
    static QPointer<ToneKeeper> keeper;
    if (!keeper)
        keeper = new ToneKeeper(QCoreApplication::instance());
    return keeper;
}

} // namespace

void setTone(QLabel* label, Tone tone)
{
    if (!label->property(ToneProperty).isValid())
        label->installEventFilter(toneKeeper());
    label->setProperty(ToneProperty, int(tone));
    applyTone(label);
}

void setNoticeLook(QWidget* widget, Tone tone)
{
    if (!widget->property(ToneProperty).isValid())
        widget->installEventFilter(toneKeeper());
    widget->setAutoFillBackground(true);
    widget->setProperty(BackgroundProperty, true);
    widget->setProperty(ToneProperty, int(tone));
    applyTone(widget);
}

void setMessage(QLabel* label, const QString& text, Tone tone)
{
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTone(label, tone);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

int rowHeight(const QWidget* widget) { return widget->fontMetrics().height() + 8; }

namespace {

// A tree or a list has no row height of its own: its rows are as tall as the delegate says.
// Rows that wrap their words may grow beyond it.
class RowHeightDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        if (auto* view = qobject_cast<const QAbstractItemView*>(parent())) {
            const auto* tree = qobject_cast<const QTreeView*>(view);
            const bool wraps = (tree && tree->wordWrap())
                || (qobject_cast<const QListView*>(view)
                    && static_cast<const QListView*>(view)->wordWrap());
            size.setHeight(wraps ? std::max(size.height(), rowHeight(view)) : rowHeight(view));
        }
        return size;
    }
};

// Only a plain delegate is replaced: a view's own delegate draws (and sizes) its rows. The
// dynamic type, not the meta-object: a subclass without Q_OBJECT shares its base's meta-object.
void useRowHeightDelegate(QAbstractItemView* view)
{
    if (QAbstractItemDelegate* delegate = view->itemDelegate();
        delegate && typeid(*delegate) == typeid(QStyledItemDelegate))
        view->setItemDelegate(new RowHeightDelegate(view));
}

} // namespace

void styleItemView(QAbstractItemView* view)
{
    if (auto* table = qobject_cast<QTableView*>(view)) {
        QHeaderView* rows = table->verticalHeader();
        rows->setMinimumSectionSize(rowHeight(view));
        rows->setDefaultSectionSize(rowHeight(view));
        rows->setSectionResizeMode(QHeaderView::Fixed);
        table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    } else if (auto* tree = qobject_cast<QTreeView*>(view)) {
        tree->setUniformRowHeights(!tree->wordWrap());
        useRowHeightDelegate(tree);
        tree->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    } else if (auto* list = qobject_cast<QListView*>(view)) {
        list->setUniformItemSizes(!list->wordWrap());
        useRowHeightDelegate(list);
    }
    view->setAlternatingRowColors(false);
}

QIcon themeIcon(const QString& themeName, QStyle::StandardPixmap fallback, const QWidget* widget)
{
    if (QIcon::hasThemeIcon(themeName))
        return QIcon::fromTheme(themeName);
    return widget->style()->standardIcon(fallback, nullptr, widget);
}

} // namespace look

NoticeBar::NoticeBar(QWidget* parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_icon(new QLabel(this))
    , m_action(new QToolButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("noticeBar"));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    m_text->setObjectName(QStringLiteral("noticeText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    makePlainLabel(m_text);
    layout->addWidget(m_text, 1);
    m_action->setObjectName(QStringLiteral("noticeAction"));
    m_action->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_action->hide();
    layout->addWidget(m_action, 0, Qt::AlignTop);
    m_close->setObjectName(QStringLiteral("noticeClose"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss the message"));
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_action, &QToolButton::clicked, this, &NoticeBar::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT dismissed();
    });
    hide();
}

void NoticeBar::showNotice(const QString& text, look::Tone tone, const QString& actionText)
{
    m_tone = tone;
    setPlainLabelText(m_text, text, MessageChars);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    restyle();
    setVisible(!text.isEmpty());
}

void NoticeBar::clear()
{
    m_text->clear();
    hide();
}

QString NoticeBar::text() const { return m_text->text(); }

void NoticeBar::addWidget(QWidget* widget)
{
    auto* row = static_cast<QHBoxLayout*>(layout());
    row->insertWidget(row->indexOf(m_action), widget, 0, Qt::AlignTop);
}

void NoticeBar::setDismissible(bool dismissible) { m_close->setVisible(dismissible); }

void NoticeBar::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    // The colours follow a palette change by themselves (setNoticeLook); the icon a new style.
    if (event->type() == QEvent::StyleChange)
        restyle();
}

void NoticeBar::restyle()
{
    look::setNoticeLook(this, m_tone);
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    if (m_tone == look::Tone::Warning)
        pixmap = QStyle::SP_MessageBoxWarning;
    else if (m_tone == look::Tone::Error)
        pixmap = QStyle::SP_MessageBoxCritical;
    else if (m_tone == look::Tone::Success)
        pixmap = QStyle::SP_DialogApplyButton;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(size, size));
}

} // namespace rota
