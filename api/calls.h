// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "apiclient.h"
#include "jsonreader.h"
#include "operations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

namespace rota::calls {

//! Percent-encodes (RFC 3986) everything but the unreserved characters and those in `keep`.
inline QString percentEncoded(const QString& value, const QByteArray& keep = {})
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value, keep));
}

//! A path segment from a user-supplied value, percent-encoded once (RFC 3986) so that "a/b", a
//! space, '#', '?' or '%' cannot change the path: everything but the unreserved characters and
//! '@', which the service reads only as it is (it does not decode "%40" in usernames).
//! ApiClient puts it into the URL as it is, without encoding it again.
inline QString seg(const QString& value) { return percentEncoded(value, QByteArrayLiteral("@")); }

//! A value for a query item (usernames, slugs, times): '%' and '+' would otherwise be read back
//! as escapes, so everything but the unreserved characters (and `keep`) is encoded.
inline QString queryValue(const QString& value, const QByteArray& keep = {})
{
    return percentEncoded(value, keep);
}

//! The operation's path with each {placeholder}, in order, replaced by seg() of the next of
//! `segments` (there must be one for each).
QString path(const Operation& operation, const QStringList& segments = {});

//! A request for one documented operation: its method, its key (for the rate limit), the path
//! filled from `segments`, and the queue: `priority` when the caller chose one, else the
//! operation's own.
ApiRequest request(
    const Operation& operation, const QStringList& segments = {}, CallPriority priority = {});

//! For requests outside the catalog (tests, probes): `pattern` keys the rate limit, `path` is the
//! concrete path, already encoded.
inline ApiRequest request(const char* method, const char* pattern, const QString& path)
{
    ApiRequest r;
    r.method = method;
    r.operation = QLatin1String(method) + QLatin1Char(' ') + QLatin1String(pattern);
    r.path = path;
    return r;
}

inline QByteArray jsonBody(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QByteArray jsonBody(const QJsonArray& array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

//! The request with this JSON body.
inline ApiRequest withBody(ApiRequest r, const QJsonObject& body)
{
    r.body = jsonBody(body);
    return r;
}

inline ApiRequest withBody(ApiRequest r, const QJsonArray& body)
{
    r.body = jsonBody(body);
    return r;
}

//! Sends and wraps: the answer is read with T::fromJson(const JsonReader &).
template <typename T> ApiCall<T> send(ApiClient& client, ApiRequest request)
{
    request.parse = [](const JsonReader& reader) -> std::any { return T::fromJson(reader); };
    return ApiCall<T> { client.send(request) };
}

//! Sends and wraps, for answers that wrap the value in a member or need more than T::fromJson.
template <typename T>
ApiCall<T> sendWith(ApiClient& client, ApiRequest request, T (*parse)(const JsonReader&))
{
    request.parse = [parse](const JsonReader& reader) -> std::any { return parse(reader); };
    return ApiCall<T> { client.send(request) };
}

//! For operations whose answer carries nothing to read (most deletes).
struct NoContent {
    static NoContent fromJson(const JsonReader&) { return {}; }
    QJsonObject toJson() const { return {}; }
};

inline ApiCall<NoContent> sendNoContent(ApiClient& client, ApiRequest request)
{
    return ApiCall<NoContent> { client.send(request) };
}

} // namespace rota::calls
