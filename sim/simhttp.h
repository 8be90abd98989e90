// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace rota::sim {

//! One HTTP request as the simulator's handlers see it, independent of the HTTP server library.
struct SimRequest {
    QByteArray method; //!< upper case
    QString path; //!< decoded path without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; //!< names lower-cased
    QByteArray body;
    QStringList args; //!< values of the route's {placeholders}, in order

    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
    QString arg(int i) const { return args.value(i); }
};

//! What the simulator answers. Faults are applied later, by the server.
struct SimReply {
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static SimReply json(const QJsonValue& value, int status = 200);
    //! An error answer in the vendor's shape: {"message": "..."}.
    static SimReply error(int status, const QString& message);
    static SimReply badRequest(const QString& message) { return error(400, message); }
    static SimReply notFound(const QString& what)
    {
        return error(404, what + QStringLiteral(" not found"));
    }
    //! A 200 answer with an empty body, as the vendor sends for most deletes.
    static SimReply empty(int status = 200);
};

//! Reads and validates a JSON request body. The first problem found is kept and turned into a 400
//! answer with a message naming the field, so a handler reads fields, then checks ok() once.
class BodyReader {
public:
    //! allowEmpty: an empty body is read as {} (for calls whose body is optional).
    explicit BodyReader(const SimRequest& request, bool allowEmpty = false);

    bool ok() const { return m_error.isEmpty(); }
    SimReply error() const { return SimReply::badRequest(m_error); }
    const QJsonObject& object() const { return m_object; }
    QJsonArray rootArray() const { return m_array; }
    bool isArray() const { return m_isArray; }

    QString requireString(const QString& field);
    std::optional<QString> optString(const QString& field);
    qint64 requireInt(const QString& field);
    std::optional<qint64> optInt(const QString& field);
    bool optBool(const QString& field, bool fallback);
    QJsonArray requireArray(const QString& field);
    std::optional<QJsonArray> optArray(const QString& field);
    QJsonObject requireObject(const QString& field);
    //! Records a problem found by the handler itself (e.g. an unknown enum value).
    void fail(const QString& message);

    //! Readers for nested objects: the path is used in the error message ("targets[1].slug").
    QString requireString(const QJsonObject& object, const QString& path, const QString& field);
    qint64 requireInt(const QJsonObject& object, const QString& path, const QString& field);

private:
    QJsonObject m_object;
    QJsonArray m_array;
    bool m_isArray = false;
    QString m_error;
};

//! Whether an Accept-Encoding header value lets the answer be sent with gzip (RFC 9110 12.5.3):
//! "gzip" or "x-gzip" with a q above 0, or "*" with a q above 0 when gzip is not named. No header,
//! an empty one or "gzip;q=0" means identity.
bool acceptsGzip(const QByteArray& acceptEncoding);

//! `data` as one gzip member (RFC 1952: header, deflate, CRC-32 and length), readable by any
//! gzip decoder.
QByteArray gzipCompress(const QByteArray& data);

//! Answers with fewer body bytes than this go as they are: gzip's 18 bytes of frame and the
//! client's inflating would cost more than they save.
inline constexpr qsizetype kGzipMinBytes = 1024;

//! Compresses reply's body with gzip when the client accepts it (its Accept-Encoding header
//! value) and the body is at least kGzipMinBytes; then sets Content-Encoding: gzip. Any answer
//! with a body says Vary: Accept-Encoding, since the bytes depend on that header. Returns
//! whether the body was compressed.
bool encodeForClient(SimReply& reply, const QByteArray& acceptEncoding);

//! Query helpers: an integer parameter with a default and bounds, or a 400 message.
std::optional<qint64> queryInt(const SimRequest& request, const QString& name, qint64 fallback,
    qint64 min, qint64 max, QString* error);

} // namespace rota::sim
