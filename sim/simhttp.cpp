// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "simhttp.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <zlib.h>

namespace rota::sim {

SimReply SimReply::json(const QJsonValue& value, int status)
{
    SimReply reply;
    reply.status = status;
    if (value.isArray())
        reply.body = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else
        reply.body = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    reply.headers.append(
        { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
    return reply;
}

SimReply SimReply::error(int status, const QString& message)
{
    return json(QJsonObject { { QStringLiteral("message"), message } }, status);
}

SimReply SimReply::empty(int status)
{
    SimReply reply;
    reply.status = status;
    return reply;
}

BodyReader::BodyReader(const SimRequest& request, bool allowEmpty)
{
    if (request.body.trimmed().isEmpty()) {
        if (!allowEmpty)
            m_error = QStringLiteral("a JSON request body is required");
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        m_error = QStringLiteral("the request body is not valid JSON: ") + parseError.errorString();
        return;
    }
    if (doc.isArray()) {
        m_isArray = true;
        m_array = doc.array();
        return;
    }
    m_object = doc.object();
}

void BodyReader::fail(const QString& message)
{
    if (m_error.isEmpty())
        m_error = message;
}

static QString typeProblem(const QString& path, const char* expected)
{
    return QStringLiteral("field '%1' must be %2").arg(path, QLatin1String(expected));
}

QString BodyReader::requireString(const QString& field)
{
    return requireString(m_object, QString(), field);
}

QString BodyReader::requireString(
    const QJsonObject& object, const QString& path, const QString& field)
{
    const QString full = path.isEmpty() ? field : path + QLatin1Char('.') + field;
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull()) {
        fail(QStringLiteral("field '%1' is required").arg(full));
        return {};
    }
    if (!value.isString()) {
        fail(typeProblem(full, "a string"));
        return {};
    }
    return value.toString();
}

std::optional<QString> BodyReader::optString(const QString& field)
{
    const QJsonValue value = m_object.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString()) {
        fail(typeProblem(field, "a string"));
        return std::nullopt;
    }
    return value.toString();
}

static bool isInteger(const QJsonValue& value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return d == static_cast<double>(static_cast<qint64>(d)) && d > -9.0e15 && d < 9.0e15;
}

qint64 BodyReader::requireInt(const QString& field)
{
    return requireInt(m_object, QString(), field);
}

qint64 BodyReader::requireInt(const QJsonObject& object, const QString& path, const QString& field)
{
    const QString full = path.isEmpty() ? field : path + QLatin1Char('.') + field;
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull()) {
        fail(QStringLiteral("field '%1' is required").arg(full));
        return 0;
    }
    if (!isInteger(value)) {
        fail(typeProblem(full, "an integer"));
        return 0;
    }
    return static_cast<qint64>(value.toDouble());
}

std::optional<qint64> BodyReader::optInt(const QString& field)
{
    const QJsonValue value = m_object.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!isInteger(value)) {
        fail(typeProblem(field, "an integer"));
        return std::nullopt;
    }
    return static_cast<qint64>(value.toDouble());
}

bool BodyReader::optBool(const QString& field, bool fallback)
{
    const QJsonValue value = m_object.value(field);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isBool()) {
        fail(typeProblem(field, "a boolean"));
        return fallback;
    }
    return value.toBool();
}

QJsonArray BodyReader::requireArray(const QString& field)
{
    const QJsonValue value = m_object.value(field);
    if (value.isUndefined() || value.isNull()) {
        fail(QStringLiteral("field '%1' is required").arg(field));
        return {};
    }
    if (!value.isArray()) {
        fail(typeProblem(field, "an array"));
        return {};
    }
    return value.toArray();
}

std::optional<QJsonArray> BodyReader::optArray(const QString& field)
{
    const QJsonValue value = m_object.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isArray()) {
        fail(typeProblem(field, "an array"));
        return std::nullopt;
    }
    return value.toArray();
}

QJsonObject BodyReader::requireObject(const QString& field)
{
    const QJsonValue value = m_object.value(field);
    if (value.isUndefined() || value.isNull()) {
        fail(QStringLiteral("field '%1' is required").arg(field));
        return {};
    }
    if (!value.isObject()) {
        fail(typeProblem(field, "an object"));
        return {};
    }
    return value.toObject();
}

std::optional<qint64> queryInt(const SimRequest& request, const QString& name, qint64 fallback,
    qint64 min, qint64 max, QString* error)
{
    if (!request.query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 value = request.query.queryItemValue(name).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        *error = QStringLiteral("query parameter '%1' must be an integer from %2 to %3")
                     .arg(name)
                     .arg(min)
                     .arg(max);
        return std::nullopt;
    }
    return value;
}

bool acceptsGzip(const QByteArray& acceptEncoding)
{
    std::optional<bool> gzip;
    bool star = false;
    for (const QByteArray& item : acceptEncoding.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        const QByteArray coding = parts.first().trimmed().toLower();
        if (coding.isEmpty())
            continue;
        double q = 1.0;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts.at(i).trimmed().toLower();
            if (parameter.startsWith("q=")) {
                bool ok = false;
                q = parameter.mid(2).trimmed().toDouble(&ok);
                if (!ok)
                    q = 0; // an unreadable weight is not taken as a yes
            }
        }
        if (coding == "gzip" || coding == "x-gzip")
            gzip = gzip.value_or(false) || q > 0;
        else if (coding == "*")
            star = q > 0;
    }
    return gzip.value_or(star);
}

QByteArray gzipCompress(const QByteArray& data)
{
    z_stream stream {};
    // 15 + 16: the largest window, and zlib writes the gzip header and trailer itself.
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY)
        != Z_OK)
        return {};
    QByteArray out(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(data.size()))),
        Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    // deflateBound() leaves room for the whole member, so one call finishes it.
    const int result = deflate(&stream, Z_FINISH);
    const auto written = static_cast<qsizetype>(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
}

bool encodeForClient(SimReply& reply, const QByteArray& acceptEncoding)
{
    if (reply.body.isEmpty())
        return false;
    reply.headers.append({ QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Encoding") });
    if (reply.body.size() < kGzipMinBytes || !acceptsGzip(acceptEncoding))
        return false;
    QByteArray compressed = gzipCompress(reply.body);
    if (compressed.isEmpty())
        return false; // identity is always a correct answer
    reply.body = std::move(compressed);
    reply.headers.append({ QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip") });
    return true;
}

} // namespace rota::sim
