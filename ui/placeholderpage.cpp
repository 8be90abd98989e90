// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "placeholderpage.h"

#include "mainview.h"
#include "tintedsvgicon.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace rota {

PlaceholderPage::PlaceholderPage(const MainView& view, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(view.slug);
    const QColor muted = palette().color(QPalette::PlaceholderText);

    // A column of readable width: the labels fill it and centre their text, so that wrapped lines
    // get the height they need.
    auto* column = new QWidget(this);
    column->setMaximumWidth(fontMetrics().averageCharWidth() * 64);

    auto* icon = new QLabel(column);
    icon->setPixmap(tintedSvgIcon(view.iconPath, muted, muted).pixmap(QSize(64, 64)));
    icon->setAlignment(Qt::AlignCenter);

    auto* title = new QLabel(view.title, column);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto* summary = new QLabel(view.summary, column);
    summary->setWordWrap(true);
    summary->setAlignment(Qt::AlignCenter);

    auto* note = new QLabel(tr("This view is not built yet."), column);
    note->setAlignment(Qt::AlignCenter);
    QPalette notePalette = note->palette();
    notePalette.setColor(QPalette::WindowText, muted);
    note->setPalette(notePalette);

    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(0);
    columnLayout->addWidget(icon);
    columnLayout->addSpacing(12);
    columnLayout->addWidget(title);
    columnLayout->addSpacing(6);
    columnLayout->addWidget(summary);
    columnLayout->addSpacing(16);
    columnLayout->addWidget(note);

    // The column takes most of a narrow page and its maximum width on a wide one.
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 6);
    row->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
}

} // namespace rota
