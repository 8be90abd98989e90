// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "apierror.h"

#include <QCoreApplication>

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
    case ApiErrorKind::Redirected:
        return QStringLiteral("redirected");
    case ApiErrorKind::Tls:
        return QStringLiteral("tls");
    case ApiErrorKind::TooLarge:
        return QStringLiteral("too-large");
    }
    return QStringLiteral("unknown");
}

QString ApiError::boundedMessage(const QString& text, int maxLength)
{
    QString out;
    out.reserve(qMin<qsizetype>(text.size(), maxLength + 1));
    for (const QChar c : text) {
        if (out.size() >= maxLength)
            break;
        // Line breaks and tabs become spaces; other control and format characters (escape
        // sequences, bidirectional overrides) are dropped: they could disguise a log line.
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            out += QLatin1Char(' ');
        else if (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format)
            out += c;
    }
    if (out.size() >= maxLength && text.size() > out.size()) {
        // Do not leave half of a surrogate pair before the ellipsis.
        if (out.back().isHighSurrogate())
            out.chop(1);
        out += QChar(0x2026);
    }
    return out;
}

QString ApiError::userMessage() const
{
    switch (kind) {
    case ApiErrorKind::None:
    case ApiErrorKind::Network:
    case ApiErrorKind::Timeout:
    case ApiErrorKind::BadResponse:
    case ApiErrorKind::Redirected:
    case ApiErrorKind::Tls:
    case ApiErrorKind::TooLarge:
        // text() says all of it in words; the transport's text names hosts and sockets, the
        // parser's names JSON paths: both are for the log, not for people.
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
        return QCoreApplication::translate(
            "rota::ApiError", "Cannot reach Splunk On-Call. Check the network connection.");
    case ApiErrorKind::Timeout:
        return QCoreApplication::translate(
            "rota::ApiError", "Splunk On-Call did not answer in time. Rota will try again.");
    case ApiErrorKind::Unauthorised:
        return QCoreApplication::translate(
            "rota::ApiError", "The API ID or key is missing. Add them in the account settings.");
    case ApiErrorKind::Forbidden:
        return QCoreApplication::translate("rota::ApiError",
                   "Splunk On-Call refused the request: the API ID or key is wrong, or "
                   "the key is read-only")
            + detail + QLatin1Char('.');
    case ApiErrorKind::Throttled:
        if (retryAfterSeconds > 0)
            return QCoreApplication::translate("rota::ApiError",
                "Splunk On-Call's rate limit was reached. Rota waits %1 s before trying again.")
                .arg(retryAfterSeconds);
        return QCoreApplication::translate("rota::ApiError",
            "Splunk On-Call's rate limit was reached. Rota slows down and tries again.");
    case ApiErrorKind::NotFound:
        return QCoreApplication::translate(
                   "rota::ApiError", "Not found on Splunk On-Call: it may have been deleted")
            + detail + QLatin1Char('.');
    case ApiErrorKind::BadRequest:
        return QCoreApplication::translate(
                   "rota::ApiError", "Splunk On-Call did not accept the request")
            + detail + QLatin1Char('.');
    case ApiErrorKind::Server:
        return QCoreApplication::translate(
            "rota::ApiError", "Splunk On-Call had a server error (HTTP %1). Try again shortly.")
            .arg(httpStatus);
    case ApiErrorKind::BadResponse:
        return QCoreApplication::translate(
            "rota::ApiError", "Splunk On-Call sent an answer Rota cannot read.");
    case ApiErrorKind::Redirected:
        return QCoreApplication::translate("rota::ApiError",
            "The server at %1 answered with a redirect to %2. Rota sends your API "
            "key only to the address configured for this account, so it did "
            "not follow it.")
            .arg(server.isEmpty()
                    ? QCoreApplication::translate("rota::ApiError", "the configured address")
                    : server,
                serverMessage.isEmpty()
                    ? QCoreApplication::translate("rota::ApiError", "an address it did not name")
                    : serverMessage);
    case ApiErrorKind::Tls: {
        QString why = serverMessage.isEmpty()
            ? QCoreApplication::translate("rota::ApiError", "the secure connection failed")
            : serverMessage;
        if (!why.endsWith(QLatin1Char('.')))
            why += QLatin1Char('.');
        return QCoreApplication::translate(
            "rota::ApiError", "The certificate of %1 is not trusted: %2")
            .arg(server.isEmpty() ? QCoreApplication::translate("rota::ApiError", "the server")
                                  : server,
                why);
    }
    case ApiErrorKind::TooLarge:
        return serverMessage;
    }
    return QString();
}

} // namespace rota
