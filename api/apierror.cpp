#include "apierror.h"

namespace rota {

QString apiErrorKindName(ApiErrorKind kind)
{
    switch (kind) {
    case ApiErrorKind::None:
        return QStringLiteral("none");
    case ApiErrorKind::Config:
        return QStringLiteral("config");
    case ApiErrorKind::Network:
        return QStringLiteral("network");
    case ApiErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ApiErrorKind::Unauthorised:
        return QStringLiteral("unauthorised");
    case ApiErrorKind::Forbidden:
        return QStringLiteral("forbidden");
    case ApiErrorKind::Throttled:
        return QStringLiteral("throttled");
    case ApiErrorKind::NotFound:
        return QStringLiteral("not-found");
    case ApiErrorKind::BadRequest:
        return QStringLiteral("bad-request");
    case ApiErrorKind::Server:
        return QStringLiteral("server");
    case ApiErrorKind::BadResponse:
        return QStringLiteral("bad-response");
    }
    return QStringLiteral("unknown");
}

QString ApiError::userMessage() const
{
    switch (kind) {
    case ApiErrorKind::None:
    case ApiErrorKind::Network:
    case ApiErrorKind::Timeout:
    case ApiErrorKind::BadResponse:
        // The transport's text names hosts and sockets, the parser's names JSON paths: both
        // are for the log, not for people.
        return QString();
    default:
        return serverMessage;
    }
}

QString ApiError::detail() const
{
    if (kind == ApiErrorKind::None)
        return QString();
    QString text = apiErrorKindName(kind);
    if (httpStatus > 0)
        text += QStringLiteral(", HTTP ") + QString::number(httpStatus);
    if (!serverMessage.isEmpty())
        text += QStringLiteral(": ") + serverMessage;
    return text;
}

QString ApiError::text() const
{
    const QString said = userMessage();
    const QString detail
        = said.isEmpty() ? QString() : QStringLiteral(" (") + said + QLatin1Char(')');
    switch (kind) {
    case ApiErrorKind::None:
        return QString();
    case ApiErrorKind::Config:
        return serverMessage;
    case ApiErrorKind::Network:
        return QStringLiteral("Cannot reach Splunk On-Call. Check the network connection.");
    case ApiErrorKind::Timeout:
        return QStringLiteral("Splunk On-Call did not answer in time. Rota will try again.");
    case ApiErrorKind::Unauthorised:
        return QStringLiteral("The API ID or key is missing. Add them in the account settings.");
    case ApiErrorKind::Forbidden:
        return QStringLiteral("Splunk On-Call refused the request: the API ID or key is wrong, or "
                              "the key is read-only")
            + detail + QLatin1Char('.');
    case ApiErrorKind::Throttled:
        if (retryAfterSeconds > 0)
            return QStringLiteral(
                "Splunk On-Call's rate limit was reached. Rota waits %1 s before trying again.")
                .arg(retryAfterSeconds);
        return QStringLiteral(
            "Splunk On-Call's rate limit was reached. Rota slows down and tries again.");
    case ApiErrorKind::NotFound:
        return QStringLiteral("Not found on Splunk On-Call: it may have been deleted") + detail
            + QLatin1Char('.');
    case ApiErrorKind::BadRequest:
        return QStringLiteral("Splunk On-Call did not accept the request") + detail
            + QLatin1Char('.');
    case ApiErrorKind::Server:
        return QStringLiteral("Splunk On-Call had a server error (HTTP %1). Try again shortly.")
            .arg(httpStatus);
    case ApiErrorKind::BadResponse:
        return QStringLiteral("Splunk On-Call sent an answer Rota cannot read.");
    }
    return QString();
}

} // namespace rota
