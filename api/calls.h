#pragma once

#include "apiclient.h"
#include "jsonreader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace rota::calls {

//! A path segment from a user-supplied value, percent-encoded once (RFC 3986) so that "a/b", a
//! space, '#', '?' or '%' cannot change the path: everything but the unreserved characters and
//! '@', which the service reads only as it is (it does not decode "%40" in usernames).
//! ApiClient puts it into the URL as it is, without encoding it again.
inline QString seg(const QString& value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value, QByteArrayLiteral("@")));
}

//! Builds a request for one documented operation. `pattern` must be the documented path (it keys
//! the rate limit); `path` the concrete one.
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

//! Sends and wraps: the answer is read with T::fromJson(const JsonReader &).
template <typename T> ApiCall<T> send(ApiClient& client, ApiRequest request)
{
    request.parse = [](const JsonReader& reader) -> std::any { return T::fromJson(reader); };
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
