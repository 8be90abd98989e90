// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The rows of a history search (HistoryReport::rows) as a table, for the Reports view.

#include "historytypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace rota {

//! The incidents a history search matched, one row each, in the report's order (newest first).
//! setReport() applies a diff keyed by the incident number: rows that left are removed and new
//! ones inserted in contiguous runs, rows whose values changed emit dataChanged. A reset happens
//! only when the kept rows come in another order, or when the diff would take more than
//! MaxDiffRuns runs of removals and insertions (another search whose rows interleave with the
//! old ones: one reset is far cheaper for a sorting proxy than thousands of small steps). So a
//! routine refresh (the sync stored another page) keeps the view's selection and scroll
//! position.
class HistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        StartedColumn, //!< local time
        SummaryColumn,
        TeamsColumn,
        RoutingKeyColumn,
        ServiceColumn,
        HostColumn,
        PhaseColumn,
        AckColumn, //!< time to acknowledge
        ResolveColumn, //!< time to resolve
        ColumnCount
    };
    enum Role {
        NumberRole = Qt::UserRole + 1, //!< qint64
        StartMsRole, //!< qint64, UTC ms
        PhaseRole, //!< int (Phase)
        SecondsToAckRole, //!< qint64; -1 when never acknowledged
        SecondsToResolveRole, //!< qint64; -1 when not resolved
        //! The column's value for sorting: numbers as numbers (never acknowledged or resolved
        //! sorts after every time), text folded to lower case.
        SortRole,
    };

    //! More runs of removed or inserted rows than this make setRows() a reset.
    static constexpr int MaxDiffRuns = 100;

    explicit HistoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Shows `rows` (newest first; numbers unique) as a diff against what the model holds.
    void setRows(const QList<HistoryIncident>& rows);
    void setReport(const HistoryReport& report) { setRows(report.rows); }
    void clear();

    //! Team names by slug for the Teams column (a slug without one is shown as it is).
    void setTeamNames(const QHash<QString, QString>& names);

    //! The incident at `row` (checked).
    const HistoryIncident& incidentAt(int row) const;
    //! The row of incident `number`; -1 when not shown.
    int rowOf(qint64 number) const;

    //! A duration for people: "45 s", "12 min", "3 h 05 min", "2 d 4 h"; empty when negative.
    static QString durationText(qint64 seconds);

private:
    QString teamsText(const HistoryIncident& incident) const;

    QList<HistoryIncident> m_rows;
    QHash<QString, QString> m_teamNames;
};

} // namespace rota
