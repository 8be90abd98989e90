// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <optional>

namespace rota::sim {

//! What a fault does to one answer.
enum class FaultKind {
    Error, //!< answer with `status` (default 500) and a JSON message; the operation is not applied
    Slow, //!< apply the operation at once, answer it normally after `ms` (default 2000)
    Drop, //!< close the connection without answering; the operation is not applied
    Lost, //!< apply the operation, then close the connection without answering (after `ms`, 0)
    Malformed, //!< a 200 whose body is not JSON; the operation is not applied
    Truncate, //!< the real body cut in half (with a matching Content-Length)
    Throttle, //!< the throttling answer, as if the rate limit were reached
    Redirect, //!< answer `status` (default 302) with `Location: location`; nothing applied
    Huge, //!< a 200 whose JSON body is `mb` MiB long (default 64), sent as the client reads it
    Trickle, //!< apply the operation, send its real answer at `bps` bytes a second (default 100)
};

//! One rule of a fault spec.
//!
//! Grammar: rules separated by ';', each `kind[,key=value]...`.
//!   kinds: error, slow, drop, lost, malformed, truncate, throttle, redirect, huge, trickle
//!          (see FaultKind for what each does).
//!   keys every kind takes: p (probability 0..1, default 1), count (how many answers it affects,
//!          default unlimited), path (prefix of the request path), method (GET, POST, ...).
//!   keys of some kinds: status (error: 100..599, default 500; redirect: 300..399, default 302),
//!          ms (slow, lost: 0..600000), location (redirect, required; a URL without ',' or ';'),
//!          mb (huge: 1..1024), bps (trickle: 1..10000000).
//!   A key a kind does not use is refused, as is an unknown kind or key.
//! Example: `error,status=503,p=0.1;slow,ms=2500,path=/api-public/v1/incidents;drop,count=1`.
//! Authentication is checked before any fault: a request with bad credentials gets its 401/403.
struct FaultRule {
    FaultKind kind = FaultKind::Error;
    double probability = 1.0;
    int remaining = -1; //!< -1: unlimited
    QString pathPrefix;
    QByteArray method;
    int status = 0; //!< 0: the kind's default
    int delayMs = -1; //!< -1: the kind's default
    QString location;
    int megabytes = 64;
    int bytesPerSecond = 100;

    //! The status or delay in effect, the kind's default when none was given.
    int effectiveStatus() const;
    int effectiveDelayMs() const;
};

class FaultPlan {
public:
    //! Replaces the rules; on a syntax error keeps the old ones and returns the message.
    //! rawConnection: whether the server may hold, delay, trickle and drop a connection and write
    //! its own headers (see transportHoldsConnections()); when not, the faults that need it are
    //! refused with a message saying so, instead of being answered some other way.
    std::optional<QString> parse(
        const QString& spec, bool rawConnection = transportHoldsConnections());
    void add(const FaultRule& rule) { m_rules.append(rule); }
    void clear() { m_rules.clear(); }
    bool isEmpty() const { return m_rules.isEmpty(); }
    QString describe() const;

    //! The first rule that applies to this request (consuming one of its count), if any.
    std::optional<FaultRule> pick(
        const QByteArray& method, const QString& path, QRandomGenerator& rng);

    //! Whether this build's HTTP transport owns the connection's socket (Qt HttpServer before
    //! 6.5 hands it over; later versions only lend a responder for the length of one call).
    static bool transportHoldsConnections();

private:
    QList<FaultRule> m_rules;
};

std::optional<FaultKind> faultKindFromName(const QString& name);
QString faultKindName(FaultKind kind);
//! Whether the kind can only be done by a transport that owns the connection.
bool faultNeedsRawConnection(FaultKind kind);

} // namespace rota::sim
