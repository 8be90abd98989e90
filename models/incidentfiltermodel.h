// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "phase.h"

#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace rota {

class IncidentModel;

//! Filters and sorts an IncidentModel: phases, scope (paging me / my teams / all), routing key,
//! service and free text; all criteria must hold. Sorts by IncidentModel::SortRole and re-filters
//! rows as they change (dynamic sort and filter).
class IncidentFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Scope {
        All,
        //! triggered incidents paging the acting user: IncidentModel::countPagingMe(Triggered)
        //! of them (acknowledged ones page no one; a pinned one stays)
        PagingMe,
        MyTeams
    };
    Q_ENUM(Scope)

    explicit IncidentFilterModel(QObject* parent = nullptr);

    //! The source must be an IncidentModel (its rows are read directly, without copies).
    void setSourceModel(QAbstractItemModel* source) override;
    IncidentModel* incidentModel() const { return m_incidents; }

    //! The phases shown (the phase a row shows, optimistic while pending); empty: every phase.
    void setPhases(const QSet<Phase>& phases);
    QSet<Phase> phases() const { return m_phases; }
    void setScope(Scope scope);
    Scope scope() const { return m_scope; }
    //! Exact match, case-insensitive; empty: any.
    void setRoutingKey(const QString& routingKey);
    QString routingKey() const { return m_routingKey; }
    //! Exact match on the service, case-insensitive; empty: any.
    void setService(const QString& service);
    QString service() const { return m_service; }
    //! Words separated by spaces; each must occur (case-insensitively) in the number, summary,
    //! host, service or entity id. Empty: any.
    void setText(const QString& text);
    QString text() const { return m_words.join(QLatin1Char(' ')); }

    //! Shows this incident whatever its phase (empty: none): the one the user is looking at
    //! stays in view when it is acknowledged or resolved, until the user moves on. A row that
    //! the change shows or hides does so once control returns to the event loop.
    void setPinned(const QString& incidentNumber);
    QString pinned() const { return m_pinned; }

    //! Shows exactly these incidents, whatever the other criteria say (empty: the criteria
    //! decide): "the incidents of this notification".
    void setOnly(const QSet<QString>& incidentNumbers);
    QSet<QString> only() const { return m_only; }

    //! The incident numbers of the rows shown, in the proxy's order.
    QStringList visibleNumbers() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    //! Whether rows in this phase pass the phases and the scope.
    bool phaseShown(Phase phase) const;

    IncidentModel* m_incidents = nullptr;
    QSet<Phase> m_phases;
    Scope m_scope = Scope::All;
    QString m_routingKey;
    QString m_service;
    QStringList m_words;
    QString m_pinned;
    QSet<QString> m_only;
    bool m_refilterQueued = false;
};

} // namespace rota
