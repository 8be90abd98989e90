// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Escalation policies: one team's policies as a one-column list, and one policy's detail, its
// steps and their entries, as a two-level tree model. Both hold what they are given; the
// TeamsController reads, creates and deletes policies and feeds them.

#include "policies.h"
#include "rowtablemodel.h"

#include <QAbstractItemModel>
#include <QList>
#include <QString>

namespace rota {

//! One entry in words, e.g. "page rotation 'Primary'", "page Dmitri Petrov (dmitri.petrov)",
//! "call webhook 'Status page'", "e-mail ops@example.com", "hand over to policy 'DB'".
//! `policyNames` maps policy slugs to names for policy_routing (a slug shows when unknown).
QString describeEscalationEntry(
    const EscalationPolicyEntry& entry, const QHash<QString, QString>& policyNames = {});
//! When a step runs, e.g. "immediately", "after 15 minutes", "after 1 hour 30 minutes".
QString describeEscalationTimeout(int minutes);
//! One step in a line: "Step 1 — immediately: page rotation 'Primary'" (`index` counts from 0).
QString describeEscalationStep(
    int index, const EscalationPolicyStep& step, const QHash<QString, QString>& policyNames = {});

//! The escalation policies of one team (all teams when the team is empty), out of the org's list,
//! sorted by name. setTeam() resets (a different list); setPolicies() applies a diff keyed by the
//! policy's slug (inserts, removes, moves, in-place changes; no reset).
class EscalationPolicyModel : public RowTableModel {
    Q_OBJECT
public:
    enum Role {
        SlugRole = Qt::UserRole + 1, //!< QString "pol-..."
        NameRole, //!< QString
        TeamSlugRole, //!< QString
        TeamNameRole, //!< QString
        SortRole, //!< the name folded to lower case
    };

    explicit EscalationPolicyModel(QObject* parent = nullptr);
    ~EscalationPolicyModel() override;

    //! One column: the policy's name.
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Shows `teamSlug`'s policies from what was last given (a reset when the team changes).
    void setTeam(const QString& teamSlug);
    QString team() const { return m_teamSlug; }

    //! Applies the org's policy list: this team's rows as a diff.
    void setPolicies(const QList<EscalationPolicyInfo>& all);
    //! Every team's policies as last read (slug → name lookups for policy routing).
    const QList<EscalationPolicyInfo>& allPolicies() const { return m_all; }
    QHash<QString, QString> policyNames() const;
    int rowOf(const QString& slug) const;
    const EscalationPolicyInfo& policyAt(int row) const;

private:
    QString m_teamSlug;
    QList<EscalationPolicyInfo> m_all;
    QList<EscalationPolicyInfo> m_rows;
};

//! One escalation policy's detail as a tree: a row per step ("Step 1 — immediately"), under it a
//! row per entry ("page rotation 'Primary'"). setPolicy() with the same policy (slug and steps)
//! changes nothing; with another one it resets.
class EscalationStepModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        StepRole = Qt::UserRole + 1, //!< int: the step's index (also on entry rows)
        TimeoutRole, //!< int minutes (step rows)
        EntryTypeRole, //!< QString executionType (entry rows)
        TargetRole, //!< QString: slug, username or address (entry rows)
        IsStepRole, //!< bool
    };

    explicit EscalationStepModel(QObject* parent = nullptr);
    ~EscalationStepModel() override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setPolicy(const EscalationPolicy& policy);
    void clear();
    const EscalationPolicy& policy() const { return m_policy; }
    bool hasPolicy() const { return !m_policy.slug.isEmpty(); }
    //! For "hand over to policy 'X'" entries.
    void setPolicyNames(const QHash<QString, QString>& names);

    //! Every step in a line each (describeEscalationStep), for a label or the clipboard.
    QStringList summary() const;

private:
    EscalationPolicy m_policy;
    QHash<QString, QString> m_policyNames;
};

} // namespace rota
