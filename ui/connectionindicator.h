// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;

namespace rota {

class ConnectionStatus;
class StatusDot;

//! The connection state for the status bar: a coloured dot and ConnectionStatus::text(), kept up to
//! date on ConnectionStatus::changed.
class ConnectionIndicator : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionIndicator(QWidget* parent = nullptr);

    //! Follows `status` (not owned). nullptr means no account: says so, with a grey dot.
    void setStatus(ConnectionStatus* status);

    //! The colour of the dot, for tests and for whoever mirrors the state elsewhere.
    QColor dotColour() const;

private:
    void refresh();

    QPointer<ConnectionStatus> m_status;
    QMetaObject::Connection m_changed;
    StatusDot* m_dot;
    QLabel* m_text;
};

} // namespace rota
