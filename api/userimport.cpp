// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "userimport.h"

#include "apiclient.h"
#include "apilog.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace rota {

namespace {

// One error of a batch entry in words: the service's message, else its code said plainly.
QString errorText(const BatchUserError& error)
{
    if (!error.message.trimmed().isEmpty())
        return ApiError::boundedMessage(error.message.trimmed());
    if (error.code == QLatin1String("username_unavailable"))
        return QCoreApplication::translate("rota::UserImport", "The username is already taken.");
    if (error.code == QLatin1String("email_unavailable"))
        return QCoreApplication::translate(
            "rota::UserImport", "The e-mail address is already in use.");
    if (error.code.isEmpty())
        return QCoreApplication::translate("rota::UserImport", "The service gave no reason.");
    return ApiError::boundedMessage(error.code);
}

QString reasonOf(const BatchUserResult& result)
{
    QStringList reasons;
    for (const BatchUserError& error : result.errors)
        reasons.append(errorText(error));
    return reasons.join(QStringLiteral(" "));
}

} // namespace

UserImport::UserImport(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
}

UserImport::~UserImport()
{
    // The answer would come to an object that is gone; the batch itself may still arrive.
    if (m_inFlight)
        m_inFlight->abandon();
}

bool UserImport::start(const QList<UserPayload>& users)
{
    if (m_running || users.isEmpty())
        return false;
    m_users = users;
    m_results = QList<RowResult>(users.size());
    m_next = 0;
    m_done = 0;
    m_cancelled = false;
    m_running = true;
    Q_EMIT progress(0, total());
    sendNext();
    return true;
}

void UserImport::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    // A batch still held back by the rate limit has not been sent: take it back. Once its
    // expected wait is over it may be on its way, and then only its answer tells.
    if (m_inFlight && m_held && !m_heldUntil.hasExpired()) {
        ApiReply* held = m_inFlight;
        m_inFlight = nullptr;
        held->abandon();
        m_next = m_inFlightFirst;
    }
    if (!m_inFlight) {
        markRest(Outcome::NotSent,
            QCoreApplication::translate("rota::UserImport", "Not sent: the import was cancelled."));
        finish();
    }
}

int UserImport::count(Outcome outcome) const
{
    return int(std::count_if(m_results.cbegin(), m_results.cend(),
        [outcome](const RowResult& result) { return result.outcome == outcome; }));
}

QString UserImport::describe(const RowResult& result)
{
    switch (result.outcome) {
    case Outcome::Waiting:
        return QCoreApplication::translate("rota::UserImport", "Waiting");
    case Outcome::Sending:
        return QCoreApplication::translate("rota::UserImport", "Sending\u2026");
    case Outcome::Added:
        return QCoreApplication::translate("rota::UserImport", "Added");
    case Outcome::Refused:
        return QCoreApplication::translate("rota::UserImport", "Not added: %1").arg(result.message);
    case Outcome::MaybeAdded:
    case Outcome::NotSent:
        return result.message;
    }
    return QString();
}

void UserImport::sendNext()
{
    if (m_next >= total()) {
        finish();
        return;
    }
    const int first = m_next;
    const int count = std::min(BatchSize, total() - first);
    m_next += count;
    // The call exists before anyone hears of it, so that a cancel() from rowsChanged() waits for
    // its answer rather than finishing while it goes out.
    const ApiCall<BatchUserResultList> call
        = calls::createUsers(*m_client, m_users.mid(first, count));
    m_inFlight = call.reply;
    m_inFlightFirst = first;
    m_held = false;
    ApiReply* reply = call.reply;
    connect(reply, &ApiReply::held, this, [this](qint64 waitMs) {
        m_held = true;
        m_heldUntil = QDeadlineTimer(qMax<qint64>(0, waitMs));
        Q_EMIT waiting(waitMs);
    });
    connect(reply, &ApiReply::finished, this,
        [this, reply, first, count] { onBatchFinished(reply, first, count); });
    for (int i = first; i < first + count; ++i)
        m_results[i].outcome = Outcome::Sending;
    Q_EMIT rowsChanged(first, count);
}

void UserImport::onBatchFinished(ApiReply* reply, int first, int count)
{
    m_inFlight = nullptr;
    m_held = false;
    if (!reply->ok()) {
        const ApiError& error = reply->error();
        qCInfo(lcApi) << "user batch of" << count << "failed:" << error.detail();
        RowResult result;
        if (error.maybeApplied) {
            result.outcome = Outcome::MaybeAdded;
            result.message = QCoreApplication::translate("rota::UserImport",
                "May have been added: the connection was lost before "
                "the answer came. Check the list of users.");
        } else {
            result.outcome = Outcome::Refused;
            result.message = error.text();
        }
        for (int i = first; i < first + count; ++i)
            m_results[i] = result;
        m_done += count;
        Q_EMIT rowsChanged(first, count);
        Q_EMIT progress(m_done, total());
        markRest(Outcome::NotSent,
            QCoreApplication::translate(
                "rota::UserImport", "Not sent: the import stopped after the batch before failed."));
        finish();
        return;
    }

    // Matched by username (the service's answer need not keep the order); an entry without one
    // is taken by its place.
    const auto* parsed = std::any_cast<BatchUserResultList>(&reply->value());
    const BatchUserResultList answer = parsed ? *parsed : BatchUserResultList {};
    QHash<QString, const BatchUserResult*> byName;
    for (const BatchUserResult& entry : answer.items) {
        if (!entry.username.isEmpty())
            byName.insert(entry.username.toLower(), &entry);
    }
    for (int i = first; i < first + count; ++i) {
        const BatchUserResult* entry = byName.value(m_users.at(i).username.toLower());
        if (!entry && i - first < answer.items.size()
            && answer.items.at(i - first).username.isEmpty())
            entry = &answer.items.at(i - first);
        RowResult& result = m_results[i];
        if (!entry) {
            result.outcome = Outcome::MaybeAdded;
            result.message = QCoreApplication::translate("rota::UserImport",
                "May have been added: the service's answer did not "
                "mention this user. Check the list of users.");
        } else if (entry->added()) {
            result.outcome = Outcome::Added;
            result.message.clear();
        } else {
            result.outcome = Outcome::Refused;
            result.message = reasonOf(*entry);
        }
    }
    m_done += count;
    Q_EMIT rowsChanged(first, count);
    Q_EMIT progress(m_done, total());
    if (m_cancelled) {
        markRest(Outcome::NotSent,
            QCoreApplication::translate("rota::UserImport", "Not sent: the import was cancelled."));
        finish();
        return;
    }
    sendNext();
}

void UserImport::markRest(Outcome outcome, const QString& message)
{
    const int first = m_next;
    const int count = total() - first;
    if (count <= 0)
        return;
    for (int i = first; i < total(); ++i)
        m_results[i] = RowResult { outcome, message };
    m_next = total();
    m_done += count;
    Q_EMIT rowsChanged(first, count);
    Q_EMIT progress(m_done, total());
}

void UserImport::finish()
{
    if (!m_running)
        return;
    m_running = false;
    Q_EMIT finished();
}

} // namespace rota
