#pragma once

// The organisation's scheduled overrides, with their assignments per escalation policy, and the
// calls that change them (create, delete, assign, change and remove a replacement).

#include "overrides.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>

namespace rota {

class ApiClient;
class ApiReply;

//! One row per scheduled override, sorted by start. A refresh applies a diff keyed by publicId.
class OverrideModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { UserColumn, StartColumn, EndColumn, TimeZoneColumn, AssignedColumn, ColumnCount };
    enum Role {
        PublicIdRole = Qt::UserRole + 1,
        SortRole,
        UsernameRole,
        StartRole, //!< QDateTime, UTC
        EndRole, //!< QDateTime, UTC
        UnassignedCountRole, //!< policies nobody stands in for yet
    };

    //! `client` may be nullptr (rows set by hand with setOverrides(); actions then do nothing).
    explicit OverrideModel(ApiClient* client, QObject* parent = nullptr);
    ~OverrideModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    const ScheduledOverride& override(int row) const { return m_rows.at(row); }
    //! The row of the override, or -1.
    int rowOf(const QString& publicId) const;

    //! Display names by username; rows show the username until known.
    void setUserNames(const QHash<QString, QString>& names);
    QString displayName(const QString& username) const;
    //! Policy names by slug, for the assignments.
    void setPolicyNames(const QHash<QString, QString>& names) { m_policyNames = names; }
    QString policyName(const QString& slug) const;

    //! Applies a list (what load() does with the answer): rows keyed by publicId are kept,
    //! updated, inserted and removed; only the first call resets.
    void setOverrides(const QList<ScheduledOverride>& overrides);
    //! Replaces (or adds) one override.
    void upsert(const ScheduledOverride& override);
    //! Replaces the override's assignment for assignment.policy (adds it when missing).
    void applyAssignment(const QString& publicId, const OverrideAssignment& assignment);

    //! GET /overrides (background priority unless `byUser`).
    void load(bool byUser = false);
    bool isLoading() const { return !m_loading.isNull(); }
    //! The last load's error in words; empty after a success.
    QString errorText() const { return m_loadError; }

    //! True once a write was refused because the key is read-only; readOnlyReason() says so.
    bool isReadOnly() const { return m_readOnly; }
    QString readOnlyReason() const;

    //! POST /overrides; then the new override (with its unassigned assignments) is added.
    void create(const NewScheduledOverride& override);
    //! DELETE /overrides/{id}; the row goes when the service agrees.
    void remove(const QString& publicId);
    //! PUT .../assignments/{policy}: `username` stands in on that policy (assign or change).
    void assign(const QString& publicId, const QString& policySlug, const QString& username);
    //! DELETE .../assignments/{policy}: nobody stands in any more.
    void unassign(const QString& publicId, const QString& policySlug);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded();
    //! A write finished. ok false: `message` says what went wrong, in words. publicId is the
    //! override's (the new one's after a create).
    void actionFinished(
        const QString& action, bool ok, const QString& message, const QString& publicId);
    void readOnlyChanged(bool readOnly);

private:
    void failed(const QString& action, const ApiReply* reply, const QString& publicId);
    //! Re-reads one override (after an assignment changed) so the row shows the service's state.
    void refresh(const QString& publicId);
    void sortRows(QList<ScheduledOverride>* rows) const;

    ApiClient* m_client;
    QList<ScheduledOverride> m_rows;
    QHash<QString, QString> m_names;
    QHash<QString, QString> m_policyNames;
    QPointer<ApiReply> m_loading;
    QString m_loadError;
    bool m_loaded = false;
    bool m_readOnly = false;
};

} // namespace rota
