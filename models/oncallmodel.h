// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "nextshift.h"
#include "oncall.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <functional>
#include <memory>
#include <vector>

namespace rota {

//! One escalation policy the signed-in user is on call for now.
struct MyOnCall {
    QString teamName;
    QString teamSlug;
    QString policyName;
    QString policySlug;
    QDateTime until; //!< UTC; invalid while no schedule of the team has been read
    QString replaces; //!< whom I stand in for (a take or an override); empty when it is my shift
};

//! The organisation's current on-call as a tree: team → escalation policy → the people on call
//! for the policy's first step, in the order the API lists them.
//!
//! applyCurrent() (GET /oncall/current) gives the shape; applySchedule() (a team's v2 schedule)
//! adds what the current call does not say: until when each person is on call, and whom a person
//! stands in for (a take on-call or a scheduled override). Both are applied as a diff keyed by
//! team slug, policy slug and username: rows come and go with insert/remove/move and dataChanged
//! for what changed, so views keep selection, expansion and scroll position. Only reset() resets.
//!
//! Rows are "me" (MeRole) when they are, or contain, the signed-in user (setUsername; compared
//! case-insensitively).
class OnCallModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn, //!< team, policy or person (their name; the username until names are set)
        UntilColumn, //!< people: until when ("14:00" today, "Fri 4 Dec 09:00"), where known
        NoteColumn, //!< people: "instead of X"; policies: "nobody on call"
        ColumnCount
    };
    Q_ENUM(Column)

    enum class Kind { Team, Policy, Person };
    Q_ENUM(Kind)

    enum Role {
        KindRole = Qt::UserRole + 1, //!< int(Kind)
        KeyRole, //!< QString: the team slug, the policy slug or the username
        TeamSlugRole, //!< QString: the team of the row
        PolicySlugRole, //!< QString: the policy of the row (policies and people)
        UsernameRole, //!< QString: people only
        MeRole, //!< bool: the row is the signed-in user, or a team or policy they are on call for
        UntilRole, //!< QDateTime (UTC): people, where known
        OverrideRole, //!< bool: people standing in for someone (take on-call or override)
        ReplacesRole, //!< QString: the username of whom the person stands in for
        SortRole, //!< texts in lower case, times as milliseconds
        SearchRole, //!< QString: what a search matches (people: their name and username)
    };
    Q_ENUM(Role)

    explicit OnCallModel(QObject* parent = nullptr);
    ~OnCallModel() override;

    QModelIndex index(
        int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Replaces everything with a model reset and forgets the schedules read: for the first load
    //! and an account switch only.
    void reset(const CurrentOnCall& current = {});
    //! Applies who is on call now as a diff (never a reset). Marks the model loaded.
    void applyCurrent(const CurrentOnCall& current);
    //! Applies a team's schedule (until, and who stands in for whom) as a diff. What it says of a
    //! person is only used while the current on-call lists that person for the policy.
    void applySchedule(const TeamSchedule& schedule);

    //! username → name, as OrgDirectory::userNames() gives them: people rows and notes show the
    //! name (the username is in the tooltip). Applied as a diff.
    void setUserNames(const QHash<QString, QString>& names);
    //! The name shown for `username` (matched in any case); the username itself when unknown.
    QString nameOf(const QString& username) const;

    //! Whose rows are "me".
    void setUsername(const QString& username);
    QString username() const { return m_username; }

    //! For tests: the clock (default: the current UTC time) used to pick the running roll.
    void setClock(std::function<QDateTime()> clock);
    QDateTime now() const { return m_clock(); }
    //! For tests: the zone times are written in (default: the system's).
    void setTimeZone(const QTimeZone& zone);
    QTimeZone timeZone() const { return m_zone; }

    //! The signed-in user's shifts in the coming weeks (from their v2 user schedule, see
    //! shifts::mine): the next shift of each policy in summary(), reminders, the calendar.
    //! Emits myShiftsChanged() when they changed.
    void setMyShifts(const QList<MyShift>& shifts);
    QList<MyShift> myShifts() const { return m_myShifts; }
    //! True once setMyShifts() has run.
    bool myShiftsKnown() const { return m_myShiftsKnown; }

    //! True once applyCurrent() or reset() with data has run.
    bool isLoaded() const { return m_loaded; }

    QModelIndex teamIndex(const QString& teamSlug) const;
    QModelIndex policyIndex(const QString& policySlug) const;
    QModelIndex personIndex(const QString& policySlug, const QString& username) const;

    //! Team slugs in row order.
    QStringList teamSlugs() const;
    //! Who is on call for the policy now, in row order; empty when it is not shown.
    QStringList onCallFor(const QString& policySlug) const;
    //! The team whose policy this is; empty when it is not shown.
    QString teamOfPolicy(const QString& policySlug) const;
    //! Whom `username` stands in for on the policy (from the schedules); empty when unknown.
    QString replacesOn(const QString& policySlug, const QString& username) const;

    //! The policies the signed-in user is on call for, in row order.
    QList<MyOnCall> myOnCall() const;
    //! True when the signed-in user is on call for some policy now.
    bool isOnCall() const { return !myOnCall().isEmpty(); }
    //! One line per policy: "On call for Platform (Platform EP) until Mon 7 Dec 14:00; next Thu
    //! 10 Dec 09:00–17:00" for each policy the user is on call for now, then "Next on call for SRE
    //! (SRE Primary): Tue 8 Dec 09:00–17:00" for each other policy with a shift to come; "Not on
    //! call" first when on call for none. Empty before the first load.
    QStringList summaryLines() const { return m_summaryLines; }
    //! summaryLines() joined by line breaks.
    QString summary() const;
    //! The lines of summaryLines() (public for tests). `now` and `zone` pick how dates are
    //! written; `nameOf` names the people stood in for (default: their usernames).
    static QStringList summaryLinesFor(const QList<MyOnCall>& mine, const QDateTime& now,
        const QList<MyShift>& shifts = {}, const QTimeZone& zone = QTimeZone::systemTimeZone(),
        const std::function<QString(const QString&)>& nameOf = {});
    //! summaryLinesFor(mine, now) joined by line breaks: someone's on-call now, policy by policy.
    static QString summaryFor(const QList<MyOnCall>& mine, const QDateTime& now);
    //! "09:00" today, "Fri 4 Dec 09:00" other days (in `zone`, the local one by default).
    static QString shortTime(const QDateTime& when, const QDateTime& now,
        const QTimeZone& zone = QTimeZone::systemTimeZone());

Q_SIGNALS:
    //! summary() changed.
    void summaryChanged(const QString& summary);
    //! myShifts() changed.
    void myShiftsChanged();

private:
    struct Node;
    struct Desired;
    struct PersonInfo {
        QDateTime until;
        QString replaces;
    };

    Node* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOf(const Node* node, int column = 0) const;
    std::vector<Desired> desired() const;
    void rebuild();
    void sync(Node* parent, const QModelIndex& parentIndex, const std::vector<Desired>& want);
    bool update(Node* node, const Desired& want);
    std::unique_ptr<Node> build(const Desired& want, Node* parent) const;
    bool isMe(const QString& username) const;
    void emitSummary();

    std::unique_ptr<Node> m_root;
    CurrentOnCall m_current;
    //! policy slug → lower-case username → what the schedule says
    QHash<QString, QHash<QString, PersonInfo>> m_schedules;
    QString m_username;
    QHash<QString, QString> m_names; //!< case-folded username → name
    std::function<QDateTime()> m_clock;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QList<MyShift> m_myShifts;
    bool m_myShiftsKnown = false;
    QStringList m_summaryLines;
    bool m_loaded = false;
};

} // namespace rota
