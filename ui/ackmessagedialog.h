// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QLineEdit;
class QPushButton;

namespace rota {

//! Acknowledge with a message, from the tray or a notification: names the incidents, has one line
//! for the message, and sends it with Enter (or Ctrl+Enter, or the button); Esc cancels and sends
//! nothing. An empty message is not sent: the button stays disabled and Enter says to type one
//! (plain Acknowledge is the way to acknowledge without one), since an Enter on an empty line is
//! more likely a slip than a choice.
//!
//! The dialog only asks: sendRequested() hands the message to whoever acts on it (QuickActions),
//! once, and the dialog closes.
class AckMessageDialog : public QDialog {
    Q_OBJECT
public:
    //! `incidentNumbers` are what is sent; `descriptions` (same order, may be shorter) name each
    //! incident for people, e.g. "Disk full on db-1" (the server's text, shown as written).
    AckMessageDialog(const QStringList& incidentNumbers, const QStringList& descriptions,
        QWidget* parent = nullptr);

    QStringList incidentNumbers() const { return m_numbers; }
    //! The message as typed, without surrounding blanks.
    QString message() const;

    QLineEdit* messageEdit() const { return m_edit; }
    QPushButton* sendButton() const { return m_send; }
    //! Says why nothing was sent (an empty message); hidden otherwise.
    QLabel* hintLabel() const { return m_hint; }

Q_SIGNALS:
    //! The user sent `message` (never empty) for `incidentNumbers`. Emitted at most once.
    void sendRequested(const QStringList& incidentNumbers, const QString& message);

public Q_SLOTS:
    //! Sends and closes when a message is typed; else says what is missing and stays open.
    void accept() override;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    QStringList m_numbers;
    QLineEdit* m_edit;
    QPushButton* m_send;
    QLabel* m_hint;
    bool m_sent = false;
};

} // namespace rota
