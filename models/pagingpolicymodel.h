// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "people.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

class QUndoStack;

namespace rota {

//! One step of a personal paging policy as the editor holds it: a timeout and rules (rule
//! indexes are always -1 here: a rule's place is its position).
struct PolicyStep {
    int timeout = 5; //!< minutes before the next step fires
    QList<PagingRule> rules;

    bool operator==(const PolicyStep& other) const
    {
        return timeout == other.timeout && rules == other.rules;
    }
    bool operator!=(const PolicyStep& other) const { return !(*this == other); }
    //! The step as the API takes it (index -1).
    PagingStep toPagingStep() const;
    //! The step without the API's indexes.
    static PolicyStep fromPagingStep(const PagingStep& step);
};

//! The steps of a policy as the API answers them, without indexes.
QList<PolicyStep> policySteps(const PersonalPagingPolicy& policy);

//! The personal paging policy being edited, as a tree: the root's children are the steps (in
//! order), a step's children are its rules. One column.
//!
//! Every change goes through the undo stack (see pagingpolicycommands.h): the edit functions
//! below push a command; undo() and redo() on stack() revert and replay. The model keeps the
//! server's policy it was loaded from (base()) next to the edited one (steps()); isDirty() is true
//! while they differ (an edit undone by hand, or undone, leaves nothing unsaved).
//!
//! A step pages each contact once: an edit that would put a rule into a step that already has an
//! equal one (same notification type to the same contact method) is refused, returns false and
//! emits editRefused() with the reason in words. A policy read from the server is shown as it is,
//! duplicates included.
//!
//! Drag and drop: one MIME type (MimeType) carries a step, a rule or a palette contact (see
//! contactMimeData()). Dropping a rule or contact on a step (row = position, -1 = at the end) or on
//! a rule (lands at its place) moves or adds it; a step dropped on the root moves it; a contact
//! dropped on the root makes a new step there with that one rule.
class PagingPolicyModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        KindRole = Qt::UserRole + 1, //!< Kind
        StepNumberRole, //!< 1-based number of the step (of the rule's step for rules)
        TimeoutRole, //!< minutes (steps)
        NotificationTypeRole, //!< push, email, sms, phone (rules)
        ContactIdRole, //!< qint64 (rules; 0 for push)
        ContactTypeRole, //!< "email", "phone" or empty (rules)
        ContactLabelRole, //!< words for the contact, e.g. "Work (maya@example.com)" (rules)
        NotificationLabelRole, //!< words for the notification type, e.g. "SMS" (rules)
        RuleCountRole, //!< int (steps)
    };
    Q_ENUM(Role)
    enum class Kind { Step, Rule };
    Q_ENUM(Kind)

    static constexpr const char* MimeType = "application/x-rota-paging-item";

    explicit PagingPolicyModel(QObject* parent = nullptr);
    ~PagingPolicyModel() override;

    //! Replaces everything with the server's policy; clears the undo history. Not dirty after.
    void load(const PersonalPagingPolicy& policy);
    //! Shows the server's policy again after a re-read, as load() does, but as changes (rows
    //! inserted, removed, data changed) rather than a reset, so that views keep their current
    //! item; emits nothing and keeps the history when the model already shows exactly `policy`.
    //! Returns whether anything changed. Not dirty after.
    bool showServer(const PersonalPagingPolicy& policy);
    //! True while showServer() or markSaved() applies the server's state (views that follow
    //! edits, e.g. by making an inserted row current, leave those changes alone).
    bool isApplyingServerState() const { return m_applyingServer; }
    //! The server's state changed under the edits (after a partial save): the edits stay as they
    //! are, the base becomes `policy`. Keeps the undo history.
    void rebase(const PersonalPagingPolicy& policy);
    //! Forgets the edits: back to the base.
    void discard();
    //! After a successful save: the edits are now the server's state (`policy`, read back). The
    //! history is kept when the model already shows `policy` (undo then makes unsaved edits).
    void markSaved(const PersonalPagingPolicy& policy);

    QList<PolicyStep> steps() const;
    const QList<PolicyStep>& base() const { return m_base; }
    //! The edited policy in the API's terms (indexes filled in).
    PersonalPagingPolicy editedPolicy() const;
    bool isDirty() const;
    QUndoStack* stack() const { return m_stack; }

    //! For labels: the user's contact methods (ids to words).
    void setContactMethods(const ContactMethods& methods);
    const ContactMethods& contactMethods() const { return m_contacts; }
    //! Words for a rule: "Push to all devices", "E-mail Work (maya@example.com)", "SMS Mobile".
    QString ruleText(const PagingRule& rule) const;
    QString contactLabel(const PagingRule& rule) const;
    static QString notificationLabel(const QString& type);
    //! "1 minute", "5 minutes".
    static QString minutesText(int minutes);

    //! The place of a rule equal to `rule` in `step` (ignoring the one at `except`); -1 if none.
    int findRule(int step, const PagingRule& rule, int except = -1) const;
    //! Why `rule` cannot go into `step` (it already has it), in words; empty when it can.
    QString duplicateReason(int step, const PagingRule& rule, int except = -1) const;
    //! Why dropping `data` at (row, parent) is refused, in words; empty when it is not refused
    //! for a reason a person needs to know (it may still be no drop target at all).
    QString dropRefusal(const QMimeData* data, int row, const QModelIndex& parent) const;
    //! The rules without repeats (the first of equal rules kept).
    static QList<PagingRule> withoutDuplicates(const QList<PagingRule>& rules);

    // Edits (each pushes one undo command; out-of-range arguments are ignored and return false;
    // an edit that would repeat a rule within a step is refused: false and editRefused()).
    bool addRule(int step, int position, const PagingRule& rule); //!< position -1: at the end
    bool removeRule(int step, int position);
    //! Moves a rule; `toPosition` is its place in the destination step after the move (-1: last).
    bool moveRule(int fromStep, int fromPosition, int toStep, int toPosition);
    bool changeRule(int step, int position, const PagingRule& rule);
    //! position -1: at the end. Repeated rules in `step` are added once.
    bool addStep(int position, const PolicyStep& step = {});
    bool removeStep(int position);
    //! `to` is the step's place after the move.
    bool moveStep(int from, int to);
    bool setTimeout(int step, int minutes);

    //! Drag data for a palette entry: dropping it adds `rule`.
    static QMimeData* contactMimeData(const PagingRule& rule);
    //! What a drag carries, read back (for views showing where it would land).
    struct DragItem {
        enum Type { None, Step, Rule, Contact } type = None;
        int step = -1;
        int rule = -1;
        PagingRule contact;
    };
    DragItem dragItem(const QMimeData* data) const;

    // QAbstractItemModel
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
        const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
        const QModelIndex& parent) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    //! Moves one row (count must be 1): steps under the root, rules between steps. Undoable.
    bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
        const QModelIndex& destinationParent, int destinationChild) override;
    //! Removes rows (steps or rules), undoably, as one step of the history.
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;

Q_SIGNALS:
    void dirtyChanged(bool dirty);
    //! An edit was refused; `reason` says why in words (e.g. the step already has that rule).
    void editRefused(const QString& reason);

private:
    friend class AddRuleCommand;
    friend class RemoveRuleCommand;
    friend class MoveRuleCommand;
    friend class ChangeRuleCommand;
    friend class AddStepCommand;
    friend class RemoveStepCommand;
    friend class MoveStepCommand;
    friend class ChangeTimeoutCommand;

    // Raw edits without undo, for the commands.
    void rawInsertRule(int step, int position, const PagingRule& rule);
    PagingRule rawRemoveRule(int step, int position);
    void rawMoveRule(int fromStep, int fromPosition, int toStep, int toPosition);
    void rawSetRule(int step, int position, const PagingRule& rule);
    void rawInsertStep(int position, const PolicyStep& step);
    PolicyStep rawRemoveStep(int position);
    void rawMoveStep(int from, int to);
    void rawSetTimeout(int step, int minutes);

    struct Row {
        quint64 key; //!< stable identity of a step (a rule's internalId is its step's key)
        PolicyStep step;
    };
    int stepRowOfKey(quint64 key) const;
    void renumber();
    void reset(const QList<PolicyStep>& steps);
    //! Turns the rows into `steps` with row and data changes; true when anything changed.
    bool sync(const QList<PolicyStep>& steps);
    void updateDirty();
    bool resolveRuleTarget(const QModelIndex& parent, int row, int* step, int* position) const;

    QList<Row> m_rows;
    QList<PolicyStep> m_base;
    quint64 m_nextKey = 1;
    QUndoStack* m_stack;
    ContactMethods m_contacts;
    bool m_dirty = false;
    bool m_applyingServer = false;
};

} // namespace rota
