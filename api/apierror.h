#pragma once

#include <QMetaType>
#include <QString>

namespace rota {

//! What went wrong with an API call, mapped once from the transport and the HTTP status.
enum class ApiErrorKind {
    None,
    Config, //!< the request could not be sent as configured (e.g. plain http to a remote host)
    Network, //!< no connection, DNS failure, connection dropped
    Timeout, //!< no complete answer within the transfer timeout
    Unauthorised, //!< 401: credentials missing
    Forbidden, //!< 403 that is not throttling: bad credentials or a read-only key
    Throttled, //!< 403 "rate limit" or 429
    NotFound, //!< 404
    BadRequest, //!< 400, 409, 422: the server refused the request as given
    Server, //!< 5xx
    BadResponse, //!< an answer that is not what the definition promises (bad JSON, wrong types)
};

//! An error as a value: its kind, the HTTP status (0 when none) and the server's own message.
struct ApiError {
    ApiErrorKind kind = ApiErrorKind::None;
    int httpStatus = 0;
    QString serverMessage; //!< the "message" of the server's JSON answer, or the transport's text
    int retryAfterSeconds = 0; //!< from Retry-After, when the server sent one

    bool isError() const { return kind != ApiErrorKind::None; }
    //! Words a person can act on, e.g. "The API key was refused. Check it in Settings."
    QString text() const;
};

QString apiErrorKindName(ApiErrorKind kind);

} // namespace rota

Q_DECLARE_METATYPE(rota::ApiError)
