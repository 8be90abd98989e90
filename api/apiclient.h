// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "apierror.h"
#include "requestscheduler.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QThreadPool>
#include <QUrl>
#include <QUrlQuery>

#include <any>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace rota {

class JsonReader;

//! Who the client acts as. The key is a secret: never log it, never put it in a URL or a file.
struct Credentials {
    QString apiId;
    QString apiKey;
    QString username; //!< the acting VictorOps user, for calls that need one
};

//! Turns a 2xx body into a value; records problems in the reader (which names the field path).
using ReplyParser = std::function<std::any(const JsonReader&)>;

//! One call to send: the operation (method + the documented path pattern, for rate limits), the
//! concrete path, query and JSON body, its priority and how to read the answer.
struct ApiRequest {
    QByteArray method;
    QString operation; //!< e.g. "GET /api-public/v1/incidents/{incidentNumber}"
    QString path; //!< e.g. "/api-public/v1/incidents/42"
    QUrlQuery query;
    QByteArray body; //!< JSON; empty for none
    RequestScheduler::Priority priority = RequestScheduler::Priority::User;
    ReplyParser parse; //!< empty: the body is not read
    //! The largest answer read, in bytes; 0: the operation's own (maxReplyBytes() in
    //! operations.h).
    qint64 maxReplyBytes = 0;
};

//! A pending call. Emits finished() exactly once; then ok(), value(), body() and error() are
//! valid. Deletes itself after finished() has been delivered; abandon() drops the call. A reply
//! never outlives its ApiClient: destroying the client drops its pending replies (without
//! finished()).
class ApiReply : public QObject {
    Q_OBJECT
public:
    ~ApiReply() override;
    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    int httpStatus() const { return m_status; }
    const QByteArray& body() const { return m_body; }
    const std::any& value() const { return *m_value; }
    //! The parsed value, shared: it outlives the reply (which deletes itself after finished()).
    std::shared_ptr<const std::any> valueHandle() const { return m_value; }
    const ApiError& error() const { return m_error; }
    //! Stops caring about the result: finished() will not be emitted and the reply goes away.
    //! A call still waiting in the scheduler, wanted by no other reply, is not sent at all.
    void abandon();

Q_SIGNALS:
    void finished();
    //! The call waits in the scheduler, expected for waitMs, because its operation is held back
    //! after a throttled answer or its per-minute budget is spent. Emitted again when the
    //! estimate changes; never for a call sent at once. abandon() cancels a held call.
    void held(qint64 waitMs);

private:
    friend class ApiClient;
    explicit ApiReply(QObject* parent);
    void complete(int status, const QByteArray& body, std::any value, const ApiError& error);

    std::function<void()> m_onAbandon; //!< set by the client: drops a call no one waits for

    bool m_finished = false;
    bool m_abandoned = false;
    int m_status = 0;
    QByteArray m_body;
    std::shared_ptr<std::any> m_value = std::make_shared<std::any>();
    ApiError m_error;
};

//! A typed handle on a pending call: value() is the parsed answer once reply->ok(). The reply
//! deletes itself after finished(): read ok()/error() in the finished handler; value() stays
//! readable afterwards.
template <typename T> struct ApiCall {
    ApiCall() = default;
    ApiCall(ApiReply* pending)
        : reply(pending)
        , result(pending ? pending->valueHandle() : nullptr)
    {
    }

    ApiReply* reply = nullptr;
    std::shared_ptr<const std::any> result;
    T value() const
    {
        const std::any& any = result ? *result : reply->value();
        const T* v = std::any_cast<T>(&any);
        return v ? *v : T {};
    }
};

//! The one gateway to the Splunk On-Call API: base URL, credentials, ONE scheduler (documented
//! per-operation limits, user before background), ONE retry policy (jittered, idempotent calls
//! only; never POST or PATCH, never a write addressed by position), coalescing of identical GETs
//! in flight, a transfer timeout and a deadline per attempt.
//!
//! Reading answers off the client's thread: a 2xx body of at least workerParseBytes() is decoded
//! (gzip: the client asks for it and inflates it itself, capped) and parsed (JsonReader and the
//! request's ReplyParser) on the client's own worker thread, one at a time, so
//! that the 11 MB incident list of a large organisation does not stop the event loop for its
//! 180 ms; the value comes back to the client's thread by move and the replies complete there,
//! as for any other answer. A smaller body is parsed inline (the round trip through the worker
//! costs more than such a parse) only when no parse waits on the worker, so replies always
//! complete in the order their answers arrived (while the worker has an answer, every later one,
//! an error too, completes after it). A ReplyParser may thus run on another thread: it
//! must be a pure function of the reader (no QObject, no shared mutable state). Destroying the
//! client drops the parses not started and waits for the one running, whose value is discarded.
//!
//! Against a hostile network: requests go only to the base URL (a redirect is an error, never
//! followed); a certificate the system (or setExtraCaCertificates()) does not trust fails the
//! call before anything is sent; answers are read up to the operation's size cap; Retry-After is
//! obeyed up to MaxRetryAfterSeconds.
class ApiClient : public QObject {
    Q_OBJECT
public:
    static constexpr const char* DefaultBaseUrl = "https://api.victorops.com";
    static constexpr int MaxAttempts = 3;
    static constexpr int MaxRetryAfterSeconds = 300;
    static constexpr int DefaultAttemptDeadlineMs = 120000;

    explicit ApiClient(QNetworkAccessManager* network, QObject* parent = nullptr);
    //! Aborts the exchanges in flight and drops the pending replies (no finished()).
    ~ApiClient() override;

    //! Refuses (returns false and sets *error) plain http to anything but a loopback host, and
    //! URLs without a host.
    bool setBaseUrl(const QUrl& url, QString* error);
    QUrl baseUrl() const { return m_baseUrl; }
    void setCredentials(const Credentials& credentials) { m_credentials = credentials; }
    const Credentials& credentials() const { return m_credentials; }
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }
    //! Base of the retry back-off (tests shorten it).
    void setRetryBaseDelay(int ms) { m_retryBaseMs = ms; }
    //! The longest one attempt may take from start to its last byte, however steadily the server
    //! trickles (the transfer timeout only catches silence). Ends as ApiErrorKind::Timeout.
    void setAttemptDeadline(int ms) { m_deadlineMs = ms; }
    //! Certificate authorities trusted by this client in addition to the system's (a company's
    //! own CA in front of the API). Applied to this client's requests only.
    void setExtraCaCertificates(const QList<QSslCertificate>& certificates);
    QList<QSslCertificate> extraCaCertificates() const { return m_extraCas; }
    //! Reads the certificates of a PEM file; nullopt and *error in words when the file is
    //! missing, unreadable or holds no certificate.
    static std::optional<QList<QSslCertificate>> loadCaFile(const QString& path, QString* error);
    //! ApiReply objects alive in this process, of all clients (tests check that none leak).
    static int liveReplies() { return s_liveReplies.load(); }

    //! Bodies this size or larger are parsed on the worker thread.
    static constexpr qint64 DefaultWorkerParseBytes = 64 * 1024;
    //! 0: every parsed body goes to the worker (tests); negative: none does, all are parsed on
    //! the client's thread (benchmarks compare both).
    void setWorkerParseBytes(qint64 bytes) { m_workerParseBytes = bytes; }
    qint64 workerParseBytes() const { return m_workerParseBytes; }

    RequestScheduler* scheduler() { return &m_scheduler; }

    ApiReply* send(const ApiRequest& request);

    static bool isUrlAllowed(const QUrl& url, QString* error);

Q_SIGNALS:
    //! The budget left this minute for an operation (for the UI's rate-limit gauge).
    void budgetChanged(const QString& operation, int remaining, int limit);
    //! Every finished network exchange (after retries), for connection state and logging.
    //! Carries no secrets.
    void exchanged(
        const QString& operation, int httpStatus, qint64 elapsedMs, const rota::ApiError& error);

private:
    friend class ApiReply;
    struct Flight; //!< one network exchange shared by coalesced replies
    struct Parse; //!< one body to read, and what came of it
    void startAttempt(const std::shared_ptr<Flight>& flight);
    void sendAttempt(const std::shared_ptr<Flight>& flight);
    void finishAttempt(const std::shared_ptr<Flight>& flight, QNetworkReply* reply);
    //! `gzipped`: a 2xx body still compressed (Content-Encoding: gzip), decoded where it is read.
    void deliver(const std::shared_ptr<Flight>& flight, int status, const QByteArray& body,
        bool gzipped, const ApiError& error);
    void complete(const std::shared_ptr<Flight>& flight, int status, const QByteArray& body,
        const ApiError& error, Parse* parse);
    void dropIfUnwanted(const std::shared_ptr<Flight>& flight);
    void onWaiting(quint64 ticket, qint64 waitMs);
    QUrl urlFor(const ApiRequest& request) const;

    QNetworkAccessManager* m_network;
    QUrl m_baseUrl;
    Credentials m_credentials;
    int m_timeoutMs = 30000;
    int m_retryBaseMs = 1000;
    int m_deadlineMs = DefaultAttemptDeadlineMs;
    QList<QSslCertificate> m_extraCas;
    std::optional<QSslConfiguration> m_sslConfiguration; //!< the system's CAs and m_extraCas
    RequestScheduler m_scheduler;
    QHash<QString, std::weak_ptr<Flight>> m_inFlightGets; //!< by URL
    QHash<quint64, std::weak_ptr<Flight>> m_queued; //!< by scheduler ticket
    QHash<QNetworkReply*, std::shared_ptr<Flight>> m_active; //!< exchanges on the network
    qint64 m_workerParseBytes = DefaultWorkerParseBytes;
    int m_parsesOnWorker = 0; //!< sent to the worker, not yet completed on this thread
    //! One thread, started when needed, gone when idle: parses run in the order of the answers.
    QThreadPool m_parsePool;
    static std::atomic<int> s_liveReplies;
};

} // namespace rota
