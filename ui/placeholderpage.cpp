#include "placeholderpage.h"

#include "mainview.h"
#include "tintedsvgicon.h"

#include <QLabel>
#include <QVBoxLayout>

namespace rota {

PlaceholderPage::PlaceholderPage(const MainView& view, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(view.slug);

    const QColor muted = palette().color(QPalette::PlaceholderText);
    auto* icon = new QLabel(this);
    icon->setPixmap(tintedSvgIcon(view.iconPath, muted, muted).pixmap(QSize(64, 64)));
    icon->setAlignment(Qt::AlignCenter);

    auto* title = new QLabel(view.title, this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);
    title->setAccessibleName(view.title);

    auto* summary = new QLabel(view.summary, this);
    summary->setWordWrap(true);
    summary->setAlignment(Qt::AlignCenter);
    summary->setMaximumWidth(summary->fontMetrics().averageCharWidth() * 60);

    auto* note = new QLabel(tr("This view is not built yet."), this);
    note->setAlignment(Qt::AlignCenter);
    QPalette notePalette = note->palette();
    notePalette.setColor(QPalette::WindowText, muted);
    note->setPalette(notePalette);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(icon, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addWidget(title, 0, Qt::AlignHCenter);
    layout->addSpacing(4);
    layout->addWidget(summary, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addWidget(note, 0, Qt::AlignHCenter);
    layout->addStretch(3);
}

} // namespace rota
