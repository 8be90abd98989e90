// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "awaypagesbanner.h"

#include "awaypages.h"
#include "look.h"
#include "plaintext.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace rota {

namespace {

// Rows the list shows before it scrolls: the banner must not push the incidents away.
constexpr int VisibleRows = 5;

} // namespace

AwayPagesBanner::AwayPagesBanner(AwayPagesModel* model, QWidget* parent)
    : QFrame(parent)
    , m_model(model)
    , m_label(new QLabel(this))
    , m_toggle(new QToolButton(this))
    , m_dismiss(new QPushButton(tr("Dismiss"), this))
    , m_list(new QTreeView(this))
{
    setObjectName(QStringLiteral("awayPagesBanner"));
    m_label->setObjectName(QStringLiteral("awayPagesLabel"));
    m_toggle->setObjectName(QStringLiteral("awayPagesToggle"));
    m_dismiss->setObjectName(QStringLiteral("awayPagesDismiss"));
    m_list->setObjectName(QStringLiteral("awayPagesList"));
    // A calm note left on the desk, in the Info tone: it is news, not an alarm (all were
    // resolved).
    setFrameShape(QFrame::StyledPanel);
    look::setNoticeLook(this, look::Tone::Info);
    makePlainLabel(m_label);
    m_label->setWordWrap(true);

    auto* icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(16, 16));

    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_dismiss->setToolTip(tr("Clear this list; these incidents are not shown again"));

    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(AwayPagesModel::SummaryColumn, QHeaderView::Interactive);
    usePlainToolTips(m_list); // names and users are the server's words
    look::styleItemView(m_list);
    m_list->hide();

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(icon);
    top->addWidget(m_label, 1);
    top->addWidget(m_toggle);
    top->addWidget(m_dismiss);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_list);

    connect(m_toggle, &QToolButton::toggled, this, &AwayPagesBanner::setExpanded);
    connect(m_dismiss, &QPushButton::clicked, this, [this] {
        setExpanded(false);
        m_model->dismiss();
    });
    connect(m_list, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const QString number = index.data(AwayPagesModel::NumberRole).toString();
        if (!number.isEmpty())
            Q_EMIT openRequested(number);
    });
    connect(m_model, &AwayPagesModel::countChanged, this, &AwayPagesBanner::showState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AwayPagesBanner::showState);
    showState();
}

QString AwayPagesBanner::text() const { return m_label->text(); }

bool AwayPagesBanner::isExpanded() const { return !m_list->isHidden(); }

void AwayPagesBanner::setExpanded(bool expanded)
{
    if (expanded && m_model->count() == 0)
        expanded = false;
    m_list->setVisible(expanded);
    m_toggle->blockSignals(true);
    m_toggle->setChecked(expanded);
    m_toggle->blockSignals(false);
    m_toggle->setText(expanded ? tr("Hide") : tr("Show"));
    m_toggle->setArrowType(expanded ? Qt::UpArrow : Qt::DownArrow);
    if (expanded) {
        for (int column = 0; column < AwayPagesModel::ResolvedColumn; ++column)
            m_list->resizeColumnToContents(column);
        const int rows = qMin(m_model->count(), VisibleRows);
        const int row = m_list->sizeHintForRow(0) > 0 ? m_list->sizeHintForRow(0)
                                                      : fontMetrics().height() + 6;
        m_list->setFixedHeight(
            m_list->header()->sizeHint().height() + rows * row + 2 * m_list->frameWidth() + 2);
    }
}

void AwayPagesBanner::showPage(const QString& incidentNumber)
{
    if (m_model->count() == 0)
        return;
    setExpanded(true);
    const int row = m_model->rowOf(incidentNumber);
    if (row < 0) {
        m_list->clearSelection();
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    m_list->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_list->scrollTo(index);
    m_list->setFocus(Qt::OtherFocusReason);
}

void AwayPagesBanner::showState()
{
    const int count = m_model->count();
    setVisible(count > 0);
    setPlainLabelText(m_label, m_model->summaryText(), MessageChars);
    // Again when open: the list's height follows its rows (and the button its words).
    setExpanded(count > 0 && isExpanded());
}

} // namespace rota
