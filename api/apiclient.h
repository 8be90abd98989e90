#pragma once

#include "apierror.h"
#include "requestscheduler.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <any>
#include <functional>
#include <memory>

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
};

//! A pending call. Emits finished() exactly once; then ok(), value(), body() and error() are
//! valid. Deletes itself after finished() has been delivered; abandon() drops the call.
class ApiReply : public QObject {
    Q_OBJECT
public:
    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    int httpStatus() const { return m_status; }
    const QByteArray& body() const { return m_body; }
    const std::any& value() const { return *m_value; }
    //! The parsed value, shared: it outlives the reply (which deletes itself after finished()).
    std::shared_ptr<const std::any> valueHandle() const { return m_value; }
    const ApiError& error() const { return m_error; }
    //! Stops caring about the result: finished() will not be emitted and the reply goes away.
    void abandon();

Q_SIGNALS:
    void finished();

private:
    friend class ApiClient;
    explicit ApiReply(QObject* parent)
        : QObject(parent)
    {
    }
    void complete(int status, const QByteArray& body, const std::any& value, const ApiError& error);

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
//! only; never POST or PATCH), coalescing of identical GETs in flight, and a transfer timeout.
class ApiClient : public QObject {
    Q_OBJECT
public:
    static constexpr const char* DefaultBaseUrl = "https://api.victorops.com";
    static constexpr int MaxAttempts = 3;

    explicit ApiClient(QNetworkAccessManager* network, QObject* parent = nullptr);

    //! Refuses (returns false and sets *error) plain http to anything but a loopback host, and
    //! URLs without a host.
    bool setBaseUrl(const QUrl& url, QString* error);
    QUrl baseUrl() const { return m_baseUrl; }
    void setCredentials(const Credentials& credentials) { m_credentials = credentials; }
    const Credentials& credentials() const { return m_credentials; }
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }
    //! Base of the retry back-off (tests shorten it).
    void setRetryBaseDelay(int ms) { m_retryBaseMs = ms; }

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
    struct Flight; //!< one network exchange shared by coalesced replies
    void startAttempt(const std::shared_ptr<Flight>& flight);
    void finishAttempt(const std::shared_ptr<Flight>& flight, QNetworkReply* reply);
    void deliver(const std::shared_ptr<Flight>& flight, int status, const QByteArray& body,
        const ApiError& error);
    QUrl urlFor(const ApiRequest& request) const;

    QNetworkAccessManager* m_network;
    QUrl m_baseUrl;
    Credentials m_credentials;
    int m_timeoutMs = 30000;
    int m_retryBaseMs = 1000;
    RequestScheduler m_scheduler;
    QHash<QString, std::weak_ptr<Flight>> m_inFlightGets; //!< by URL
};

} // namespace rota
