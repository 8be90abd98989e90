// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The undo commands of the paging-policy editor. Each holds positions (steps and rules are
// positional, as in the API) and the values it needs to undo itself; the model's edit functions
// make and push them. Timeout changes of one step merge, and so do rule changes of one rule, so
// that stepping through a combo box is one undo step.

#include "pagingpolicymodel.h"

#include <QUndoCommand>

namespace rota {

enum PagingCommandId { ChangeRuleId = 6001, ChangeTimeoutId = 6002 };

class AddRuleCommand : public QUndoCommand {
public:
    AddRuleCommand(PagingPolicyModel* model, int step, int position, const PagingRule& rule);
    void redo() override;
    void undo() override;

private:
    PagingPolicyModel* m_model;
    int m_step;
    int m_position;
    PagingRule m_rule;
};

class RemoveRuleCommand : public QUndoCommand {
public:
    RemoveRuleCommand(PagingPolicyModel* model, int step, int position);
    void redo() override;
    void undo() override;

private:
    PagingPolicyModel* m_model;
    int m_step;
    int m_position;
    PagingRule m_rule;
};

class MoveRuleCommand : public QUndoCommand {
public:
    //! `toPosition` is the rule's place in the destination step after the move.
    MoveRuleCommand(
        PagingPolicyModel* model, int fromStep, int fromPosition, int toStep, int toPosition);
    void redo() override;
    void undo() override;

private:
    PagingPolicyModel* m_model;
    int m_fromStep;
    int m_fromPosition;
    int m_toStep;
    int m_toPosition;
};

class ChangeRuleCommand : public QUndoCommand {
public:
    ChangeRuleCommand(PagingPolicyModel* model, int step, int position, const PagingRule& rule);
    void redo() override;
    void undo() override;
    int id() const override { return ChangeRuleId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    PagingPolicyModel* m_model;
    int m_step;
    int m_position;
    PagingRule m_old;
    PagingRule m_new;
};

class AddStepCommand : public QUndoCommand {
public:
    AddStepCommand(PagingPolicyModel* model, int position, const PolicyStep& step);
    void redo() override;
    void undo() override;

private:
    PagingPolicyModel* m_model;
    int m_position;
    PolicyStep m_step;
};

class RemoveStepCommand : public QUndoCommand {
public:
    RemoveStepCommand(PagingPolicyModel* model, int position);
    void redo() override;
    void undo() override;

private:
    PagingPolicyModel* m_model;
    int m_position;
    PolicyStep m_step;
};

class MoveStepCommand : public QUndoCommand {
public:
    //! `to` is the step's place after the move.
    MoveStepCommand(PagingPolicyModel* model, int from, int to);
    void redo() override;
    void undo() override;

private:
    PagingPolicyModel* m_model;
    int m_from;
    int m_to;
};

class ChangeTimeoutCommand : public QUndoCommand {
public:
    ChangeTimeoutCommand(PagingPolicyModel* model, int step, int minutes);
    void redo() override;
    void undo() override;
    int id() const override { return ChangeTimeoutId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    PagingPolicyModel* m_model;
    int m_step;
    int m_old;
    int m_new;
};

} // namespace rota
