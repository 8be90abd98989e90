// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// "Remove from team…": who takes over the leaving member's shifts, and what removing does, asked
// before anything is sent.

#include <QDialog>
#include <QList>
#include <QString>

class QComboBox;
class QLabel;
class QPushButton;

namespace rota {

class TeamMemberRemoveDialog : public QDialog {
    Q_OBJECT
public:
    //! One member who may take over: username and name as shown.
    struct Candidate {
        QString username;
        QString name;
    };

    //! Asks whether `name` leaves `team`, and who of `candidates` (the team's other members, at
    //! least one) takes over the shifts.
    TeamMemberRemoveDialog(const QString& name, const QString& team,
        const QList<Candidate>& candidates, QWidget* parent = nullptr);
    ~TeamMemberRemoveDialog() override;

    //! The username of the member chosen to take over.
    QString replacement() const;
    //! Chooses the member who takes over; false when `username` is not offered.
    bool setReplacement(const QString& username);
    //! What removing does, in words, for the replacement chosen now.
    QString consequence() const;

private:
    void updateConsequence();

    QString m_name;
    QString m_team;
    QComboBox* m_choice;
    QLabel* m_consequence;
    QPushButton* m_remove;
};

} // namespace rota
