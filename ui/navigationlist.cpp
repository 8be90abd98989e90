#include "navigationlist.h"

#include "mainview.h"
#include "tintedsvgicon.h"

#include <QApplication>
#include <QEvent>

namespace rota {

static constexpr int IconPathRole = Qt::UserRole + 1;

static QColor mix(const QColor& a, const QColor& b, qreal amountOfB)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * amountOfB,
        a.greenF() + (b.greenF() - a.greenF()) * amountOfB,
        a.blueF() + (b.blueF() - a.blueF()) * amountOfB);
}

NavigationList::NavigationList(QWidget* parent)
    : QListWidget(parent)
{
    setAccessibleName(tr("Views"));
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setUniformItemSizes(true);
    setIconSize(QSize(20, 20));
    setSpacing(1);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    applyPalette();
}

void NavigationList::addView(const MainView& view)
{
    auto* item = new QListWidgetItem(view.title, this);
    item->setData(IconPathRole, view.iconPath);
    item->setToolTip(view.summary);
    const int height = qMax(fontMetrics().height(), iconSize().height()) + 16;
    item->setSizeHint(QSize(0, height));
    updateIcons();
}

QSize NavigationList::sizeHint() const
{
    int textWidth = 0;
    for (int row = 0; row < count(); ++row)
        textWidth = qMax(textWidth, fontMetrics().horizontalAdvance(item(row)->text()));
    // Icon, the gaps the item delegate leaves around icon and text, and some air on the right.
    return QSize(textWidth + iconSize().width() + 56, QListWidget::sizeHint().height());
}

void NavigationList::changeEvent(QEvent* event)
{
    // Our own setPalette() sends PaletteChange; only a new application palette (a theme switch)
    // calls for new colours.
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    QListWidget::changeEvent(event);
}

// The sidebar takes the window's background, and the selection a light tint of the accent colour
// with normal text, as sidebars do; the selected icon keeps the accent colour.
void NavigationList::applyPalette()
{
    const QPalette base = QApplication::palette(this);
    QPalette palette = base;
    for (const auto group : { QPalette::Active, QPalette::Inactive }) {
        const QColor window = base.color(group, QPalette::Window);
        palette.setColor(group, QPalette::Base, window);
        palette.setColor(group, QPalette::Highlight,
            mix(window, base.color(QPalette::Active, QPalette::Highlight), 0.22));
        palette.setColor(group, QPalette::HighlightedText, base.color(group, QPalette::WindowText));
    }
    setPalette(palette);
    updateIcons();
}

void NavigationList::updateIcons()
{
    const QPalette base = QApplication::palette(this);
    const QColor text = base.color(QPalette::Active, QPalette::WindowText);
    const QColor icon = mix(text, base.color(QPalette::Active, QPalette::Window), 0.25);
    const QColor accent = base.color(QPalette::Active, QPalette::Highlight);
    for (int row = 0; row < count(); ++row) {
        QListWidgetItem* it = item(row);
        it->setIcon(tintedSvgIcon(it->data(IconPathRole).toString(), icon, accent));
    }
}

} // namespace rota
