// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "stakeholders.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace rota {

class ApiClient;
class ApiReply;
struct ApiError;

//! Sends messages to stakeholders (people who follow an incident without being paged) through
//! ApiClient, one at a time, and says how it went in words.
//!
//! A message is sent once: while one is on its way send() refuses another, and the client never
//! repeats a POST. When the answer is lost (the connection dropped after the request may have
//! reached the service), the failure says that the message may have gone out, so that nobody
//! sends it twice blind.
class StakeholderMessenger : public QObject {
    Q_OBJECT
public:
    //! Nothing is owned; the client must outlive the messenger.
    explicit StakeholderMessenger(ApiClient* client, QObject* parent = nullptr);
    ~StakeholderMessenger() override;

    //! Why `message` cannot be sent as it is, in words (no title, no text, nobody to send it
    //! to); empty when it can.
    static QString problem(const StakeholderMessage& message);
    //! "2 people and 1 team", "1 person", "3 teams".
    static QString recipientsText(int people, int teams);

    bool isSending() const { return !m_pending.isNull(); }
    //! Sends the message. False, and nothing sent, while another is on its way or when
    //! problem() names one.
    bool send(const StakeholderMessage& message);

Q_SIGNALS:
    void sendingChanged(bool sending);
    //! The service took the message; `text` says so ("Sent to 2 people and 1 team.").
    void sent(const rota::StakeholderMessage& message, const QString& text);
    //! It did not, or nobody knows (`maybeSent`); `text` says why in words.
    void failed(const rota::StakeholderMessage& message, const QString& text, bool maybeSent);

private:
    ApiClient* m_client;
    QPointer<ApiReply> m_pending;
};

} // namespace rota
