// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
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
    //! A 3xx answer. Never followed: the API key goes only to the configured base URL.
    Redirected,
    //! The secure connection could not be set up (a certificate not trusted, expired or for
    //! another host name). Nothing of the request was sent; never retried.
    Tls,
    //! The answer was larger than the operation allows (maxReplyBytes() in operations.h); Rota
    //! stopped reading it.
    TooLarge,
};

//! An error as a value: its kind, the HTTP status (0 when none) and the server's own message.
//!
//! Three ways to put it: text() for people (a window, a notification), userMessage() for the
//! server's own words where a dialog shows them apart, detail() for the log and a tooltip.
struct ApiError {
    ApiErrorKind kind = ApiErrorKind::None;
    int httpStatus = 0;
    //! The "message" of the server's JSON answer; for Network and Timeout the transport's text,
    //! for BadResponse what the parser found (e.g. "$.incidents[3].x: expected a string"), for
    //! Config Rota's own words. Only userMessage() of it is fit to show people.
    //! Redirected: where the server pointed (its Location). Tls: why the certificate was refused
    //! (QSslError's words). TooLarge: Rota's own words. At most MaxMessageLength characters and
    //! no control characters (see boundedMessage()).
    QString serverMessage;
    //! The server the call went to, e.g. "api.victorops.com" or "127.0.0.1:8080" (set by
    //! ApiClient on every error; text() names it for Redirected and Tls).
    QString server;
    int retryAfterSeconds = 0; //!< from Retry-After, when the server sent one (at most 300)
    //! True when a call that changes something (not a GET) failed with Network or Timeout after
    //! its request may have reached the server (a connection dropped or silent, in this attempt
    //! or an earlier one): the server may have applied it although no answer came back.
    //! Callers say "not confirmed yet" and read the state back rather than report a failure.
    //! Never set for a TLS failure, a refused connection, an unknown host, a redirect or an
    //! answer with a status.
    bool maybeApplied = false;

    static constexpr int MaxMessageLength = 500;
    //! The text without control characters (line breaks become spaces) and cut to
    //! MaxMessageLength characters, an ellipsis marking the cut: a server's words may be anything.
    static QString boundedMessage(const QString& text, int maxLength = MaxMessageLength);

    bool isError() const { return kind != ApiErrorKind::None; }
    //! Words a person can act on, e.g. "The API key was refused. Check it in Settings." Keeps
    //! the server's own message where it helps (a 400's reason); never transport or parser
    //! internals such as "$: not valid JSON at byte 35" (those are in detail()).
    QString text() const;
    //! The server's own words for people: serverMessage for an answer the server explained
    //! (and Rota's own words of a Config error); empty for transport failures, time-outs and
    //! unreadable answers, where serverMessage is meant for developers.
    QString userMessage() const;
    //! For the log, a tooltip or a "details" line: the kind, the HTTP status and serverMessage,
    //! e.g. "bad-response, HTTP 200: $: not valid JSON at byte 35: illegal number".
    QString detail() const;
};

QString apiErrorKindName(ApiErrorKind kind);

} // namespace rota

Q_DECLARE_METATYPE(rota::ApiError)
