#pragma once

// Teams: the org's team list as an item model, and two small loaders for what the teams view shows
// next to a team (its members and admins) and what the escalation policy dialog offers (users and
// the team's rotation groups).

#include "oncall.h"
#include "people.h"
#include "teams.h"

#include <QAbstractTableModel>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace rota {

class ApiClient;
class ApiReply;
class OrgDirectory;

//! The org's teams, one row each, sorted by name (case-insensitive). A refresh applies a diff keyed
//! by the team's slug: rows are inserted, removed, moved and changed in place, never reset, so a
//! view keeps its selection and scroll position.
class TeamsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn, //!< the team's name
        MembersColumn, //!< its member count
        ColumnCount
    };
    enum Role {
        SlugRole = Qt::UserRole + 1, //!< QString "team-..."
        NameRole, //!< QString
        MemberCountRole, //!< int
        IsDefaultRole, //!< bool
        SortRole, //!< the name folded to lower case, or the member count
    };

    //! `client` (not owned, may be nullptr for a model fed with setTeams()) carries refresh().
    explicit TeamsModel(ApiClient* client = nullptr, QObject* parent = nullptr);
    ~TeamsModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Applies `teams` as a diff against what the model holds (sorted by name first).
    void setTeams(QList<Team> teams);
    const QList<Team>& teams() const { return m_teams; }
    //! The row of the team with this slug, -1 when none.
    int rowOf(const QString& slug) const;
    //! The team at `row` (checked).
    const Team& teamAt(int row) const;

    //! Reads GET /team in the background and applies it. A refresh already running is left to
    //! finish; loadingChanged() and failed() say how it goes.
    void refresh();
    bool isLoading() const { return !m_pending.isNull(); }
    //! True once a refresh has succeeded.
    bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    void loadingChanged(bool loading);
    //! A refresh failed; `message` says why in words.
    void failed(const QString& message);
    //! A refresh succeeded and was applied.
    void refreshed();

private:
    ApiClient* m_client;
    QList<Team> m_teams;
    QPointer<ApiReply> m_pending;
    bool m_loaded = false;
};

//! A team's members and admins, read on demand (GET /team/{team}/members and /admins, in
//! parallel). Asking for another team abandons what is still pending for the previous one.
class TeamRoster : public QObject {
    Q_OBJECT
public:
    //! `client` is not owned and must outlive the roster.
    explicit TeamRoster(ApiClient* client, QObject* parent = nullptr);
    ~TeamRoster() override;

    //! Starts reading `teamSlug`'s members and admins; an empty slug clears.
    void load(const QString& teamSlug);
    QString teamSlug() const { return m_teamSlug; }
    bool isLoading() const { return m_waiting > 0; }
    const QList<TeamMember>& members() const { return m_members; }
    const QList<TeamAdmin>& admins() const { return m_admins; }

Q_SIGNALS:
    //! Both lists have arrived for `teamSlug`.
    void loaded(const QString& teamSlug);
    //! Either read failed; `message` in words.
    void failed(const QString& teamSlug, const QString& message);

private:
    void abandonPending();
    void partDone(const QString& error);

    ApiClient* m_client;
    QString m_teamSlug;
    QList<TeamMember> m_members;
    QList<TeamAdmin> m_admins;
    QList<QPointer<ApiReply>> m_pending;
    QString m_error;
    int m_waiting = 0;
};

//! What an escalation policy's entries may page, for a policy editor: the org's users and a
//! team's rotation groups, both from the session's OrgDirectory (read once, cached per team).
class PolicyChoices : public QObject {
    Q_OBJECT
public:
    //! `client` is not owned and must outlive this; the choices come from a directory of its own.
    explicit PolicyChoices(ApiClient* client, QObject* parent = nullptr);
    //! `directory` is not owned and must outlive this.
    PolicyChoices(ApiClient* client, OrgDirectory* directory, QObject* parent = nullptr);
    ~PolicyChoices() override;

    //! Takes the users (unless taken before) and `teamSlug`'s rotation groups from the directory,
    //! which reads what it does not have yet (at user priority: someone is waiting).
    void load(const QString& teamSlug);
    QString teamSlug() const { return m_teamSlug; }
    bool isLoading() const { return m_waiting > 0; }
    //! Sorted by display name.
    const QList<User>& users() const { return m_users; }
    const QList<RotationGroup>& rotationGroups() const { return m_rotations; }

Q_SIGNALS:
    void loaded(const QString& teamSlug);
    void failed(const QString& teamSlug, const QString& message);

private:
    void takeUsers();
    void partDone(const QString& error);
    void dropPending();

    OrgDirectory* m_directory;
    QString m_teamSlug;
    QList<User> m_users;
    bool m_usersRead = false;
    QList<RotationGroup> m_rotations;
    QList<QMetaObject::Connection> m_pending;
    QString m_error;
    int m_waiting = 0;
};

} // namespace rota
