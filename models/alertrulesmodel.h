// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The org's alert rules (Rules Engine) as a table, in the order they run.

#include "alertrules.h"
#include "rowtablemodel.h"

#include <QList>

namespace rota {

//! One row per rule, in rank order. setRules() applies the server's list as a diff keyed by the
//! rule's id (inserts, removals, moves, changes): a routine reload keeps selection and scrolling.
class AlertRulesModel : public RowTableModel {
    Q_OBJECT
public:
    enum Column {
        RankColumn, //!< "1"
        FieldColumn, //!< the alert field tested
        MatchColumn, //!< the pattern and how it matches: "db-prod-* (wildcard)"
        ActionColumn, //!< what a match does, in words
        ColumnCount
    };
    enum Role {
        RuleIdRole = Qt::UserRole + 1, //!< int
        RankRole, //!< int
        StopRole, //!< bool
        RouteKeyRole, //!< QString
        SortRole, //!< the rank, for a proxy
    };

    explicit AlertRulesModel(QObject* parent = nullptr);

    //! Replaces the rules (sorted by rank here, ties kept in the given order).
    void setRules(const QList<AlertRule>& rules);
    const QList<AlertRule>& rules() const { return m_rules; }
    //! The row of rule `id`; -1 when there is none.
    int rowOf(int id) const;
    //! The rule of `row`; a default rule (id 0) when out of range.
    AlertRule rule(int row) const;

    //! What a match of `rule` does, in words: "route to db; add Runbook (link); stop".
    static QString actionText(const AlertRule& rule);
    //! "db-prod-* (wildcard)", "^db-.*$ (regex)".
    static QString matchText(const AlertRule& rule);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AlertRule> m_rules;
};

} // namespace rota
