// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "incidentsview.h"

#include "accountstore.h"
#include "connectionstatus.h"
#include "createincidentdialog.h"
#include "flowlayout.h"
#include "incidentactions.h"
#include "incidentdetailpane.h"
#include "incidentmodel.h"
#include "incidentnotes.h"
#include "incidentnotescontroller.h"
#include "incidentphasestyle.h"
#include "incidentpoller.h"
#include "look.h"
#include "plaintext.h"
#include "reroutedialog.h"
#include "resolveallquestion.h"
#include "stakeholderdialog.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace rota {

namespace {

using Pending = IncidentModel::PendingAction;

constexpr Phase FilterPhases[3] = { Phase::Triggered, Phase::Acknowledged, Phase::Resolved };

// The phase column in the phase's colour with its icon; rows waiting for the server in italics
// with a waiting icon (an action whose answer was lost says "not confirmed yet" in words); rows
// the server refused with an error icon (the tooltip says why).
class IncidentRowDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const bool pending = index.data(IncidentModel::PendingRole).toInt() != 0;
        const bool failed = !index.data(IncidentModel::ErrorRole).toString().isEmpty();
        if (pending) {
            option->font.setItalic(true);
            QColor faded = option->palette.color(QPalette::Text);
            faded.setAlphaF(0.6);
            option->palette.setColor(QPalette::Text, faded);
        }
        if (index.column() == IncidentModel::NumberColumn
            && index.data(IncidentModel::UnreadChatRole).toBool()) {
            // Chat not read yet: a mark beside the number, which reads bold.
            option->icon = unreadChatIcon();
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->font.setBold(true);
        }
        if (index.column() != IncidentModel::PhaseColumn)
            return;
        const auto phase = static_cast<Phase>(index.data(IncidentModel::PhaseRole).toInt());
        option->icon = failed ? errorIcon() : pending ? pendingIcon() : phaseIcon(phase);
        option->features |= QStyleOptionViewItem::HasDecoration;
        if (!pending)
            option->palette.setColor(QPalette::Text, phaseColor(phase));
        if (phase == Phase::Triggered)
            option->font.setBold(true);
        if (pending && !index.data(IncidentModel::UnconfirmedRole).toBool())
            option->text += QStringLiteral(" …");
    }
};

// Keeps the incidents table's Summary column readable: it takes the room the other columns
// leave, but in a narrow table it keeps a readable width and the other columns scroll sideways
// instead of squeezing it to nothing.
class SummaryColumnFitter : public QObject {
public:
    SummaryColumnFitter(QTableView* table, int column)
        : QObject(table)
        , m_table(table)
        , m_column(column)
    {
        table->viewport()->installEventFilter(this);
        connect(table->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int logical) {
            if (logical != m_column)
                fit();
        });
    }

    void fit()
    {
        QHeaderView* header = m_table->horizontalHeader();
        int others = 0;
        for (int column = 0; column < header->count(); ++column) {
            if (column != m_column && !header->isSectionHidden(column))
                others += header->sectionSize(column);
        }
        const int readable = m_table->fontMetrics().averageCharWidth() * 30;
        const bool roomy = m_table->viewport()->width() - others >= readable;
        header->setSectionResizeMode(
            m_column, roomy ? QHeaderView::Stretch : QHeaderView::Interactive);
        if (!roomy && header->sectionSize(m_column) != readable)
            header->resizeSection(m_column, readable);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Resize)
            fit();
        return QObject::eventFilter(watched, event);
    }

private:
    QTableView* m_table;
    int m_column;
};

QString phaseButtonText(Phase phase, int count)
{
    return phaseDisplayName(phase) + QLatin1String(" (") + QString::number(count)
        + QLatin1Char(')');
}

} // namespace

IncidentsView::IncidentsView(IncidentModel* model, IncidentPoller* poller, IncidentActions* actions,
    IncidentNotes* notes, IncidentNotesController* notesController, OrgDirectory* directory,
    QWidget* parent)
    : QWidget(parent)
    , m_directory(directory)
    , m_model(model)
    , m_poller(poller)
    , m_actions(actions)
    , m_filter(new IncidentFilterModel(this))
{
    m_filter->setSourceModel(model);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(4);

    createActions();
    m_toolBar = new QToolBar(tr("Incident actions"));
    // Words beside each icon: the icons help the eye find a button, the words say what it does.
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    const auto icon = [this](const char* name, QStyle::StandardPixmap fallback) {
        return look::themeIcon(QString::fromLatin1(name), fallback, this);
    };
    m_ack->setIcon(icon("mail-mark-read", QStyle::SP_DialogYesButton));
    m_resolve->setIcon(icon("dialog-ok", QStyle::SP_DialogApplyButton));
    m_reroute->setIcon(icon("mail-forward", QStyle::SP_ArrowRight));
    // Small icons, and none on the two "all paging me" actions (their words tell them apart from
    // Acknowledge and Resolve): so the whole toolbar, Details too, fits a 1,200 px window.
    const int small = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_toolBar->setIconSize(QSize(small, small));
    m_create->setIcon(icon("document-new", QStyle::SP_FileIcon));
    m_refresh->setIcon(icon("view-refresh", QStyle::SP_BrowserReload));
    m_openWeb->setIcon(icon("internet-web-browser", QStyle::SP_DriveNetIcon));
    m_toolBar->addAction(m_ack);
    m_toolBar->addAction(m_resolve);
    m_toolBar->addAction(m_reroute);
    m_notify->setIcon(icon("mail-send", QStyle::SP_MessageBoxInformation));
    // Its icon alone (the tooltip and the context menu have the words): with words the toolbar
    // would no longer fit a 1,200 px window.
    auto* notify = new QToolButton;
    notify->setDefaultAction(m_notify);
    notify->setToolButtonStyle(Qt::ToolButtonIconOnly);
    notify->setAutoRaise(true);
    notify->setFocusPolicy(Qt::NoFocus); // as the toolbar's own buttons: Tab skips them
    m_toolBar->addWidget(notify);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_ackAll);
    m_toolBar->addAction(m_resolveAll);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_create);
    m_toolBar->addAction(m_refresh);
    layout->addWidget(m_toolBar);
    layout->addWidget(createFilterBar());

    // "Only these": the incidents of a notification about several, until Show all.
    auto* onlyFrame = new QFrame;
    onlyFrame->setFrameShape(QFrame::StyledPanel);
    m_onlyBar = onlyFrame;
    m_onlyBar->setObjectName(QStringLiteral("incidentOnlyBar"));
    auto* onlyLayout = new QHBoxLayout(m_onlyBar);
    onlyLayout->setContentsMargins(8, 4, 4, 4);
    m_onlyLabel = new QLabel;
    makePlainLabel(m_onlyLabel);
    m_onlyLabel->setWordWrap(true);
    onlyLayout->addWidget(m_onlyLabel, 1);
    auto* showAll = new QToolButton;
    showAll->setObjectName(QStringLiteral("showAllButton"));
    showAll->setText(tr("Show all"));
    showAll->setAutoRaise(true);
    onlyLayout->addWidget(showAll);
    connect(showAll, &QToolButton::clicked, this, [this] { showOnly({}); });
    m_onlyBar->hide();
    // Esc goes back to the filters, only while the bar is up (else Esc is the children's).
    m_onlyEscape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    m_onlyEscape->setContext(Qt::WidgetWithChildrenShortcut);
    m_onlyEscape->setEnabled(false);
    connect(m_onlyEscape, &QShortcut::activated, this, [this] { showOnly({}); });
    layout->addWidget(m_onlyBar);

    // The message bar: failed actions, in words, until dismissed.
    m_messageBar = new NoticeBar;
    m_messageBar->setObjectName(QStringLiteral("incidentMessageBar"));
    m_message = m_messageBar->findChild<QLabel*>(QStringLiteral("noticeText"));
    // What the server said is shown as written, never as markup.
    if (m_message)
        makePlainLabel(m_message);
    layout->addWidget(m_messageBar);

    m_table = new QTableView;
    m_table->setAccessibleName(tr("Incidents"));
    m_table->setModel(m_filter);
    m_table->setItemDelegate(new IncidentRowDelegate(m_table));
    usePlainToolTips(m_table);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(IncidentModel::StartedColumn, Qt::DescendingOrder);
    look::styleItemView(m_table);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    // Tab moves on to the detail pane; the arrow keys move between cells.
    m_table->setTabKeyNavigation(false);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(IncidentModel::SummaryColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(m_table->fontMetrics().averageCharWidth() * 4);
    // Who acknowledged it beside who was paged.
    header->moveSection(header->visualIndex(IncidentModel::AcknowledgedByColumn),
        header->visualIndex(IncidentModel::PagedColumn) + 1);
    header->setSectionHidden(IncidentModel::RoutingKeyColumn, true);
    header->setSectionHidden(IncidentModel::HostColumn, true);
    header->setSectionHidden(IncidentModel::LastAlertColumn, true);
    // A column the user widens or narrows stays so; the others follow their contents.
    connect(header, &QHeaderView::sectionResized, this, [this](int column) {
        if (!m_fitting && column != IncidentModel::SummaryColumn
            && m_table->horizontalHeader()->sectionResizeMode(column) == QHeaderView::Interactive)
            m_sizedByUser.insert(column);
    });
    fitColumns();
    new SummaryColumnFitter(m_table, IncidentModel::SummaryColumn);
    // Columns on and off from the header's menu.
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint& pos) {
        QMenu menu;
        for (int column = 0; column < IncidentModel::ColumnCount; ++column) {
            if (column == IncidentModel::SummaryColumn)
                continue;
            QAction* toggle
                = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
            toggle->setCheckable(true);
            toggle->setChecked(!header->isSectionHidden(column));
            connect(toggle, &QAction::toggled, this, [this, header, column](bool shown) {
                header->setSectionHidden(column, !shown);
                fitColumns();
            });
        }
        menu.exec(header->mapToGlobal(pos));
    });

    m_empty = new QLabel;
    m_empty->setAlignment(Qt::AlignCenter);
    // Rich text for the link; what the server said is escaped into it (updateEmptyState).
    m_empty->setTextFormat(Qt::RichText);
    m_empty->setWordWrap(true);
    connect(m_empty, &QLabel::linkActivated, this, &IncidentsView::clearFilters);
    m_tableStack = new QStackedWidget;
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(m_empty);

    m_detail = new IncidentDetailPane(notes, notesController);
    m_detail->setDirectory(m_directory);
    m_detail->setActions(m_ack, m_resolve, m_reroute, m_openWeb);
    // The service names the organisation in every alert: it stands in for an unset slug.
    connect(notes, &IncidentNotes::alertStateChanged, this, [this, notes] {
        if (notes->alertState() != IncidentNotes::LoadState::Loaded)
            return;
        const QString org
            = notes->alert().rawObject().value(QLatin1String("VO_ORGANIZATION_ID")).toString();
        if (!org.isEmpty() && org != m_alertOrgSlug) {
            m_alertOrgSlug = org;
            updateOpenWeb();
        }
    });
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->addWidget(m_tableStack);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ 700, 320 });
    // In a small window the detail pane folds away, by dragging the handle to the edge or with
    // the Details toggle (F8), and the table takes its room; the table itself never folds. With
    // no incident selected the pane has nothing to say: it steps aside for the table's columns.
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setCollapsible(1, true);
    auto* details = m_detailsToggle = new QAction(tr("&Details"), this);
    details->setObjectName(QStringLiteral("toggleDetailsAction"));
    details->setCheckable(true);
    details->setChecked(true);
    details->setShortcut(QKeySequence(Qt::Key_F8));
    details->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    details->setToolTip(tr("Show or hide the incident details beside the table (F8)"));
    details->setIcon(look::themeIcon(
        QStringLiteral("document-properties"), QStyle::SP_FileDialogDetailedView, this));
    addAction(details);
    connect(details, &QAction::toggled, this, [this](bool shown) {
        m_detail->setVisible(shown);
        const QList<int> sizes = m_splitter->sizes();
        if (shown && sizes.value(1) == 0) {
            // Folded away by the handle: open it at its width, the table keeping the rest.
            const int pane = qMax(m_detail->minimumSizeHint().width(), sizes.value(0) * 2 / 5);
            m_splitter->setSizes({ sizes.value(0) - pane, pane });
        }
    });
    connect(m_splitter, &QSplitter::splitterMoved, details,
        [this, details] { details->setChecked(m_splitter->sizes().value(1) > 0); });
    m_toolBar->addSeparator();
    m_toolBar->addAction(details);
    layout->addWidget(m_splitter, 1);

    m_status = new QLabel;
    m_status->setContentsMargins(2, 2, 2, 4);
    makePlainLabel(m_status);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_contextMenu = new QMenu(this);
    m_contextMenu->addAction(m_ack);
    m_contextMenu->addAction(m_resolve);
    m_contextMenu->addAction(m_reroute);
    m_contextMenu->addAction(m_notify);
    m_contextMenu->addAction(m_openWeb);
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(m_ackAll);
    m_contextMenu->addAction(m_resolveAll);
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(m_create);
    m_contextMenu->addAction(m_refresh);
    connect(m_table, &QWidget::customContextMenuRequested, this, &IncidentsView::showContextMenu);

    m_choicesTimer = new QTimer(this);
    m_choicesTimer->setSingleShot(true);
    m_choicesTimer->setInterval(150);
    connect(m_choicesTimer, &QTimer::timeout, this, &IncidentsView::updateChoices);

    // Follow the model.
    connect(m_model, &IncidentModel::countsChanged, this, &IncidentsView::updateCounts);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateDetail();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) {
            // The incident looked at stays in view whatever becomes of it (acknowledged,
            // resolved), until the user moves on.
            m_filter->setPinned(current.data(IncidentModel::NumberRole).toString());
            updateDetail();
        });
    connect(m_filter, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex&, const QModelIndex&, const QList<int>& roles) {
            // The minute tick changes only the relative times.
            if (roles.size() == 1 && roles.constFirst() == Qt::DisplayRole)
                return;
            updateActions();
            updateDetail();
            m_choicesTimer->start();
        });
    for (const auto signal :
        { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_filter, signal, this, [this] {
            updateEmptyState();
            updateActions();
        });
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        updateEmptyState();
        updateActions();
        updateDetail();
    });
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &IncidentsView::updateEmptyState);
    for (const auto signal :
        { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_model, signal, m_choicesTimer, qOverload<>(&QTimer::start));
    connect(m_model, &QAbstractItemModel::modelReset, m_choicesTimer, qOverload<>(&QTimer::start));

    connect(m_poller, &IncidentPoller::statusTextChanged, this, &IncidentsView::updateStatus);
    connect(m_poller, &IncidentPoller::stateChanged, this, &IncidentsView::updateStatus);
    connect(m_poller, &IncidentPoller::refreshingChanged, this, &IncidentsView::updateStatus);
    connect(m_poller, &IncidentPoller::refreshed, this, [this] {
        updateEmptyState();
        // The service answers: what the detail pane could not load is worth another try.
        m_detail->notesController()->retryFailed();
        if (!m_wanted.isEmpty() && m_model->rowOf(m_wanted) >= 0) {
            const QString wanted = m_wanted;
            m_wanted.clear();
            showIncident(wanted);
        }
    });
    connect(m_poller, &IncidentPoller::refreshFailed, this, &IncidentsView::updateEmptyState);

    connect(m_actions, &IncidentActions::actionFailed, this, &IncidentsView::showMessage);
    connect(m_actions, &IncidentActions::outcomeUnknown, this,
        [this](IncidentActions::Action, const QStringList&, const QString& message) {
            showMessage(message);
            updateActions();
        });
    connect(m_actions, &IncidentActions::actionFinished, this,
        [this](IncidentActions::Action, const QStringList&, const QStringList& refused) {
            if (refused.isEmpty()) {
                updateActions();
                return;
            }
            const int row = m_model->rowOf(refused.constFirst());
            const QString why = row >= 0 ? m_model->errorAt(row) : QString();
            if (refused.size() == 1) {
                showMessage(
                    tr("Splunk On-Call refused incident #%1: %2")
                        .arg(refused.constFirst(), why.isEmpty() ? tr("no reason given") : why));
            } else {
                showMessage(tr("Splunk On-Call refused %n incident(s); their rows say why.",
                    nullptr, static_cast<int>(refused.size())));
            }
            updateActions();
        });

    updateCounts();
    updateChoices();
    updateEmptyState();
    updateStatus();
    updateDetail();
}

IncidentsView::~IncidentsView() = default;

void IncidentsView::createActions()
{
    const auto make = [this](const QString& text, const QList<QKeySequence>& keys, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_ack
        = make(tr("&Acknowledge"), { QKeySequence(Qt::Key_A), QKeySequence(Qt::CTRL | Qt::Key_K) },
            &IncidentsView::acknowledgeSelected);
    m_resolve = make(tr("&Resolve…"),
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), QKeySequence(Qt::Key_R) },
        &IncidentsView::resolveSelected);
    m_reroute = make(
        tr("R&eroute…"), { QKeySequence(Qt::CTRL | Qt::Key_E) }, &IncidentsView::rerouteSelected);
    m_ackAll = make(tr("Ack all paging me"), { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K) },
        &IncidentsView::acknowledgeAllPagingMe);
    m_resolveAll = make(tr("Resolve all paging me"),
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D) }, &IncidentsView::resolveAllPagingMe);
    m_create = make(
        tr("&New incident…"), { QKeySequence(Qt::CTRL | Qt::Key_N) }, &IncidentsView::newIncident);
    m_refresh = make(tr("Re&fresh"), { QKeySequence(Qt::Key_F5) }, &IncidentsView::refresh);
    m_openWeb = make(tr("&Open in Splunk On-Call"), { QKeySequence(Qt::CTRL | Qt::Key_O) },
        &IncidentsView::openInWebApp);
    m_openWeb->setObjectName(QStringLiteral("openWebAction"));
    m_notify = make(tr("Notify &stakeholders…"), { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S) },
        &IncidentsView::notifyStakeholders);
    m_notify->setObjectName(QStringLiteral("notifyStakeholdersAction"));
    m_notify->setIconText(tr("Notify"));
    m_create->setToolTip(tr("Open an incident by hand and page someone (Ctrl+N)"));
    m_refresh->setToolTip(tr("Load the incidents now (F5)"));
    auto* find = new QAction(tr("Find"), this);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(find);
}

QWidget* IncidentsView::createFilterBar()
{
    // The filters wrap onto a second row in a narrow window; the phases stay together.
    auto* bar = new QWidget;
    bar->setObjectName(QStringLiteral("incidentFilterBar"));
    auto* layout = new FlowLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* phases = new QWidget;
    auto* phaseLayout = new QHBoxLayout(phases);
    phaseLayout->setContentsMargins(0, 0, 8, 0);
    for (int i = 0; i < 3; ++i) {
        auto* button = new QToolButton;
        button->setCheckable(true);
        button->setChecked(true);
        button->setIcon(phaseIcon(FilterPhases[i]));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setToolTip(
            tr("Show %1 incidents").arg(phaseDisplayName(FilterPhases[i]).toLower()));
        connect(button, &QToolButton::toggled, this, [this, button](bool checked) {
            if (!checked) {
                bool any = false;
                for (QToolButton* other : m_phaseButtons)
                    any = any || other->isChecked();
                if (!any) {
                    // Some phase is always shown: unticking the last one is undone.
                    const QSignalBlocker block(button);
                    button->setChecked(true);
                    return;
                }
            }
            applyPhases();
        });
        m_phaseButtons[i] = button;
        phaseLayout->addWidget(button);
    }
    layout->addWidget(phases);

    m_scope = new QComboBox;
    m_scope->addItem(tr("All incidents"), int(IncidentFilterModel::Scope::All));
    m_scope->addItem(tr("Paging me"), int(IncidentFilterModel::Scope::PagingMe));
    m_scope->addItem(tr("My teams"), int(IncidentFilterModel::Scope::MyTeams));
    m_scope->setToolTip(tr("Whose incidents to show (Paging me: the triggered incidents paging "
                           "you, as many as the badge says)"));
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setScope(static_cast<IncidentFilterModel::Scope>(m_scope->currentData().toInt()));
    });
    layout->addWidget(m_scope);

    m_routingKey = new QComboBox;
    m_routingKey->setToolTip(tr("Only incidents with this routing key"));
    // As wide as a usual key or service; a longer one shows whole in the open list.
    m_routingKey->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_routingKey->setMinimumContentsLength(14);
    connect(m_routingKey, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setRoutingKey(m_routingKey->currentData().toString()); });
    layout->addWidget(m_routingKey);

    m_service = new QComboBox;
    m_service->setToolTip(tr("Only incidents of this service"));
    m_service->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_service->setMinimumContentsLength(14);
    connect(m_service, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setService(m_service->currentData().toString()); });
    layout->addWidget(m_service);

    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search number, summary, host, service (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search incidents"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
    m_search->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(m_search, &QLineEdit::textChanged, m_filter, &IncidentFilterModel::setText);
    layout->addWidget(m_search);
    return bar;
}

QToolButton* IncidentsView::phaseButton(Phase phase) const
{
    for (int i = 0; i < 3; ++i) {
        if (FilterPhases[i] == phase)
            return m_phaseButtons[i];
    }
    return nullptr;
}

void IncidentsView::applyPhases()
{
    QSet<Phase> phases;
    for (int i = 0; i < 3; ++i) {
        if (m_phaseButtons[i]->isChecked())
            phases.insert(FilterPhases[i]);
    }
    // All ticked: every phase, including one this client does not know.
    m_filter->setPhases(phases.size() == 3 ? QSet<Phase>() : phases);
}

QString IncidentsView::badgeText(const IncidentModel& model)
{
    const int paging = model.countPagingMe(Phase::Triggered);
    return paging > 0 ? QString::number(paging) : QString();
}

bool IncidentsView::badgeUrgent(const IncidentModel& model)
{
    return model.countPagingMe(Phase::Triggered) > 0;
}

void IncidentsView::updateCounts()
{
    for (int i = 0; i < 3; ++i)
        m_phaseButtons[i]->setText(
            phaseButtonText(FilterPhases[i], m_model->count(FilterPhases[i])));
    // The badge's number: the same count, the same words.
    m_scope->setItemText(m_scope->findData(int(IncidentFilterModel::Scope::PagingMe)),
        tr("Paging me (%1)").arg(m_model->countPagingMe(Phase::Triggered)));
    updateActions();
    Q_EMIT badgeChanged(badgeText(*m_model), badgeUrgent(*m_model));
}

QStringList IncidentsView::selectedNumbers() const
{
    QStringList numbers;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    QList<QPair<int, QString>> ordered;
    for (const QModelIndex& index : rows)
        ordered.append({ index.row(), index.data(IncidentModel::NumberRole).toString() });
    std::sort(ordered.begin(), ordered.end());
    for (const auto& entry : std::as_const(ordered))
        numbers.append(entry.second);
    return numbers;
}

void IncidentsView::updateActions()
{
    int triggered = 0;
    int open = 0;
    int busy = 0;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows) {
        if (index.data(IncidentModel::PendingRole).toInt() != 0) {
            ++busy;
            continue;
        }
        const auto phase = static_cast<Phase>(index.data(IncidentModel::PhaseRole).toInt());
        if (phase == Phase::Triggered)
            ++triggered;
        if (phase == Phase::Triggered || phase == Phase::Acknowledged)
            ++open;
    }
    const auto set = [](QAction* action, int count, const QString& enabled, const QString& why) {
        action->setEnabled(count > 0);
        action->setToolTip(count > 0 ? enabled : why);
    };
    const QString waiting
        = busy > 0 ? tr(" (the other selected incidents are waiting for an answer)") : QString();
    set(m_ack, triggered, tr("Acknowledge %n selected incident(s) (A, Ctrl+K)", nullptr, triggered),
        tr("Select a triggered incident to acknowledge it") + waiting);
    set(m_resolve, open, tr("Resolve %n selected incident(s) (R, Ctrl+Shift+R)", nullptr, open),
        tr("Select an open incident to resolve it") + waiting);
    set(m_reroute, open, tr("Page others for %n selected incident(s) (Ctrl+E)", nullptr, open),
        tr("Select an open incident to reroute it") + waiting);
    const int pagingTriggered = m_model->countPagingMe(Phase::Triggered);
    const int pagingOpen = pagingTriggered + m_model->countPagingMe(Phase::Acknowledged);
    set(m_ackAll, pagingTriggered,
        tr("Acknowledge the %n triggered incident(s) paging you (Ctrl+Shift+K)", nullptr,
            pagingTriggered),
        tr("No triggered incident is paging you"));
    set(m_resolveAll, pagingOpen,
        tr("Resolve the %n open incident(s) paging you (Ctrl+Shift+D)", nullptr, pagingOpen),
        tr("No open incident is paging you"));
    const bool one = rows.size() == 1 && m_messenger;
    m_notify->setEnabled(one);
    m_notify->setToolTip(one ? tr("Tell people who follow the selected incident how it goes, "
                                  "without paging them (Ctrl+Shift+S)")
                             : tr("Select one incident to notify its stakeholders"));
}

void IncidentsView::updateDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row())) {
        m_detail->clear();
        m_detail->hide();
        updateOpenWeb();
        return;
    }
    if (m_detailsToggle->isChecked() && m_detail->isHidden())
        m_detail->show();
    const QModelIndex index = current.siblingAtColumn(0);
    m_detail->setIncident(index.data(IncidentModel::IncidentRole).value<Incident>(),
        index.data(IncidentModel::ErrorRole).toString(),
        index.data(IncidentModel::PendingRole).toInt() != 0);
    updateOpenWeb();
}

void IncidentsView::setWebAppSlug(const QString& slug)
{
    m_webAppSlug = Account::webAppSlugFrom(slug);
    updateOpenWeb();
}

QString IncidentsView::webAppSlug() const
{
    return m_webAppSlug.isEmpty() ? m_alertOrgSlug : m_webAppSlug;
}

QUrl IncidentsView::webAppUrl() const
{
    return Account::webAppIncidentUrl(webAppSlug(), m_detail->incidentNumber());
}

void IncidentsView::setUrlOpener(std::function<void(const QUrl&)> open)
{
    m_detail->setUrlOpener(std::move(open));
}

void IncidentsView::updateOpenWeb()
{
    const QUrl url = webAppUrl();
    m_openWeb->setEnabled(url.isValid());
    if (webAppSlug().isEmpty())
        m_openWeb->setToolTip(
            tr("Rota does not know your organisation in the Splunk On-Call web app: set it with "
               "Account ▸ Web app organisation… (\"Organisation (web app)\" when signing in), the "
               "part after /ui/ in the web app's address."));
    else if (!url.isValid())
        m_openWeb->setToolTip(tr("Select an incident to open it in the Splunk On-Call web app"));
    else
        m_openWeb->setToolTip(
            tr("Open incident #%1 in the Splunk On-Call web app, where its chat is (Ctrl+O)")
                .arg(m_detail->incidentNumber()));
}

void IncidentsView::openInWebApp()
{
    const QUrl url = webAppUrl();
    if (url.isValid())
        m_detail->openLink(url.toString(QUrl::FullyEncoded));
}

void IncidentsView::fitColumns()
{
    // Each column as wide as its contents (what the rows show now), within sensible bounds; the
    // Summary takes the rest (SummaryColumnFitter).
    QHeaderView* header = m_table->horizontalHeader();
    const int chars = m_table->fontMetrics().averageCharWidth();
    // The longest phase in bold beside its icon.
    QFont bold = m_table->font();
    bold.setBold(true);
    const int phaseWidth
        = QFontMetrics(bold).horizontalAdvance(phaseDisplayName(Phase::Acknowledged)) + 40;
    m_fitting = true;
    for (int column = 0; column < IncidentModel::ColumnCount; ++column) {
        if (column == IncidentModel::SummaryColumn || header->isSectionHidden(column)
            || m_sizedByUser.contains(column))
            continue;
        int least = chars * 6;
        int most = chars * 18;
        if (column == IncidentModel::NumberColumn) // a large org's numbers have six digits and more
            most = m_table->fontMetrics().horizontalAdvance(QStringLiteral("00000000")) + chars * 2;
        else if (column == IncidentModel::PhaseColumn)
            least = phaseWidth; // whatever rows are loaded yet
        const QAbstractItemView* view = m_table; // the table's own override is protected
        const int wanted = qMax(view->sizeHintForColumn(column), header->sectionSizeHint(column));
        header->resizeSection(column, qBound(least, wanted, qMax(least, most)));
    }
    m_fitting = false;
}

void IncidentsView::updateEmptyState()
{
    if (m_filter->rowCount() > 0) {
        m_tableStack->setCurrentWidget(m_table);
        return;
    }
    QString text;
    const bool anyOpen
        = m_model->count(Phase::Triggered) > 0 || m_model->count(Phase::Acknowledged) > 0;
    if (m_model->rowCount() > 0 && anyOpen) {
        text = tr("No incidents match the filter.") + QLatin1String("<br><a href=\"clear\">")
            + tr("Show all incidents") + QLatin1String("</a>");
    } else if (!m_poller->lastUpdated().isValid()) {
        text = m_poller->state() == IncidentPoller::State::Active
                || m_poller->state() == IncidentPoller::State::Stopped
            ? tr("Loading the incidents…")
            : breakable(clipped(m_poller->statusText(), MessageChars)).toHtmlEscaped();
    } else {
        // Only resolved incidents are left, and the filter hides them: nothing is open.
        text = tr("No open incidents — all clear.");
    }
    m_empty->setText(text);
    m_tableStack->setCurrentWidget(m_empty);
}

void IncidentsView::updateChoices()
{
    fitColumns();
    QSet<QString> keys;
    QSet<QString> services;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Incident& incident = m_model->incidentAt(row);
        if (!incident.routingKey.isEmpty())
            keys.insert(incident.routingKey);
        if (!incident.service.isEmpty())
            services.insert(incident.service);
    }
    const auto refill = [](QComboBox* combo, QSet<QString> values, const QString& any) {
        const QString current = combo->currentData().toString();
        // What is chosen stays a choice, even when no incident has it right now.
        if (!current.isEmpty())
            values.insert(current);
        QStringList sorted(values.begin(), values.end());
        sorted.sort(Qt::CaseInsensitive);
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(any, QString());
        for (const QString& value : std::as_const(sorted))
            combo->addItem(value, value);
        combo->setCurrentIndex(qMax(0, combo->findData(current)));
    };
    refill(m_routingKey, keys, tr("Any routing key"));
    refill(m_service, services, tr("Any service"));
}

void IncidentsView::setConnectionStatus(ConnectionStatus* status)
{
    disconnect(m_connectionChanged);
    m_connection = status;
    if (status)
        m_connectionChanged
            = connect(status, &ConnectionStatus::changed, this, &IncidentsView::updateStatus);
    updateStatus();
}

void IncidentsView::updateStatus()
{
    const IncidentPoller::State state = m_poller->state();
    const bool paused = state == IncidentPoller::State::Offline
        || state == IncidentPoller::State::Throttled || state == IncidentPoller::State::AuthFailed
        || state == IncidentPoller::State::Failed;
    // One truth: when the whole connection is down, the words of the status bar (and how old
    // the rows are); otherwise what became of the incidents' own refresh.
    QString text = m_poller->statusText();
    if (m_connection && m_connection->isDown()) {
        text = m_connection->text();
        if (m_poller->lastUpdated().isValid())
            text += QLatin1Char(' ')
                + tr("Incidents as of %1.")
                      .arg(QLocale().toString(
                          m_poller->lastUpdated().toLocalTime().time(), QLocale::ShortFormat));
    }
    if (m_poller->isRefreshing())
        text = tr("Refreshing the incidents…") + QLatin1Char(' ') + text;
    const bool bad = paused || (m_connection && !m_connection->isAnswering());
    setPlainLabelText(m_status, text, MessageChars);
    look::setMessage(m_status, m_status->text(), bad ? look::Tone::Error : look::Tone::Info);
    m_refresh->setText(m_poller->isRefreshing() ? tr("Re&freshing…") : tr("Re&fresh"));
    if (m_model->rowCount() == 0)
        updateEmptyState();
}

void IncidentsView::showMessage(const QString& text)
{
    m_messageBar->showNotice(breakable(clipped(text, MessageChars)), look::Tone::Error);
}

void IncidentsView::clearFilters()
{
    for (QToolButton* button : m_phaseButtons)
        button->setChecked(true);
    m_scope->setCurrentIndex(0);
    m_routingKey->setCurrentIndex(0);
    m_service->setCurrentIndex(0);
    m_search->clear();
    m_choicesTimer->start();
}

bool IncidentsView::selectNumber(const QString& number)
{
    const int row = m_model->rowOf(number);
    if (row < 0)
        return false;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    updateDetail();
    return true;
}

void IncidentsView::addBanner(QWidget* banner)
{
    auto* box = qobject_cast<QVBoxLayout*>(layout());
    if (!box || !banner)
        return;
    box->insertWidget(box->indexOf(m_messageBar), banner);
}

void IncidentsView::showOnly(const QStringList& incidentNumbers)
{
    const QSet<QString> only(incidentNumbers.cbegin(), incidentNumbers.cend());
    m_filter->setOnly(only);
    m_onlyBar->setVisible(!only.isEmpty());
    m_onlyEscape->setEnabled(!only.isEmpty());
    if (only.isEmpty())
        return;
    setPlainLabelText(m_onlyLabel,
        only.size() == 1
            ? tr("Showing the incident of a notification, whatever the filters say.")
            : tr("Showing the %n incidents of a notification, whatever the filters say.", nullptr,
                int(only.size())),
        MessageChars);
    selectNumber(incidentNumbers.constFirst());
    m_table->setFocus(Qt::OtherFocusReason);
}

void IncidentsView::showIncident(const QString& incidentNumber)
{
    if (incidentNumber.isEmpty())
        return;
    if (m_model->rowOf(incidentNumber) < 0) {
        m_wanted = incidentNumber;
        m_poller->refresh();
        return;
    }
    if (!selectNumber(incidentNumber)) {
        clearFilters();
        selectNumber(incidentNumber);
    }
    m_table->setFocus(Qt::OtherFocusReason);
}

void IncidentsView::setStakeholderMessenger(StakeholderMessenger* messenger)
{
    m_messenger = messenger;
    updateActions();
}

StakeholderDialog* IncidentsView::stakeholderDialog() const { return m_stakeholderDialog; }

void IncidentsView::notifyStakeholders()
{
    if (!m_messenger)
        return;
    if (m_stakeholderDialog) {
        m_stakeholderDialog->raise();
        m_stakeholderDialog->activateWindow();
        return;
    }
    const QStringList numbers = selectedNumbers();
    if (numbers.size() != 1)
        return;
    const int row = m_model->rowOf(numbers.first());
    const QString summary = row >= 0 ? m_model->incidentAt(row).entityDisplayName : QString();
    auto* dialog = new StakeholderDialog(m_messenger, m_directory, numbers.first(), summary, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    m_stakeholderDialog = dialog;
    dialog->show();
}

void IncidentsView::showContextMenu(const QPoint& pos)
{
    m_contextMenu->popup(m_table->viewport()->mapToGlobal(pos));
}

void IncidentsView::acknowledgeSelected()
{
    QStringList numbers;
    for (const QString& number : selectedNumbers()) {
        const int row = m_model->rowOf(number);
        if (row >= 0 && m_model->pendingAt(row) == Pending::None
            && m_model->phaseAt(row) == Phase::Triggered)
            numbers.append(number);
    }
    if (!numbers.isEmpty())
        m_actions->acknowledge(numbers);
    updateActions();
}

void IncidentsView::resolveSelected()
{
    QStringList numbers;
    for (const QString& number : selectedNumbers()) {
        const int row = m_model->rowOf(number);
        if (row >= 0 && m_model->pendingAt(row) == Pending::None
            && m_model->phaseAt(row) != Phase::Resolved)
            numbers.append(number);
    }
    if (numbers.isEmpty() || m_resolveDialog)
        return;
    auto* dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Resolve"));
    dialog->setLabelText(numbers.size() == 1
            ? tr("Resolve incident #%1. Message (optional):").arg(numbers.constFirst())
            : tr("Resolve %n incidents (%1). Message (optional):", nullptr,
                static_cast<int>(numbers.size()))
                  .arg(numbers.join(QLatin1String(", "))));
    dialog->setOkButtonText(tr("Resolve"));
    connect(
        dialog, &QInputDialog::textValueSelected, this, [this, numbers](const QString& message) {
            m_actions->resolve(numbers, message.trimmed());
            updateActions();
        });
    m_resolveDialog = dialog;
    dialog->open();
}

void IncidentsView::rerouteSelected()
{
    QStringList numbers;
    for (const QString& number : selectedNumbers()) {
        const int row = m_model->rowOf(number);
        if (row >= 0 && m_model->pendingAt(row) == Pending::None
            && m_model->phaseAt(row) != Phase::Resolved)
            numbers.append(number);
    }
    if (numbers.isEmpty() || m_rerouteDialog)
        return;
    auto* dialog = new RerouteDialog(m_directory, m_actions, numbers, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_rerouteDialog = dialog;
    dialog->open();
}

void IncidentsView::acknowledgeAllPagingMe()
{
    m_actions->acknowledgeAllPagingMe();
    updateActions();
}

void IncidentsView::resolveAllPagingMe()
{
    if (m_resolveAllQuestion) {
        m_resolveAllQuestion->raise();
        return;
    }
    m_resolveAllQuestion = askResolveAllPagingMe(this, *m_model, [this] {
        m_actions->resolveAllPagingMe();
        updateActions();
    });
}

void IncidentsView::newIncident()
{
    if (m_createDialog) {
        m_createDialog->raise();
        m_createDialog->activateWindow();
        return;
    }
    auto* dialog = new CreateIncidentDialog(m_actions, m_directory, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateIncidentDialog::created, this, [this](const QString& number) {
        m_wanted = number;
        m_poller->refresh();
    });
    m_createDialog = dialog;
    dialog->open();
}

void IncidentsView::page(const QList<IncidentTarget>& targets)
{
    newIncident();
    if (m_createDialog)
        m_createDialog->setTargets(targets);
}

void IncidentsView::refresh() { m_poller->refresh(); }

} // namespace rota
