#include "look.h"

#include "plaintext.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>

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

QPalette baseOf(const QWidget* widget)
{
    return widget->parentWidget() ? widget->parentWidget()->palette() : QApplication::palette();
}

void applyTone(QLabel* label)
{
    const QVariant stored = label->property(ToneProperty);
    if (!stored.isValid())
        return;
    const QColor color = toneColor(Tone(stored.toInt()), baseOf(label));
    if (label->palette().color(QPalette::WindowText) == color)
        return; // also ends the loop of PaletteChange events that setPalette sends
    QPalette palette;
    palette.setResolveMask(0);
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

// Keeps a toned label's colour right when the palette changes (a desktop switching to dark):
// once the change has reached every widget, so the parent's palette is the new one.
class ToneKeeper : public QObject {
public:
    using QObject::QObject;

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ParentChange) {
            QPointer<QLabel> label = qobject_cast<QLabel*>(watched);
            QMetaObject::invokeMethod(
                this,
                [label] {
                    if (label)
                        applyTone(label);
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

// A tree has no row height of its own: its rows are as tall as the delegate says.
class RowHeightDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        if (auto* view = qobject_cast<const QWidget*>(parent()))
            size.setHeight(rowHeight(view));
        return size;
    }
};

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
        tree->setUniformRowHeights(true);
        // Only a plain delegate is replaced: a view's own delegate draws (and sizes) its rows.
        if (tree->itemDelegate()
            && tree->itemDelegate()->metaObject() == &QStyledItemDelegate::staticMetaObject)
            tree->setItemDelegate(new RowHeightDelegate(tree));
        tree->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
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
    setAutoFillBackground(true);
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
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        // Later, once a palette change has reached the parent too (it decides light or dark).
        QMetaObject::invokeMethod(this, &NoticeBar::restyle, Qt::QueuedConnection);
    }
}

void NoticeBar::restyle()
{
    // The parent's palette decides light or dark: this bar's own was changed below.
    const QPalette base = look::baseOf(this);
    const QColor window = look::toneBackground(m_tone, base);
    const QColor text = look::toneColor(m_tone, base);
    if (palette().color(QPalette::Window) != window
        || palette().color(QPalette::WindowText) != text) {
        // Only these two roles are set, so the rest still follows the parent (and a change of
        // the parent's palette reaches this bar). Setting them sends a PaletteChange; the
        // comparison above ends that loop.
        QPalette own;
        own.setResolveMask(0);
        own.setColor(QPalette::Window, window);
        own.setColor(QPalette::WindowText, text);
        setPalette(own);
    }
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
