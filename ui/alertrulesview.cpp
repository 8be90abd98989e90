// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "alertrulesview.h"

#include "alertruleeditor.h"
#include "alertrulescontroller.h"
#include "alertrulesmodel.h"
#include "incidentmodel.h"
#include "plaintext.h"
#include "viewchrome.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace rota {

namespace {

QLabel* sectionTitle(const QString& text, QWidget* parent)
{
    auto* title = new QLabel(text, parent);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    return title;
}

QLabel* resultLabel(const char* name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    makePlainLabel(label);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString ruleName(const AlertRule& rule, int place)
{
    return AlertRulesView::tr("rule %1 (%2 %3)")
        .arg(place)
        .arg(rule.alertField, AlertRulesModel::matchText(rule));
}

QString kindWord(const QString& type)
{
    if (type == QLatin1String("u"))
        return AlertRulesView::tr("link");
    if (type == QLatin1String("i"))
        return AlertRulesView::tr("image");
    return AlertRulesView::tr("note");
}

// How many incidents the bench offers: the newest, enough to find a recent one.
constexpr int MaxBenchIncidents = 40;

} // namespace

AlertRulesView::AlertRulesView(AlertRulesModel* model, AlertRulesController* controller,
    IncidentModel* incidents, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_controller(controller)
    , m_incidents(incidents)
    , m_table(new QTableView(this))
    , m_new(new QPushButton(tr("&New rule"), this))
    , m_up(new QPushButton(this))
    , m_down(new QPushButton(this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_progress(new QProgressBar(this))
    , m_readOnly(new NoticeBar(this))
    , m_message(new NoticeBar(this))
    , m_formTitle(new QLabel(this))
    , m_editor(new AlertRuleEditor(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_revert(new QPushButton(tr("Re&vert"), this))
    , m_formProblem(new QLabel(this))
    , m_incidentBox(new QComboBox(this))
    , m_useIncident(new QPushButton(tr("Use its &alert"), this))
    , m_alertText(new QPlainTextEdit(this))
    , m_alertMessage(new QLabel(this))
    , m_verdict(resultLabel("benchVerdict", this))
    , m_routing(resultLabel("benchRouting", this))
    , m_effects(resultLabel("benchEffects", this))
    , m_steps(new QListWidget(this))
{
    m_table->setObjectName(QStringLiteral("rulesTable"));
    m_new->setObjectName(QStringLiteral("newButton"));
    m_up->setObjectName(QStringLiteral("upButton"));
    m_down->setObjectName(QStringLiteral("downButton"));
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_readOnly->textLabel()->setObjectName(QStringLiteral("readOnlyLabel"));
    m_message->textLabel()->setObjectName(QStringLiteral("messageLabel"));
    m_formTitle->setObjectName(QStringLiteral("formTitle"));
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_formProblem->setObjectName(QStringLiteral("formProblem"));
    m_incidentBox->setObjectName(QStringLiteral("benchIncidentBox"));
    m_useIncident->setObjectName(QStringLiteral("benchUseIncidentButton"));
    m_alertText->setObjectName(QStringLiteral("benchAlertEdit"));
    m_alertMessage->setObjectName(QStringLiteral("benchAlertMessage"));
    m_steps->setObjectName(QStringLiteral("benchSteps"));
    m_table->setAccessibleName(tr("Alert rules"));
    m_alertText->setAccessibleName(tr("Alert to try the rules on"));
    m_steps->setAccessibleName(tr("What the rules do to the alert"));
    m_readOnly->setDismissible(false);

    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setColumnWidth(AlertRulesModel::RankColumn, 36);
    m_table->setColumnWidth(AlertRulesModel::FieldColumn, 130);
    m_table->setColumnWidth(AlertRulesModel::MatchColumn, 220);
    look::styleItemView(m_table);
    usePlainToolTips(m_table);

    const auto icon = [this](const char* name, QStyle::StandardPixmap fallback) {
        return look::themeIcon(QString::fromLatin1(name), fallback, this);
    };
    m_new->setIcon(icon("list-add", QStyle::SP_FileIcon));
    m_up->setIcon(icon("go-up", QStyle::SP_ArrowUp));
    m_down->setIcon(icon("go-down", QStyle::SP_ArrowDown));
    m_delete->setIcon(icon("edit-delete", QStyle::SP_TrashIcon));
    m_refresh->setIcon(icon("view-refresh", QStyle::SP_BrowserReload));
    m_save->setIcon(icon("document-save", QStyle::SP_DialogSaveButton));
    // Arrows alone, named for assistive technology: with words the row did not fit the side of
    // the smallest window.
    m_up->setToolTip(tr("Run the selected rule earlier (Alt+Up)"));
    m_down->setToolTip(tr("Run the selected rule later (Alt+Down)"));
    m_up->setAccessibleName(tr("Move up"));
    m_down->setAccessibleName(tr("Move down"));
    m_refresh->setToolTip(tr("Read the rules again (F5)"));
    m_new->setToolTip(tr("Write a new rule (Ctrl+N)"));
    m_save->setToolTip(tr("Send the rule to Splunk On-Call (Ctrl+S)"));
    setUpBusyBar(m_progress);
    makePlainLabel(m_formProblem);
    m_formProblem->setWordWrap(true);
    QFont titleFont = m_formTitle->font();
    titleFont.setBold(true);
    m_formTitle->setFont(titleFont);
    makePlainLabel(m_formTitle);

    m_alertText->setPlaceholderText(
        tr("Paste an alert as JSON, e.g. {\"host_name\": \"db-prod-01\", \"routing_key\": "
           "\"platform-alerts\"}, or use the alert of a recent incident."));
    m_alertText->setTabChangesFocus(true);
    m_alertText->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    makePlainLabel(m_alertMessage);
    m_alertMessage->setWordWrap(true);
    m_alertMessage->hide();
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);
    m_steps->setWordWrap(true);
    m_steps->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    look::styleItemView(m_steps);
    m_incidentBox->setMinimumContentsLength(12);
    m_incidentBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);

    // Left: the rules and the form of one.
    auto* tools = new QHBoxLayout;
    tools->addWidget(m_new);
    tools->addWidget(m_up);
    tools->addWidget(m_down);
    tools->addWidget(m_delete);
    tools->addStretch(1);
    tools->addWidget(m_progress);
    tools->addWidget(m_refresh);
    auto* formButtons = new QHBoxLayout;
    formButtons->addStretch(1);
    formButtons->addWidget(m_revert);
    formButtons->addWidget(m_save);

    auto* rulesSide = new QWidget(this);
    auto* rulesLayout = new QVBoxLayout(rulesSide);
    rulesLayout->setContentsMargins(0, 0, 0, 0);
    rulesLayout->addLayout(tools);
    rulesLayout->addWidget(sectionTitle(tr("Rules, in the order they run"), rulesSide));
    rulesLayout->addWidget(m_table, 2);
    rulesLayout->addWidget(m_formTitle);
    rulesLayout->addWidget(m_editor, 3);
    rulesLayout->addWidget(m_formProblem);
    rulesLayout->addLayout(formButtons);

    // Right: the test bench.
    auto* bench = new QWidget(this);
    bench->setObjectName(QStringLiteral("testBench"));
    auto* benchLayout = new QVBoxLayout(bench);
    benchLayout->setContentsMargins(0, 0, 0, 0);
    benchLayout->addWidget(sectionTitle(tr("Test bench"), bench));
    auto* benchIntro = new QLabel(tr("Try the rules as written in the form, before saving, on an "
                                     "alert."),
        bench);
    makePlainLabel(benchIntro);
    benchIntro->setWordWrap(true);
    benchLayout->addWidget(benchIntro);
    auto* incidentRow = new QHBoxLayout;
    incidentRow->addWidget(m_incidentBox, 1);
    incidentRow->addWidget(m_useIncident);
    benchLayout->addLayout(incidentRow);
    benchLayout->addWidget(m_alertText, 2);
    benchLayout->addWidget(m_alertMessage);
    benchLayout->addWidget(m_verdict);
    benchLayout->addWidget(m_routing);
    benchLayout->addWidget(m_effects);
    benchLayout->addWidget(m_steps, 1);

    // Each side scrolls when the window is smaller than it needs, so that the page fits the
    // smallest window Rota supports.
    const auto scrolling = [this](QWidget* content) {
        auto* area = new QScrollArea(this);
        area->setWidget(content);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        // Room for the side and for the vertical scroll bar it gets when the window is low, so
        // that the splitter never squeezes the side under its own minimum.
        area->setMinimumWidth(
            content->minimumSizeHint().width() + area->verticalScrollBar()->sizeHint().width());
        return area;
    };
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scrolling(rulesSide));
    splitter->addWidget(scrolling(bench));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    // The bench wide enough for its lines; the rules get the rest.
    splitter->setSizes({ 600, 460 });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_readOnly);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    const auto shortcut = [this](const QKeySequence& keys, auto slot) {
        auto* action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        connect(action, &QAction::triggered, this, slot);
    };
    shortcut(QKeySequence::New, [this] { newRule(); });
    shortcut(QKeySequence::Save, [this] { save(); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Up), [this] { moveSelected(-1); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Down), [this] { moveSelected(1); });
    auto* deleteKey = new QShortcut(QKeySequence::Delete, m_table);
    deleteKey->setContext(Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, [this] { deleteSelected(); });
    connect(addRefreshShortcut(this), &QAction::triggered, m_controller,
        [this] { m_controller->load(); });

    connect(m_refresh, &QPushButton::clicked, this, [this] { m_controller->load(); });
    connect(m_new, &QPushButton::clicked, this, &AlertRulesView::newRule);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(1); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteSelected(); });
    connect(m_save, &QPushButton::clicked, this, &AlertRulesView::save);
    connect(m_revert, &QPushButton::clicked, this, &AlertRulesView::revert);
    connect(m_useIncident, &QPushButton::clicked, this,
        [this] { useIncidentAlert(m_incidentBox->currentData().toString()); });
    connect(m_editor, &AlertRuleEditor::changed, this, [this] {
        updateActions();
        runBench();
    });
    connect(m_alertText, &QPlainTextEdit::textChanged, this, &AlertRulesView::runBench);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &AlertRulesView::selectionChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AlertRulesView::modelChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &AlertRulesView::modelChanged);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &AlertRulesView::modelChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AlertRulesView::modelChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AlertRulesView::modelChanged);
    if (m_incidents) {
        connect(
            m_incidents, &QAbstractItemModel::rowsInserted, this, &AlertRulesView::fillIncidents);
        connect(
            m_incidents, &QAbstractItemModel::rowsRemoved, this, &AlertRulesView::fillIncidents);
        connect(m_incidents, &QAbstractItemModel::modelReset, this, &AlertRulesView::fillIncidents);
    }

    const auto showProgress = [this] {
        m_progress->setVisible(m_controller->isLoading() || m_controller->isBusy());
        updateActions();
    };
    connect(m_controller, &AlertRulesController::loadingChanged, this, showProgress);
    connect(m_controller, &AlertRulesController::busyChanged, this, showProgress);
    connect(
        m_controller, &AlertRulesController::readOnlyChanged, this, &AlertRulesView::updateActions);
    connect(
        m_controller, &AlertRulesController::actionFinished, this, &AlertRulesView::actionFinished);
    connect(m_controller, &AlertRulesController::loaded, this, [this](const QString& error) {
        if (!error.isEmpty())
            showMessage(error, look::Tone::Error);
        if (m_selectAfterLoad != 0) {
            const int id = m_selectAfterLoad;
            m_selectAfterLoad = 0;
            selectRule(id);
        }
    });
    connect(m_controller, &AlertRulesController::alertLoaded, this,
        [this](const QString& uuid, const QJsonObject& fields, const QString& error) {
            if (!error.isEmpty()) {
                setPlainLabelText(m_alertMessage, error, MessageChars);
                look::setTone(m_alertMessage, look::Tone::Error);
                m_alertMessage->show();
                return;
            }
            setBenchAlert(fields);
            setPlainLabelText(m_alertMessage,
                tr("Alert %1 as Splunk On-Call keeps it: the rules of then already ran over it "
                   "(their annotations are left out here).")
                    .arg(uuid),
                MessageChars);
            look::setTone(m_alertMessage, look::Tone::Info);
            m_alertMessage->show();
        });

    fillIncidents();
    m_editor->setEditable(false);
    showProgress();
    runBench();
}

void AlertRulesView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_controller->isLoaded() && !m_controller->isLoading())
        m_controller->load();
}

void AlertRulesView::setReadOnlyReason(const QString& reason)
{
    m_readOnlyReason = reason;
    updateActions();
}

QString AlertRulesView::readOnlyReason() const
{
    const QString refused = m_controller->readOnlyReason();
    return refused.isEmpty() ? m_readOnlyReason : refused;
}

int AlertRulesView::selectedRuleId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(AlertRulesModel::RuleIdRole).toInt();
}

bool AlertRulesView::selectRule(int id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    if (m_editor->isModified() && m_editingId != id) {
        showMessage(tr("The rule in the form has changes that are not saved: save or revert them "
                       "first."),
            look::Tone::Warning);
        return false;
    }
    m_table->selectRow(row);
    m_editingId = id;
    m_editor->setRule(m_model->rule(row));
    updateActions();
    return true;
}

void AlertRulesView::selectionChanged()
{
    const int id = selectedRuleId();
    if (id == 0 || id == m_editingId)
        return;
    if (m_editor->isModified()) {
        showMessage(tr("The rule in the form has changes that are not saved: save or revert them "
                       "to edit another."),
            look::Tone::Warning);
        updateActions();
        return;
    }
    selectRule(id);
}

void AlertRulesView::newRule()
{
    if (!readOnlyReason().isEmpty())
        return;
    if (m_editor->isModified()) {
        showMessage(tr("The rule in the form has changes that are not saved: save or revert them "
                       "first."),
            look::Tone::Warning);
        return;
    }
    m_table->clearSelection();
    m_editingId = 0;
    AlertRule rule;
    rule.rank = 1; // the service's default: a new rule runs first
    rule.alertField = QStringLiteral("host_name");
    m_editor->setRule(rule);
    updateActions();
    m_editor->patternEdit()->setFocus();
}

bool AlertRulesView::save()
{
    if (!m_save->isEnabled())
        return false;
    const AlertRule rule = m_editor->rule();
    bool sent = false;
    m_saving = m_editingId;
    if (m_editingId == 0) {
        showMessage(tr("Creating the rule…"), look::Tone::Info);
        sent = m_controller->create(rule);
    } else {
        showMessage(tr("Saving rule %1…").arg(rule.id), look::Tone::Info);
        sent = m_controller->update(rule);
    }
    if (!sent)
        m_saving = -1;
    updateActions();
    return sent;
}

bool AlertRulesView::hasUnsavedRule() const { return m_editingId >= 0 && m_editor->isModified(); }

void AlertRulesView::revert()
{
    if (m_editingId > 0 && m_model->rowOf(m_editingId) >= 0) {
        m_editor->setRule(m_model->rule(m_model->rowOf(m_editingId)));
    } else {
        m_editingId = -1;
        m_editor->setRule(AlertRule());
    }
    m_message->clear();
    updateActions();
}

bool AlertRulesView::moveSelected(int delta)
{
    const int id = selectedRuleId();
    const int row = m_model->rowOf(id);
    if (id == 0 || row < 0 || !readOnlyReason().isEmpty() || m_controller->isBusy())
        return false;
    const int target = row + delta;
    if (target < 0 || target >= m_model->rowCount())
        return false;
    if (m_editor->isModified()) {
        showMessage(
            tr("Save or revert the rule in the form before moving rules."), look::Tone::Warning);
        return false;
    }
    // The place it moves to is the rank the rule there has now.
    const int rank = m_model->rule(target).rank;
    showMessage(tr("Moving rule %1…").arg(row + 1), look::Tone::Info);
    m_selectAfterLoad = id;
    return m_controller->move(id, rank);
}

QMessageBox* AlertRulesView::deleteSelected()
{
    const int id = selectedRuleId();
    const int row = m_model->rowOf(id);
    if (id == 0 || row < 0 || !m_delete->isEnabled())
        return nullptr;
    if (m_question)
        m_question->close();
    const AlertRule rule = m_model->rule(row);
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete alert rule"),
        tr("Delete %1? Alerts it matches will no longer get what it adds or go where it sends "
           "them.")
            .arg(ruleName(rule, row + 1)),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteQuestion"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("Delete"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        if (result != QMessageBox::Yes)
            return;
        showMessage(tr("Deleting the rule…"), look::Tone::Info);
        if (m_editingId == id && !m_editor->isModified())
            m_editingId = -1;
        m_controller->remove(id);
    });
    m_question = box;
    box->open();
    return box;
}

void AlertRulesView::actionFinished(bool ok, const QString& message, int ruleId)
{
    showMessage(message, ok ? look::Tone::Success : look::Tone::Error);
    m_lastError = ok ? QString() : message;
    const int saving = m_saving;
    m_saving = -1;
    if (!ok) {
        updateActions();
        return; // the form keeps what was written
    }
    if (saving >= 0 && saving == m_editingId && (saving == 0 || saving == ruleId)) {
        // Saved: the form is clean, and shows the rule as the server has it once the list is
        // read again (its rank may differ from the one sent).
        AlertRule saved = m_editor->rule();
        saved.id = ruleId;
        m_editingId = ruleId;
        m_editor->setRule(saved);
        m_selectAfterLoad = ruleId;
    } else if (m_editingId == -1 && !m_editor->isModified()) {
        m_editor->setRule(AlertRule());
    }
    updateActions();
}

void AlertRulesView::modelChanged()
{
    // The rule in the form, unchanged there, follows the server (its rank moves with others').
    if (m_editingId > 0) {
        const int row = m_model->rowOf(m_editingId);
        if (row < 0 && !m_editor->isModified()) {
            m_editingId = -1;
            m_editor->setRule(AlertRule());
        } else if (row >= 0 && !m_editor->isModified()) {
            m_editor->setRule(m_model->rule(row));
            if (selectedRuleId() != m_editingId)
                m_table->selectRow(row);
        }
    }
    QStringList keys;
    for (const AlertRule& rule : m_model->rules()) {
        if (!rule.routeKey.isEmpty() && !keys.contains(rule.routeKey))
            keys.append(rule.routeKey);
    }
    keys.sort();
    m_editor->setRoutingKeys(keys);
    updateActions();
    runBench();
}

void AlertRulesView::updateActions()
{
    const QString reason = readOnlyReason();
    const bool readOnly = !reason.isEmpty();
    const bool busy = m_controller->isBusy();
    m_readOnly->showNotice(reason, look::Tone::Warning);
    const int id = selectedRuleId();
    const int row = m_model->rowOf(id);
    const bool selected = row >= 0;
    const QString tip = plainToolTip(reason);
    m_new->setEnabled(!readOnly);
    m_up->setEnabled(!readOnly && !busy && selected && row > 0);
    m_down->setEnabled(!readOnly && !busy && selected && row + 1 < m_model->rowCount());
    m_delete->setEnabled(!readOnly && !busy && selected);
    for (QPushButton* button : { m_new, m_up, m_down, m_delete }) {
        if (readOnly)
            button->setToolTip(tip);
    }
    if (readOnly)
        m_delete->setToolTip(tip);
    else
        m_delete->setToolTip(
            selected ? tr("Delete the selected rule (Delete)") : tr("Select a rule first"));

    const bool editing = m_editingId >= 0;
    m_editor->setEditable(editing && !readOnly);
    if (!editing)
        m_formTitle->setText(readOnly ? tr("Rules can only be read with this key.")
                                      : tr("Select a rule to change it, or write a new one."));
    else if (m_editingId == 0)
        m_formTitle->setText(tr("New rule"));
    else
        m_formTitle->setText(
            tr("Rule %1%2")
                .arg(m_editingId)
                .arg(m_editor->isModified() ? tr(" — changed, not saved") : QString()));
    const QString problem = editing ? m_editor->problem() : QString();
    setPlainLabelText(m_formProblem, problem, MessageChars);
    look::setTone(m_formProblem, look::Tone::Error);
    m_formProblem->setVisible(!problem.isEmpty() && m_editor->isModified());
    const bool canSave = editing && !readOnly && !busy && problem.isEmpty()
        && (m_editor->isModified() || m_editingId == 0);
    m_save->setEnabled(canSave);
    m_save->setToolTip(readOnly  ? tip
            : !problem.isEmpty() ? plainToolTip(problem)
                                 : tr("Send the rule to Splunk On-Call (Ctrl+S)"));
    m_revert->setEnabled(editing && m_editor->isModified());
}

QList<AlertRule> AlertRulesView::benchRules() const
{
    QList<AlertRule> rules = m_model->rules();
    if (m_editingId < 0)
        return rules;
    const AlertRule edited = m_editor->rule();
    if (m_editingId > 0) {
        rules.erase(std::remove_if(rules.begin(), rules.end(),
                        [this](const AlertRule& r) { return r.id == m_editingId; }),
            rules.end());
    } else if (edited.alertValueMatch.isEmpty()) {
        return rules; // a new rule not written yet tests nothing
    }
    // As the service will place it: at its rank, the others moved down, ranks 1..n.
    const qsizetype at = qBound(qsizetype(0), qsizetype(edited.rank - 1), rules.size());
    rules.insert(at, edited);
    for (qsizetype i = 0; i < rules.size(); ++i)
        rules[i].rank = int(i + 1);
    return rules;
}

void AlertRulesView::runBench()
{
    const QString text = m_alertText->toPlainText();
    m_run = AlertRuleRun();
    m_steps->clear();
    if (text.trimmed().isEmpty()) {
        m_verdict->setText(tr("No alert yet: paste one, or use the alert of a recent incident."));
        m_routing->clear();
        m_effects->clear();
        return;
    }
    QString error;
    const QJsonObject alert = AlertRuleMatcher::parseAlert(text, &error);
    if (!error.isEmpty()) {
        setPlainLabelText(m_verdict, error, MessageChars);
        look::setTone(m_verdict, look::Tone::Error);
        m_routing->clear();
        m_effects->clear();
        return;
    }
    look::setTone(m_verdict, look::Tone::Info);
    const QList<AlertRule> rules = benchRules();
    m_run = AlertRuleMatcher::run(rules, alert);
    const bool edited = m_editor->isModified() && m_editingId >= 0;
    const QString asEdited
        = edited ? tr(" (with the rule in the form as edited, not saved)") : QString();

    if (m_run.firstMatch < 0) {
        setPlainLabelText(m_verdict, tr("No rule matches%1.").arg(asEdited), MessageChars);
    } else {
        QStringList names;
        for (const int index : m_run.matched())
            names.append(ruleName(rules.at(index), rules.at(index).rank));
        setPlainLabelText(m_verdict,
            tr("Matches %1%2.").arg(names.join(tr(", then "))).arg(asEdited), MessageChars);
    }
    if (m_run.routingKey == m_run.routingKeyBefore)
        m_routing->setText(m_run.routingKey.isEmpty()
                ? tr("Routing key: none (the default routing applies).")
                : tr("Routing key: %1 (unchanged).").arg(m_run.routingKey));
    else
        m_routing->setText(
            tr("Routing key: %1 → %2.")
                .arg(m_run.routingKeyBefore.isEmpty() ? tr("none") : m_run.routingKeyBefore,
                    m_run.routingKey));

    QStringList effects;
    for (const AlertRuleEffect& effect : std::as_const(m_run.effects)) {
        switch (effect.kind) {
        case AlertRuleEffect::Kind::Annotation:
            effects.append(tr("Adds %1 (%2): %3")
                               .arg(effect.field, kindWord(effect.annotationType), effect.value));
            break;
        case AlertRuleEffect::Kind::Transformation:
            effects.append(
                tr("Sets %1: \"%2\" → \"%3\"").arg(effect.field, effect.before, effect.value));
            break;
        case AlertRuleEffect::Kind::Route:
            break; // said in the routing line
        }
    }
    if (m_run.stoppedBy >= 0)
        effects.append(tr("Stops there: later rules do not run."));
    setPlainLabelText(m_effects, effects.join(QLatin1Char('\n')), MessageChars);

    for (const AlertRuleStep& step : std::as_const(m_run.steps)) {
        const AlertRule& rule = rules.at(step.ruleIndex);
        QString outcome;
        switch (step.outcome) {
        case AlertRuleStep::Outcome::Matched:
            outcome = tr("matches");
            break;
        case AlertRuleStep::Outcome::NoMatch:
            outcome = tr("no match (%1 is \"%2\")").arg(rule.alertField, clipped(step.value, 60));
            break;
        case AlertRuleStep::Outcome::FieldMissing:
            outcome = tr("no match (the alert has no %1)").arg(rule.alertField);
            break;
        case AlertRuleStep::Outcome::InvalidPattern:
            outcome = tr("skipped: its pattern cannot be used");
            break;
        case AlertRuleStep::Outcome::NotReached:
            outcome = tr("not reached (an earlier rule stopped)");
            break;
        }
        auto* item = new QListWidgetItem(
            tr("%1. %2 %3 — %4")
                .arg(rule.rank)
                .arg(rule.alertField, clipped(AlertRulesModel::matchText(rule), 60), outcome),
            m_steps);
        if (step.outcome == AlertRuleStep::Outcome::Matched) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
    }
}

void AlertRulesView::setBenchAlert(const QJsonObject& fields)
{
    m_alertText->setPlainText(
        QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Indented)));
}

bool AlertRulesView::useIncidentAlert(const QString& number)
{
    if (!m_incidents || number.isEmpty())
        return false;
    for (int row = 0; row < m_incidents->rowCount(); ++row) {
        const Incident& incident = m_incidents->incidentAt(row);
        if (incident.incidentNumber != number)
            continue;
        const int index = m_incidentBox->findData(number);
        if (index >= 0)
            m_incidentBox->setCurrentIndex(index);
        const QString uuid
            = incident.lastAlertId.isEmpty() ? incident.firstAlertUuid : incident.lastAlertId;
        if (uuid.isEmpty())
            return false;
        setPlainLabelText(
            m_alertMessage, tr("Reading the alert of incident %1…").arg(number), MessageChars);
        look::setTone(m_alertMessage, look::Tone::Info);
        m_alertMessage->show();
        m_controller->loadAlert(uuid);
        return true;
    }
    return false;
}

void AlertRulesView::fillIncidents()
{
    if (!m_incidents) {
        m_incidentBox->hide();
        m_useIncident->hide();
        return;
    }
    QList<int> rows;
    for (int row = 0; row < m_incidents->rowCount(); ++row)
        rows.append(row);
    std::sort(rows.begin(), rows.end(), [this](int a, int b) {
        return m_incidents->incidentAt(a).startTime > m_incidents->incidentAt(b).startTime;
    });
    const QString current = m_incidentBox->currentData().toString();
    m_incidentBox->clear();
    for (const int row : rows.mid(0, MaxBenchIncidents)) {
        const Incident& incident = m_incidents->incidentAt(row);
        m_incidentBox->addItem(
            tr("#%1 %2").arg(incident.incidentNumber, clipped(incident.entityDisplayName, 60)),
            incident.incidentNumber);
    }
    const int index = m_incidentBox->findData(current);
    if (index >= 0)
        m_incidentBox->setCurrentIndex(index);
    m_useIncident->setEnabled(m_incidentBox->count() > 0);
    m_incidentBox->setPlaceholderText(tr("No open incidents"));
}

void AlertRulesView::showMessage(const QString& text, look::Tone tone)
{
    m_message->showNotice(text, tone);
}

} // namespace rota
