#pragma once

// Escalation policies: one team's policies as a list model (with create and delete), and one
// policy's detail, its steps and their entries, as a two-level tree model.

#include "policies.h"

#include <QAbstractItemModel>
#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QString>

namespace rota {

class ApiClient;
class ApiReply;

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

//! The escalation policies of one team (all teams when the team is empty), from GET /policies,
//! sorted by name. setTeam() resets (a different list); refresh() applies a diff keyed by the
//! policy's slug (inserts, removes, in-place changes; no reset). Create and delete go through the
//! model, which re-reads the list after each.
class EscalationPolicyModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        SlugRole = Qt::UserRole + 1, //!< QString "pol-..."
        NameRole, //!< QString
        TeamSlugRole, //!< QString
        TeamNameRole, //!< QString
        SortRole, //!< the name folded to lower case
    };

    //! `client` (not owned; may be nullptr for a model fed with setPolicies()).
    explicit EscalationPolicyModel(ApiClient* client = nullptr, QObject* parent = nullptr);
    ~EscalationPolicyModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Shows `teamSlug`'s policies from what was last read (a reset), and refreshes unless a
    //! read is already on its way.
    void setTeam(const QString& teamSlug);
    QString team() const { return m_teamSlug; }

    //! Applies the org's policy list: this team's rows as a diff.
    void setPolicies(const QList<EscalationPolicyInfo>& all);
    //! Every team's policies as last read (slug → name lookups for policy routing).
    const QList<EscalationPolicyInfo>& allPolicies() const { return m_all; }
    QHash<QString, QString> policyNames() const;
    int rowOf(const QString& slug) const;
    const EscalationPolicyInfo& policyAt(int row) const;

    //! Reads GET /policies in the background; loadingChanged() and failed() tell.
    void refresh();
    bool isLoading() const { return !m_pending.isNull(); }

    //! POST /policies. created() or writeFailed() follows; then a refresh.
    void create(const NewEscalationPolicy& policy);
    //! DELETE /policies/{slug}. removed() or writeFailed() follows; then a refresh.
    void remove(const QString& slug);
    bool isWriting() const { return m_writes > 0; }

    //! Set when a write was refused because the API key may only read (403 that is not
    //! throttling); the reason in words. Writes are still attempted when asked.
    QString readOnlyReason() const { return m_readOnlyReason; }
    void setReadOnlyReason(const QString& reason);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void failed(const QString& message);
    void refreshed();
    void writingChanged(bool writing);
    void created(const rota::EscalationPolicy& policy);
    void removed(const QString& slug);
    //! `message` in words, e.g. "Could not delete 'Ops': ...".
    void writeFailed(const QString& message);
    void readOnlyChanged(const QString& reason);

private:
    void applyRows(QList<EscalationPolicyInfo> rows);
    void writeStarted();
    void writeEnded();
    void noteWriteError(const ApiReply* reply);

    ApiClient* m_client;
    QString m_teamSlug;
    QList<EscalationPolicyInfo> m_all;
    QList<EscalationPolicyInfo> m_rows;
    QPointer<ApiReply> m_pending;
    bool m_refreshAgain = false;
    int m_writes = 0;
    QString m_readOnlyReason;
};

//! One escalation policy's detail as a tree: a row per step ("Step 1 — immediately"), under it a
//! row per entry ("page rotation 'Primary'"). setPolicy() with the same policy (slug and steps)
//! changes nothing; with another one it resets. load() reads GET /policies/{slug}.
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

    explicit EscalationStepModel(ApiClient* client = nullptr, QObject* parent = nullptr);
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

    //! Reads the policy and shows it; loaded() or failed() follows. Reading another one abandons
    //! the previous read.
    void load(const QString& slug);
    bool isLoading() const { return !m_pending.isNull(); }
    //! Every step in a line each (describeEscalationStep), for a label or the clipboard.
    QStringList summary() const;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded(const QString& slug);
    void failed(const QString& slug, const QString& message);

private:
    ApiClient* m_client;
    EscalationPolicy m_policy;
    QHash<QString, QString> m_policyNames;
    QPointer<ApiReply> m_pending;
};

} // namespace rota
