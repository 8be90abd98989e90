// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "pagingpolicyeditor.h"

#include "contactmethodscontroller.h"
#include "contactmethodsstore.h"
#include "contactmethodsview.h"
#include "pagingpolicyconflictdialog.h"
#include "plaintext.h"
#include "policypalette.h"
#include "policystepcanvas.h"
#include "policytrash.h"
#include "viewchrome.h"

#include <QAction>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTime>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace rota {

PagingPolicyEditor::PagingPolicyEditor(PagingPolicyModel* model, PagingPolicyController* controller,
    ContactMethodsStore* contacts, ContactMethodsController* contactsController, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_controller(controller)
    , m_contacts(contacts)
    , m_contactsController(contactsController)
    , m_tabs(new QTabWidget(this))
    , m_canvas(new PolicyStepCanvas(m_model))
    , m_palette(new PolicyPalette(m_model))
    , m_trash(new PolicyTrash(m_model))
    , m_contactsView(new ContactMethodsView(m_contacts, m_contactsController))
    , m_users(new QComboBox(this))
    , m_title(new QLabel(this))
    , m_dirty(new QLabel(this))
    , m_notice(new NoticeBar(this))
    , m_progress(new QProgressBar(this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_discard(new QPushButton(tr("Discard"), this))
    , m_undoButton(new QToolButton(this))
    , m_redoButton(new QToolButton(this))
    , m_refreshButton(new QToolButton(this))
    , m_refreshing(new QProgressBar(this))
    , m_serverBanner(new NoticeBar(this))
    , m_compare(new QPushButton(tr("Compare…"), m_serverBanner))
    , m_takeServer(new QPushButton(tr("Take the server's"), m_serverBanner))
{
    // --- Actions: undo/redo/save work anywhere on this page.
    // Own actions rather than QUndoStack's, whose text grows with the command's.
    QUndoStack* stack = m_model->stack();
    m_undo = new QAction(tr("Undo"), this);
    m_undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_undo->setEnabled(false);
    connect(m_undo, &QAction::triggered, stack, &QUndoStack::undo);
    connect(stack, &QUndoStack::canUndoChanged, m_undo, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, this, [this](const QString& text) {
        m_undoButton->setToolTip(
            text.isEmpty() ? tr("Undo (Ctrl+Z)") : tr("Undo: %1 (Ctrl+Z)").arg(text));
    });
    m_redo = new QAction(tr("Redo"), this);
    m_redo->setEnabled(false);
    connect(m_redo, &QAction::triggered, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canRedoChanged, m_redo, &QAction::setEnabled);
    connect(stack, &QUndoStack::redoTextChanged, this, [this](const QString& text) {
        m_redoButton->setToolTip(
            text.isEmpty() ? tr("Redo (Ctrl+Shift+Z)") : tr("Redo: %1 (Ctrl+Shift+Z)").arg(text));
    });
    m_redo->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });
    m_saveAction = new QAction(tr("Save"), this);
    m_saveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    for (QAction* action : { m_undo, m_redo, m_saveAction }) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    m_undoButton->setDefaultAction(m_undo);
    m_redoButton->setDefaultAction(m_redo);
    m_undo->setIcon(look::themeIcon(QStringLiteral("edit-undo"), QStyle::SP_ArrowBack, this));
    m_redo->setIcon(look::themeIcon(QStringLiteral("edit-redo"), QStyle::SP_ArrowForward, this));
    m_undoButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_redoButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_save->setIcon(
        look::themeIcon(QStringLiteral("document-save"), QStyle::SP_DialogSaveButton, this));
    m_discard->setIcon(
        look::themeIcon(QStringLiteral("edit-clear"), QStyle::SP_DialogDiscardButton, this));
    m_undoButton->setToolTip(tr("Undo (Ctrl+Z)"));
    m_redoButton->setToolTip(tr("Redo (Ctrl+Shift+Z)"));
    m_undoButton->setMinimumWidth(60);
    m_redoButton->setMinimumWidth(60);
    m_save->setToolTip(tr("Save (Ctrl+S)"));
    m_refreshAction = addRefreshShortcut(this);
    // Holding F5 must not turn into a stream of reads against the API's budget.
    m_refreshAction->setAutoRepeat(false);
    m_refreshAction->setToolTip(tr("Read the policy from the server again (F5); edits are kept"));
    m_refreshButton->setDefaultAction(m_refreshAction);
    m_refreshAction->setIcon(
        look::themeIcon(QStringLiteral("view-refresh"), QStyle::SP_BrowserReload, this));
    m_refreshButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setUpBusyBar(m_refreshing);
    m_refreshing->setMaximumWidth(60);
    m_refreshing->setAccessibleName(tr("Reading the policy from the server"));

    // --- Header: title, user picker, dirty marker, actions.
    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setText(tr("Paging policy"));
    header->addWidget(m_title);
    header->addSpacing(8);
    header->addWidget(new QLabel(tr("for"), this));
    m_users->setAccessibleName(tr("Whose paging policy"));
    m_users->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_users->addItem(m_controller->username());
    header->addWidget(m_users);
    m_dirty->setText(tr("● Unsaved changes"));
    look::setMessage(m_dirty, m_dirty->text(), look::Tone::Warning);
    QFont dirtyFont = m_dirty->font();
    dirtyFont.setBold(true);
    m_dirty->setFont(dirtyFont);
    m_dirty->setWordWrap(false);
    m_dirty->setVisible(false);
    header->addStretch(1);
    header->addWidget(m_refreshing);
    header->addWidget(m_refreshButton);
    header->addWidget(m_undoButton);
    header->addWidget(m_redoButton);
    header->addWidget(m_discard);
    header->addWidget(m_save);
    m_save->setDefault(false);
    layout->addLayout(header);

    // --- The server's policy changed under the edits: say so, offer to compare or take it.
    // It states a condition that lasts until the person chooses: no close button.
    m_serverBanner->setObjectName(QStringLiteral("serverChangeBanner"));
    m_serverBanner->setDismissible(false);
    m_compare->setToolTip(tr("See what differs between the server's policy and your edits"));
    m_takeServer->setToolTip(tr("Drop your edits and show the server's policy"));
    m_serverBanner->addWidget(m_compare);
    m_serverBanner->addWidget(m_takeServer);
    m_serverBanner->showNotice(tr("The paging policy on the server changed since you started "
                                  "editing. Your edits are kept and not saved."),
        look::Tone::Warning);
    m_serverBanner->setVisible(false);
    layout->addWidget(m_serverBanner);

    auto* status = new QHBoxLayout;
    m_progress->setVisible(false);
    m_progress->setMaximumWidth(220);
    m_progress->setFormat(tr("%v of %m changes"));
    m_notice->setObjectName(QStringLiteral("policyNotice"));
    connect(m_notice, &NoticeBar::dismissed, this, [this] { m_messageKind = MessageKind::None; });
    // The unsaved-changes mark sits here rather than in the crowded header, which must fit an
    // 800-pixel window with it.
    status->addWidget(m_dirty, 0, Qt::AlignTop);
    status->addWidget(m_notice, 1);
    status->addWidget(m_progress);
    layout->addLayout(status);

    // --- The policy tab: cards on the left, palette and trash on the right.
    auto* policyPage = new QWidget;
    auto* policyLayout = new QHBoxLayout(policyPage);
    auto* scroll = new QScrollArea(policyPage);
    scroll->setWidget(m_canvas);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    policyLayout->addWidget(scroll, 1);
    auto* side = new QVBoxLayout;
    auto* hint = new QLabel(tr("Steps fire from the top until someone acknowledges. Drag contacts "
                               "onto a step, drag chips and steps to reorder, or use the "
                               "keyboard: arrows, Alt+arrows to move, Delete, Insert, Menu."),
        policyPage);
    hint->setWordWrap(true);
    hint->setMaximumWidth(280);
    side->addWidget(m_palette);
    auto* addStep = new QPushButton(tr("Add step"), policyPage);
    side->addWidget(addStep);
    side->addWidget(m_trash);
    side->addWidget(hint);
    side->addStretch(1);
    policyLayout->addLayout(side);
    m_tabs->addTab(policyPage, tr("Paging policy"));
    m_tabs->addTab(m_contactsView, tr("Contact methods"));
    layout->addWidget(m_tabs, 1);

    // --- Wiring.
    connect(addStep, &QPushButton::clicked, this, [this] {
        m_model->addStep(-1);
        m_canvas->setFocus();
    });
    connect(m_save, &QPushButton::clicked, m_controller, &PagingPolicyController::save);
    connect(m_saveAction, &QAction::triggered, m_controller, &PagingPolicyController::save);
    connect(m_discard, &QPushButton::clicked, this, [this] {
        m_controller->discardEdits();
        showMessage(tr("Edits discarded."), MessageKind::Info);
    });
    connect(m_refreshAction, &QAction::triggered, this, &PagingPolicyEditor::refresh);
    connect(m_compare, &QPushButton::clicked, this, &PagingPolicyEditor::openComparison);
    connect(m_takeServer, &QPushButton::clicked, m_controller,
        &PagingPolicyController::takeServerPolicy);
    connect(
        m_controller, &PagingPolicyController::refreshed, this, &PagingPolicyEditor::onRefreshed);
    connect(m_controller, &PagingPolicyController::serverChangePending, this,
        &PagingPolicyEditor::updateButtons);
    connect(m_model, &PagingPolicyModel::editRefused, this,
        [this](const QString& reason) { showMessage(reason, MessageKind::Refusal); });
    connect(m_canvas, &PolicyStepCanvas::dropRefused, this, [this](const QString& reason) {
        if (!reason.isEmpty())
            showMessage(reason, MessageKind::Refusal);
        else if (m_messageKind == MessageKind::Refusal)
            showMessage(QString(), MessageKind::None);
    });
    connect(stack, &QUndoStack::indexChanged, this, &PagingPolicyEditor::onEdited);
    connect(m_model, &PagingPolicyModel::dirtyChanged, this, &PagingPolicyEditor::onEdited);
    connect(m_palette, &PolicyPalette::activated, this, [this](const PagingRule& rule) {
        const int step = m_canvas->currentStep();
        if (step >= 0)
            m_model->addRule(step, -1, rule);
        else
            m_model->addStep(-1, PolicyStep { 5, { rule } });
    });
    connect(m_model, &PagingPolicyModel::dirtyChanged, this, &PagingPolicyEditor::updateButtons);
    connect(m_controller, &PagingPolicyController::loaded, this, &PagingPolicyEditor::onLoaded);
    connect(m_controller, &PagingPolicyController::saved, this, &PagingPolicyEditor::onSaved);
    connect(m_controller, &PagingPolicyController::conflict, this, &PagingPolicyEditor::onConflict);
    connect(m_controller, &PagingPolicyController::stateChanged, this,
        &PagingPolicyEditor::onStateChanged);
    connect(m_controller, &PagingPolicyController::contactMethodsLoaded, this,
        [this](const ContactMethods& methods) {
            m_palette->setContactMethods(methods);
            m_canvas->setPaletteRules(m_palette->rules());
        });
    connect(m_controller, &PagingPolicyController::progress, this, [this](int done, int total) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
        m_progress->setVisible(true);
    });
    // The contact-methods tab changes what the palette offers (and may remove rules).
    connect(m_contactsController, &ContactMethodsController::done, this, [this] {
        if (!m_model->isDirty())
            m_controller->load();
    });
    connect(m_contacts, &ContactMethodsStore::changed, this, [this] {
        m_palette->setContactMethods(m_contacts->methods());
        m_canvas->setPaletteRules(m_palette->rules());
        m_model->setContactMethods(m_contacts->methods());
    });
    connect(m_contactsController, &ContactMethodsController::usersLoaded, this,
        [this](const QStringList& users) {
            const QString current = username();
            m_users->blockSignals(true);
            m_users->clear();
            m_users->addItems(users);
            if (!users.contains(current))
                m_users->insertItem(0, current);
            m_users->setCurrentText(current);
            m_users->blockSignals(false);
        });
    connect(m_users, &QComboBox::activated, this, [this] {
        const QString picked = m_users->currentText();
        if (picked == username())
            return;
        if (m_model->isDirty()) {
            m_users->setCurrentText(username());
            showMessage(
                tr("Save or discard your edits before opening another user's policy."), true);
            return;
        }
        openUser(picked);
    });
    updateButtons();
}

QString PagingPolicyEditor::username() const { return m_controller->username(); }

PagingPolicyConflictDialog* PagingPolicyEditor::conflictDialog() const { return m_conflict; }

void PagingPolicyEditor::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce) {
        reload();
        return;
    }
    // Coming back to the page: what it shows may be old. At most one read per rereadAfter(), so
    // flipping between views does not spend the API's budget.
    const qint64 age = m_controller->msSinceLastRead();
    if (m_rereadAfterMs >= 0 && (age < 0 || age >= m_rereadAfterMs))
        reread(false);
}

void PagingPolicyEditor::refresh() { reread(true); }

void PagingPolicyEditor::reread(bool userAsked)
{
    if (m_controller->state() == PagingPolicyController::State::Refreshing) {
        // One read at a time; its answer is shown when the user asked for one meanwhile.
        m_userAskedRefresh = m_userAskedRefresh || userAsked;
        return;
    }
    if (!m_controller->refresh(
            userAsked ? RequestScheduler::Priority::User : RequestScheduler::Priority::Background))
        return;
    m_userAskedRefresh = userAsked;
    m_contactsController->load();
}

void PagingPolicyEditor::onRefreshed(bool ok, bool changed, const QString& message)
{
    const bool asked = m_userAskedRefresh;
    m_userAskedRefresh = false;
    if (!ok) {
        showMessage(message, MessageKind::ReadError);
    } else if (m_controller->hasServerChange()) {
        // The banner says it, with what to do about it.
        if (m_messageKind == MessageKind::ReadError)
            showMessage(QString(), MessageKind::None);
    } else if (changed || asked) {
        showMessage(message, MessageKind::Info);
    } else if (m_messageKind == MessageKind::ReadError) {
        showMessage(QString(), MessageKind::None);
    }
    updateButtons();
}

void PagingPolicyEditor::reload()
{
    m_loadedOnce = true;
    m_controller->load();
    m_contactsController->setUsername(username());
    m_contactsController->load();
    if (!m_usersLoaded) {
        m_usersLoaded = true;
        m_contactsController->loadUsers();
    }
}

void PagingPolicyEditor::openUser(const QString& username)
{
    m_controller->setUsername(username);
    m_users->setCurrentText(username);
    showMessage(QString(), MessageKind::None);
    reload();
}

void PagingPolicyEditor::showMessage(const QString& text, bool error)
{
    showMessage(text, error ? MessageKind::Error : MessageKind::Info);
}

QLabel* PagingPolicyEditor::messageLabel() const { return m_notice->textLabel(); }

void PagingPolicyEditor::showMessage(const QString& text, MessageKind kind)
{
    m_messageKind = text.isEmpty() ? MessageKind::None : kind;
    look::Tone tone = look::Tone::Info;
    switch (m_messageKind) {
    case MessageKind::Error:
    case MessageKind::ReadError:
    case MessageKind::Refusal:
        tone = look::Tone::Error;
        break;
    case MessageKind::Saved:
        tone = look::Tone::Success;
        break;
    default:
        break;
    }
    m_notice->setToolTip(QString());
    m_notice->showNotice(text, tone);
}

void PagingPolicyEditor::onEdited()
{
    switch (m_messageKind) {
    case MessageKind::Saved:
    case MessageKind::History:
        // What was saved is history now; the line must not say "Saved" next to "Unsaved".
        showMessage(m_model->isDirty()
                ? tr("Last saved at %1; the changes since then are not saved.").arg(m_savedAt)
                : tr("No unsaved changes: this is the policy as saved at %1.").arg(m_savedAt),
            MessageKind::History);
        break;
    case MessageKind::Info:
    case MessageKind::Refusal:
        showMessage(QString(), MessageKind::None);
        break;
    default:
        break;
    }
}

void PagingPolicyEditor::onLoaded(bool ok, const QString& message)
{
    m_canvas->setTimeouts(m_controller->timeouts());
    if (!ok)
        showMessage(message, true);
    updateButtons();
}

void PagingPolicyEditor::onSaved(const PagingSaveResult& result)
{
    m_progress->setVisible(false);
    if (result.ok && !result.applied.isEmpty()) {
        // A save that went through says so in a few words; which calls it took is in the
        // tooltip for whoever wants it.
        m_savedAt = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
        showMessage(savedText(!result.notes.isEmpty()), MessageKind::Saved);
        m_notice->setToolTip(plainToolTip(tr("Changes sent:") + QStringLiteral("\n• ")
            + result.applied.join(QStringLiteral("\n• "))));
    } else {
        QString text = result.message;
        if (!result.notApplied.isEmpty()) {
            text += QStringLiteral("\n") + tr("Not applied:") + QStringLiteral("\n• ")
                + result.notApplied.join(QStringLiteral("\n• "));
        }
        showMessage(text, result.ok ? MessageKind::Info : MessageKind::Error);
    }
    updateButtons();
}

QString PagingPolicyEditor::savedText(bool withNotes) const
{
    // Splunk On-Call cannot delete a step: steps left over when the policy got shorter stay at
    // the end with no rules. Say so in plain words rather than in the API's terms.
    int empty = 0;
    for (int s = m_model->rowCount() - 1; withNotes && s >= 0; --s) {
        if (m_model->rowCount(m_model->index(s, 0)) > 0)
            break;
        ++empty;
    }
    QString text = tr("Saved at %1.").arg(m_savedAt);
    if (empty == 1)
        text += QLatin1Char(' ')
            + tr("The last step cannot be removed, so it is left empty and pages no one.");
    else if (empty > 1)
        text += QLatin1Char(' ')
            + tr("The last %n steps cannot be removed, so they are left empty and page no one.",
                nullptr, empty);
    return text;
}

void PagingPolicyEditor::onConflict(const QList<PolicyStep>& theirs, const QList<PolicyStep>& mine)
{
    openConflictDialog(theirs, mine, true);
}

void PagingPolicyEditor::openComparison()
{
    if (!m_controller->hasServerChange())
        return;
    openConflictDialog(m_controller->serverSteps(), m_model->steps(), false);
}

void PagingPolicyEditor::openConflictDialog(
    const QList<PolicyStep>& theirs, const QList<PolicyStep>& mine, bool saving)
{
    if (m_conflict)
        m_conflict->close();
    auto* dialog = new PagingPolicyConflictDialog(theirs, mine, m_model, this,
        saving ? PagingPolicyConflictDialog::Mode::Saving
               : PagingPolicyConflictDialog::Mode::Reviewing);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_conflict = dialog;
    if (saving) {
        connect(dialog, &PagingPolicyConflictDialog::keepMine, m_controller,
            &PagingPolicyController::keepMine);
        connect(dialog, &PagingPolicyConflictDialog::takeTheirs, m_controller,
            &PagingPolicyController::takeTheirs);
        connect(dialog, &QDialog::rejected, this, [this] {
            showMessage(tr("Nothing was saved; your edits are kept. Save again to choose."), true);
        });
    } else {
        connect(dialog, &PagingPolicyConflictDialog::keepMine, this, [this] {
            m_controller->adoptServerBase();
            showMessage(tr("Your edits are kept; Save writes them over the server's policy."),
                MessageKind::Info);
        });
        connect(dialog, &PagingPolicyConflictDialog::takeTheirs, m_controller,
            &PagingPolicyController::takeServerPolicy);
    }
    dialog->open();
}

void PagingPolicyEditor::onStateChanged() { updateButtons(); }

void PagingPolicyEditor::updateButtons()
{
    const bool busy = m_controller->isBusy();
    const bool dirty = m_model->isDirty();
    m_dirty->setVisible(dirty);
    m_save->setEnabled(dirty && !busy);
    m_saveAction->setEnabled(dirty && !busy);
    m_discard->setEnabled(dirty && !busy);
    m_canvas->setEnabled(!busy);
    m_palette->setEnabled(!busy);
    m_users->setEnabled(!busy);
    const PagingPolicyController::State state = m_controller->state();
    m_refreshAction->setEnabled(!busy && state != PagingPolicyController::State::Conflict);
    m_refreshing->setVisible(state == PagingPolicyController::State::Refreshing);
    m_serverBanner->setVisible(m_controller->hasServerChange());
    m_compare->setEnabled(!busy);
    m_takeServer->setEnabled(!busy);
}

} // namespace rota
