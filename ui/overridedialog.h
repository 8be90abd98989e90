// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// "New override": who is away, from when until when, in which time zone. Checks what it can
// before anything is sent and says what is wrong in words.

#include "overrides.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;

namespace rota {

class OverrideDialog : public QDialog {
    Q_OBJECT
public:
    //! `people`: username -> display name, offered in the user list. `zoneId`: the zone first
    //! chosen (local when empty).
    OverrideDialog(const QHash<QString, QString>& people, const QByteArray& zoneId = {},
        QWidget* parent = nullptr);

    //! Sets the fields (tests, and "away from/until" defaults). Times are wall-clock in `zone`.
    void setValues(
        const QString& username, const QDateTime& start, const QDateTime& end, const QString& zone);
    //! What is wrong with the fields, in words; empty when they may be sent.
    QString problem() const;
    //! The override to create (times UTC). Valid when problem() is empty.
    NewScheduledOverride result() const;

    void accept() override;

private:
    QString chosenUser() const;

    QComboBox* m_user;
    QDateTimeEdit* m_start;
    QDateTimeEdit* m_end;
    QComboBox* m_zone;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace rota
