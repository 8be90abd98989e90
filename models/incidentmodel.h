// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidents.h"
#include "phase.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QTimer;

namespace rota {

//! The current incidents as a table, one row per incident, keyed by incident number.
//!
//! A refresh is applied as a diff (applySnapshot): incidents no longer listed were resolved and
//! stay as resolved rows (see setKeepResolved; beyond the limit they are removed in contiguous
//! ranges), new ones are appended, and dataChanged is emitted only for the rows whose data changed,
//! so views keep their selection, current index and scroll position. Only reset() (first load or
//! account switch) resets the model.
//!
//! Actions in flight are shown optimistically: beginPending() changes the phase a row shows at
//! once and marks it pending; finishPending() either keeps the new phase (accepted) or rolls the
//! row back and records the server's refusal (ErrorRole). A snapshot arriving meanwhile updates
//! the row's server data but not the phase a pending row shows, nor (given its snapshotMark) the
//! phase an action accepted after the snapshot was requested set.
//!
//! An action whose answer was lost (it may or may not have been applied) leaves its rows "not
//! confirmed yet" (markUnconfirmed()): still pending, showing the phase asked for, and saying so
//! in words. The first snapshot requested after that settles them to the server's truth: the
//! mark goes, the row shows what the server has, and when the action was not applied ErrorRole
//! says so; unconfirmedSettled() reports the outcome.
class IncidentModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        PhaseColumn,
        SummaryColumn,
        ServiceColumn, //!< the service; "—" when the incident names none (as the detail pane)
        HostColumn, //!< the host; "—" when none
        RoutingKeyColumn,
        PagedColumn, //!< the paged users (by name), else the policies, else the teams
        StartedColumn, //!< relative ("5 min ago"); ticks once a minute
        LastAlertColumn, //!< relative; ticks once a minute
        //! who acknowledged it (by name; the username in the tooltip); empty when nobody has
        AcknowledgedByColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        IncidentRole = Qt::UserRole + 1, //!< rota::Incident, with the phase shown (optimistic)
        NumberRole, //!< QString, the incident number
        PhaseRole, //!< int(rota::Phase) shown: the optimistic phase while an action is pending
        SortRole, //!< per column: numbers and times as numbers, texts as lower-case text
        PagingMeRole, //!< bool: the acting user is among the paged users
        MyTeamsRole, //!< bool: one of my teams is among the paged teams
        PendingRole, //!< int(PendingAction); 0 (None) when nothing is in flight
        ErrorRole, //!< QString: why the server refused the last action on this row; empty if none
        StartTimeRole, //!< QDateTime (UTC)
        LastAlertTimeRole, //!< QDateTime (UTC)
        //! bool: the action's answer was lost; the row waits for a refresh to learn whether it was
        //! applied (PendingRole is still set; the phase column and its tooltip say so in words)
        UnconfirmedRole,
        //! bool: the incident has chat messages not shown to this person yet (setUnreadChat)
        UnreadChatRole,
    };
    Q_ENUM(Role)

    enum class PendingAction { None, Acknowledge, Resolve, Reroute };
    Q_ENUM(PendingAction)

    static constexpr int TickIntervalMs = 60000;

    explicit IncidentModel(QObject* parent = nullptr);
    ~IncidentModel() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Replaces everything with a model reset: for the first load and an account switch only.
    //! Pending actions and errors are forgotten.
    void reset(const QList<Incident>& incidents = {});

    static constexpr quint64 NoMark = ~quint64(0);

    //! Applies a refresh as a diff (see the class comment). Never resets. Duplicate numbers in the
    //! snapshot: the first one wins. A row counts as changed when any field of its incident
    //! differs: the plain fields are compared, the rest through Incident::fingerprint() (the
    //! parser's parsedFingerprint when set, so an unchanged row costs no reading of its texts).
    //! Numbers are matched as integers (as texts when one is not a plain number); a snapshot
    //! with the rows' incidents in the rows' order needs no lookups at all.
    //!
    //! `requestedAt`: snapshotMark() when the snapshot was requested. A phase an accepted action
    //! set after that mark is kept against the snapshot's (which predates the action); NoMark:
    //! the snapshot is newer than everything.
    void applySnapshot(const QList<Incident>& incidents, quint64 requestedAt = NoMark);
    //! How many incidents that left the service's list (they were resolved) stay as resolved
    //! rows, newest kept; 0 removes them at once. The Resolved filter shows them, and a resolved
    //! incident stays where the user was looking at it.
    void setKeepResolved(int limit) { m_keepResolved = qMax(0, limit); }
    int keepResolved() const { return m_keepResolved; }
    static constexpr int DefaultKeepResolved = 200;
    //! Take it when requesting a snapshot, and pass it to applySnapshot with the answer.
    quint64 snapshotMark() const { return m_confirmations; }

    //! username → name, as OrgDirectory::userNames() gives them: the Paged column shows names
    //! (the usernames are in its tooltip). Emits dataChanged for the Paged cells that change.
    void setUserNames(const QHash<QString, QString>& names);
    //! The name shown for `username` (matched in any case); the username itself when unknown.
    QString nameOf(const QString& username) const;

    //! Who "paging me" and "my teams" refer to. Usernames compare case-insensitively.
    void setIdentity(const QString& username, const QSet<QString>& teamSlugs = {});
    QString username() const { return m_username; }
    QSet<QString> teamSlugs() const { return m_teams; }

    //! The row of an incident, -1 when absent.
    int rowOf(const QString& incidentNumber) const;
    //! The incident at a row as the server last sent it (or as an accepted action left it):
    //! without the optimistic phase of an action in flight, which phaseAt() gives. No copy.
    const Incident& incidentAt(int row) const;
    //! The phase the row shows: the optimistic one while an action is pending.
    Phase phaseAt(int row) const;
    bool isPagingMe(int row) const;
    bool isMyTeams(int row) const;
    PendingAction pendingAt(int row) const;
    //! The row's pending action was sent but its answer was lost (see markUnconfirmed()).
    bool isUnconfirmedAt(int row) const;
    QString errorAt(int row) const;
    QStringList numbers() const; //!< in row order

    //! The rows of the open incidents (triggered or acknowledged, as shown) that page the acting
    //! user, newest first (then by number): what the tray lists and "resolve all paging me" names.
    QList<int> openRowsPagingMe() const;

    //! Incidents per shown phase.
    int count(Phase phase) const;
    //! Incidents per shown phase that page the acting user. countPagingMe(Phase::Triggered) is
    //! THE count of "paging me": the navigation badge, the scope filter and the tray say it (an
    //! acknowledged incident no longer pages anyone).
    int countPagingMe(Phase phase) const;

    //! The username of whoever acknowledged the incident last (its transitions); empty when
    //! nobody has.
    static QString acknowledgedBy(const Incident& incident);

    //! Marks the rows of these incidents (those present and not already pending) as pending
    //! `action` under `ticket`, showing `optimistic` (Phase::Unknown: the phase is unchanged),
    //! and clears their errors. Returns the numbers marked.
    QStringList beginPending(
        const QStringList& incidentNumbers, PendingAction action, Phase optimistic, quint64 ticket);
    //! Ends the pending state of a row marked under `ticket` (other rows and tickets are left
    //! alone). accepted: the optimistic phase becomes the row's phase until a snapshot requested
    //! after this says otherwise; else the row shows the server's phase again. `message` becomes
    //! the row's ErrorRole: why it was refused, or what part of an accepted action failed (may be
    //! empty). Returns false when the row is absent or not pending under this ticket.
    bool finishPending(
        const QString& incidentNumber, quint64 ticket, bool accepted, const QString& message = {});
    //! The answer to the action pending under `ticket` was lost: the rows of these incidents stay
    //! pending, showing the phase asked for, marked "not confirmed yet", until a snapshot
    //! requested after this call settles them. An acknowledgement counts as applied when the
    //! server shows the incident acknowledged or resolved, a resolution when resolved, a reroute
    //! when every one of `targets` is paged. Returns the numbers marked.
    QStringList markUnconfirmed(const QStringList& incidentNumbers, quint64 ticket,
        const QList<IncidentTarget>& targets = {});
    //! An incident acted on that was not marked (e.g. by "ack all paging me"): shows `phase`
    //! (kept like an accepted action's).
    void setConfirmedPhase(const QString& incidentNumber, Phase phase);
    void clearError(const QString& incidentNumber);
    //! Marks an incident (by number, also before its row arrives) as having chat not read yet;
    //! the mark stays through refreshes. Emits dataChanged for its row.
    void setUnreadChat(const QString& incidentNumber, bool unread);

    //! Relative time in words: "just now", "5 min ago", "3 h ago", "2 d ago".
    static QString relativeTime(const QDateTime& then, const QDateTime& now);
    //! For tests: the clock used for relative times (default: the current UTC time).
    void setClock(std::function<QDateTime()> clock);
    //! Emits dataChanged for the time columns, DisplayRole only; the model's own timer calls it
    //! once a minute while there are rows.
    void tick();
    bool isTicking() const;

Q_SIGNALS:
    //! Some count() or countPagingMe() changed.
    void countsChanged();
    //! A snapshot settled rows left "not confirmed yet" by `action` (after it was applied):
    //! `applied` show what was asked for, `notApplied` show the server's state and say why in
    //! ErrorRole. Emitted once per action with settled rows.
    void unconfirmedSettled(rota::IncidentModel::PendingAction action, const QStringList& applied,
        const QStringList& notApplied);

private:
    struct Row;

    void rebuildIndex() const;
    void updateFlags(Row& row) const;
    void setIncident(Row& row, const Incident& incident, quint64 fingerprint) const;
    void countRow(const Row& row, int delta);
    void recount();
    void emitCountsIfChanged(const int (&counts)[4], const int (&pagingMe)[4]);
    void updateTicker();
    QVariant displayData(const Row& row, int column) const;
    QVariant sortData(const Row& row, int column) const;
    void emitRowChanged(int row);
    //! Rows settled by one snapshot, for one action.
    struct Settled {
        PendingAction action = PendingAction::None;
        QStringList applied;
        QStringList notApplied;
    };
    //! Settles the unconfirmed rows the snapshot (requested at `requestedAt`) answers; `source`
    //! maps rows to the snapshot's incidents (-1: not listed, i.e. resolved).
    QList<Settled> settleUnconfirmed(const QList<Incident>& incidents,
        const std::vector<qsizetype>& source, quint64 requestedAt);
    QString notAppliedWords(const Row& row, const Incident& now) const;

    std::vector<std::unique_ptr<Row>> m_rows;
    mutable QHash<QString, int> m_rowOf; //!< rebuilt lazily after removals
    mutable bool m_indexDirty = false;
    quint64 m_confirmations = 0; //!< accepted and unconfirmed actions so far (see snapshotMark)
    QString m_username;
    QHash<QString, QString> m_names; //!< case-folded username → name
    QSet<QString> m_teams;
    int m_counts[4] = { 0, 0, 0, 0 };
    int m_countsPagingMe[4] = { 0, 0, 0, 0 };
    std::function<QDateTime()> m_clock;
    QTimer* m_ticker;
    int m_keepResolved = DefaultKeepResolved;
    QSet<QString> m_unreadChat; //!< incident numbers (setUnreadChat)
    int m_kept = 0; //!< rows kept as resolved
    quint64 m_keptOrder = 0;
};

} // namespace rota

Q_DECLARE_METATYPE(rota::Incident)
