// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "pagingpolicycommands.h"

#include <QCoreApplication>

namespace rota {

AddRuleCommand::AddRuleCommand(
    PagingPolicyModel* model, int step, int position, const PagingRule& rule)
    : m_model(model)
    , m_step(step)
    , m_position(position)
    , m_rule(rule)
{
    setText(QCoreApplication::translate("rota::PagingPolicyCommands", "Add %1 to step %2")
                .arg(model->ruleText(rule))
                .arg(step + 1));
}

void AddRuleCommand::redo() { m_model->rawInsertRule(m_step, m_position, m_rule); }
void AddRuleCommand::undo() { m_model->rawRemoveRule(m_step, m_position); }

RemoveRuleCommand::RemoveRuleCommand(PagingPolicyModel* model, int step, int position)
    : m_model(model)
    , m_step(step)
    , m_position(position)
    , m_rule(model->steps().at(step).rules.at(position))
{
    setText(QCoreApplication::translate("rota::PagingPolicyCommands", "Remove %1 from step %2")
                .arg(model->ruleText(m_rule))
                .arg(step + 1));
}

void RemoveRuleCommand::redo() { m_model->rawRemoveRule(m_step, m_position); }
void RemoveRuleCommand::undo() { m_model->rawInsertRule(m_step, m_position, m_rule); }

MoveRuleCommand::MoveRuleCommand(
    PagingPolicyModel* model, int fromStep, int fromPosition, int toStep, int toPosition)
    : m_model(model)
    , m_fromStep(fromStep)
    , m_fromPosition(fromPosition)
    , m_toStep(toStep)
    , m_toPosition(toPosition)
{
    const PagingRule rule = model->steps().at(fromStep).rules.at(fromPosition);
    if (fromStep == toStep)
        setText(QCoreApplication::translate("rota::PagingPolicyCommands", "Move %1 within step %2")
                    .arg(model->ruleText(rule))
                    .arg(fromStep + 1));
    else
        setText(QCoreApplication::translate("rota::PagingPolicyCommands", "Move %1 to step %2")
                    .arg(model->ruleText(rule))
                    .arg(toStep + 1));
}

void MoveRuleCommand::redo()
{
    m_model->rawMoveRule(m_fromStep, m_fromPosition, m_toStep, m_toPosition);
}

void MoveRuleCommand::undo()
{
    m_model->rawMoveRule(m_toStep, m_toPosition, m_fromStep, m_fromPosition);
}

ChangeRuleCommand::ChangeRuleCommand(
    PagingPolicyModel* model, int step, int position, const PagingRule& rule)
    : m_model(model)
    , m_step(step)
    , m_position(position)
    , m_old(model->steps().at(step).rules.at(position))
    , m_new(rule)
{
    setText(
        QCoreApplication::translate("rota::PagingPolicyCommands", "Change a rule of step %1 to %2")
            .arg(step + 1)
            .arg(model->ruleText(rule)));
}

void ChangeRuleCommand::redo() { m_model->rawSetRule(m_step, m_position, m_new); }
void ChangeRuleCommand::undo() { m_model->rawSetRule(m_step, m_position, m_old); }

bool ChangeRuleCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const ChangeRuleCommand*>(other);
    if (next->m_step != m_step || next->m_position != m_position)
        return false;
    m_new = next->m_new;
    setText(next->text());
    setObsolete(m_new == m_old); // back where it started: nothing to undo
    return true;
}

AddStepCommand::AddStepCommand(PagingPolicyModel* model, int position, const PolicyStep& step)
    : m_model(model)
    , m_position(position)
    , m_step(step)
{
    setText(
        QCoreApplication::translate("rota::PagingPolicyCommands", "Add step %1").arg(position + 1));
}

void AddStepCommand::redo() { m_model->rawInsertStep(m_position, m_step); }
void AddStepCommand::undo() { m_model->rawRemoveStep(m_position); }

RemoveStepCommand::RemoveStepCommand(PagingPolicyModel* model, int position)
    : m_model(model)
    , m_position(position)
    , m_step(model->steps().at(position))
{
    setText(QCoreApplication::translate("rota::PagingPolicyCommands", "Remove step %1")
                .arg(position + 1));
}

void RemoveStepCommand::redo() { m_model->rawRemoveStep(m_position); }
void RemoveStepCommand::undo() { m_model->rawInsertStep(m_position, m_step); }

MoveStepCommand::MoveStepCommand(PagingPolicyModel* model, int from, int to)
    : m_model(model)
    , m_from(from)
    , m_to(to)
{
    setText(QCoreApplication::translate("rota::PagingPolicyCommands", "Move step %1 to place %2")
                .arg(from + 1)
                .arg(to + 1));
}

void MoveStepCommand::redo() { m_model->rawMoveStep(m_from, m_to); }
void MoveStepCommand::undo() { m_model->rawMoveStep(m_to, m_from); }

ChangeTimeoutCommand::ChangeTimeoutCommand(PagingPolicyModel* model, int step, int minutes)
    : m_model(model)
    , m_step(step)
    , m_old(model->steps().at(step).timeout)
    , m_new(minutes)
{
    setText(QCoreApplication::translate(
        "rota::PagingPolicyCommands", "Wait %n minute(s) after step %1", nullptr, minutes)
                .arg(step + 1));
}

void ChangeTimeoutCommand::redo() { m_model->rawSetTimeout(m_step, m_new); }
void ChangeTimeoutCommand::undo() { m_model->rawSetTimeout(m_step, m_old); }

bool ChangeTimeoutCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const ChangeTimeoutCommand*>(other);
    if (next->m_step != m_step)
        return false;
    m_new = next->m_new;
    setText(next->text());
    setObsolete(m_new == m_old); // back where it started: nothing to undo
    return true;
}

} // namespace rota
