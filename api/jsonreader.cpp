// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "jsonreader.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

#include <cmath>
#include <limits>

namespace rota {

//! What the readers of one document share: the parsed text, the first error and the texts kept
//! once.
struct JsonReader::Document : JsonReader::Counted {
    JsonDom dom;
    QString error;
    JsonSharedTexts texts;
};

JsonReader::Document* JsonReader::DocRef::get() const { return static_cast<Document*>(m_d); }

void JsonReader::DocRef::destroy(Counted* d) { delete static_cast<Document*>(d); }

namespace {

using Kind = JsonDom::Kind;
constexpr quint32 None = JsonDom::None;
// The kinds expect() is asked for; both booleans are one.
constexpr quint8 BoolKind = 0xFE;

constexpr double MaxExactInteger = 9007199254740992.0; // 2^53

//! Epoch milliseconds as a time, only within the years 1 to 9999 (what ISO 8601 text can say, so
//! that a time read can be written back).
QDateTime fromEpochMs(double ms)
{
    constexpr double First = -62135596800000.0; // 0001-01-01T00:00:00Z
    constexpr double Last = 253402300799999.0; // 9999-12-31T23:59:59.999Z
    if (!std::isfinite(ms) || ms < First || ms > Last)
        return {};
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms), Qt::UTC);
}

inline int digits(const char* p, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const int digit = p[i] - '0';
        if (digit < 0 || digit > 9)
            return -1;
        value = value * 10 + digit;
    }
    return value;
}

//! The one form nearly every time in an answer takes, "2026-11-26T03:15:59Z" or
//! "2026-11-26T03:15:59.250Z", read without QDateTime::fromString; anything else (offsets, other
//! precisions, leap seconds, spaces) is left to parseApiTime.
bool readPlainUtcTime(const char* p, quint32 size, qint64* ms)
{
    if (size != 20 && size != 24)
        return false;
    if (p[4] != '-' || p[7] != '-' || p[10] != 'T' || p[13] != ':' || p[16] != ':'
        || p[size - 1] != 'Z')
        return false;
    const int year = digits(p, 4);
    const int month = digits(p + 5, 2);
    const int day = digits(p + 8, 2);
    const int hour = digits(p + 11, 2);
    const int minute = digits(p + 14, 2);
    const int second = digits(p + 17, 2);
    int milli = 0;
    if (size == 24) {
        if (p[19] != '.')
            return false;
        milli = digits(p + 20, 3);
    }
    if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59 || milli < 0)
        return false;
    static constexpr int DaysInMonth[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > DaysInMonth[month - 1] + (month == 2 && leap ? 1 : 0))
        return false;
    // Days since 1970-01-01 of the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
    const qint64 y = year - (month <= 2 ? 1 : 0);
    const qint64 era = y / 400; // y >= 0 here
    const qint64 yearOfEra = y - era * 400;
    const qint64 dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    const qint64 days = era * 146097 + dayOfEra - 719468;
    *ms = ((days * 24 + hour) * 60 + minute) * 60000 + second * 1000 + milli;
    return true;
}

} // namespace

JsonReader JsonReader::fromBytes(const QByteArray& bytes)
{
    auto* document = new Document;
    document->dom = JsonDom(bytes);
    JsonReader reader(DocRef(document), document->dom.root());
    if (!document->dom.ok())
        document->error = QStringLiteral("$: ") + document->dom.error();
    return reader;
}

JsonReader::JsonReader(const QJsonValue& root)
    : m_doc(new Document)
{
    m_doc.get()->dom = JsonDom::fromValue(root);
    m_node = m_doc.get()->dom.root();
    m_present = None;
}

JsonReader::JsonReader(DocRef doc, quint32 node)
    : m_doc(std::move(doc))
    , m_node(node)
    , m_present(None)
{
}

bool JsonReader::ok() const { return m_doc.get()->error.isEmpty(); }

QString JsonReader::error() const { return m_doc.get()->error; }

QString JsonReader::path() const
{
    const JsonDom& dom = m_doc.get()->dom;
    if (m_node != None)
        return dom.path(m_node);
    QString out = m_present != None ? dom.path(m_present) : QStringLiteral("$");
    if (!m_missing.isEmpty())
        out += QLatin1Char('.') + m_missing;
    return out;
}

void JsonReader::fail(const QString& message)
{
    Document* document = m_doc.get();
    if (document->error.isEmpty())
        document->error = path() + QStringLiteral(": ") + message;
}

bool JsonReader::isNull() const
{
    return m_node == None || m_doc.get()->dom.node(m_node).kind == Kind::Null;
}

QString JsonReader::shared(const QString& text) const
{
    if (text.isEmpty())
        return text;
    JsonSharedTexts& texts = m_doc.get()->texts;
    const quint64 hash = JsonSharedTexts::hash(text);
    if (const QString* known = texts.find(text, hash))
        return *known;
    texts.insert(hash, text);
    return text;
}

QString JsonReader::toSharedString(const QString& fallback) const
{
    if (isNull())
        return shared(fallback);
    Document* document = m_doc.get();
    const JsonDom::Node& n = document->dom.node(m_node);
    if (n.kind != Kind::String || n.flags != 0 || n.size == 0)
        return shared(toString(fallback));
    // A plain ASCII text: found by its bytes when it came before, without making a QString.
    const char* bytes = document->dom.bytes(m_node);
    const quint64 hash = JsonSharedTexts::hash(bytes, n.size);
    if (const QString* known = document->texts.find(bytes, n.size, hash))
        return *known;
    const QString text = QString::fromLatin1(bytes, n.size);
    document->texts.insert(hash, text);
    return text;
}

QStringList JsonReader::toSharedStringList() const
{
    QStringList out;
    forEachElement([&out](JsonReader& element) {
        out.append(element.value().isString() ? element.toSharedString()
                                              : element.shared(element.toStringOrNumber()));
    });
    return out;
}

QString JsonReader::kindName() const
{
    if (m_node == None)
        return QStringLiteral("nothing");
    switch (m_doc.get()->dom.node(m_node).kind) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::False:
    case Kind::True:
        return QStringLiteral("a boolean");
    case Kind::Number:
        return QStringLiteral("a number");
    case Kind::String:
        return QStringLiteral("a string");
    case Kind::Array:
        return QStringLiteral("an array");
    case Kind::Object:
        return QStringLiteral("an object");
    }
    return QString();
}

bool JsonReader::expect(quint8 kind, const char* what) const
{
    if (m_node != None) {
        const Kind is = m_doc.get()->dom.node(m_node).kind;
        if (static_cast<quint8>(is) == kind
            || (kind == BoolKind && (is == Kind::True || is == Kind::False)))
            return true;
    }
    const_cast<JsonReader*>(this)->fail(
        QStringLiteral("expected %1, got %2").arg(QLatin1String(what), kindName()));
    return false;
}

bool JsonReader::has(const QString& field) const
{
    if (m_node == None)
        return false;
    const JsonDom& dom = m_doc.get()->dom;
    if (dom.node(m_node).kind != Kind::Object)
        return false;
    quint32 hint = 0;
    return dom.member(m_node, field, hint) != None;
}

JsonReader JsonReader::member(const QString& field) const
{
    if (!isNull() && expect(static_cast<quint8>(Kind::Object), "an object")) {
        const quint32 found = m_doc.get()->dom.member(m_node, field, m_hint);
        if (found != None)
            return JsonReader(m_doc, found);
    }
    // Absent: remember where, for the path.
    JsonReader absent(m_doc, None);
    if (m_node != None) {
        absent.m_present = m_node;
        absent.m_missing = field;
    } else {
        absent.m_present = m_present;
        absent.m_missing = m_missing.isEmpty() ? field : m_missing + QLatin1Char('.') + field;
    }
    return absent;
}

void JsonReader::forEach(const QString& field, const std::function<void(JsonReader&)>& each) const
{
    member(field).forEachElement(each);
}

void JsonReader::forEachElement(const std::function<void(JsonReader&)>& each) const
{
    if (isNull() || !expect(static_cast<quint8>(Kind::Array), "an array"))
        return;
    const JsonDom& dom = m_doc.get()->dom;
    const quint32 end = dom.node(m_node).next;
    for (quint32 e = m_node + 1; e < end && ok(); e = dom.node(e).next) {
        JsonReader element(m_doc, e);
        each(element);
    }
}

QString JsonReader::plainString() const { return m_doc.get()->dom.string(m_node); }

QString JsonReader::toString(const QString& fallback) const
{
    if (isNull() || !expect(static_cast<quint8>(Kind::String), "a string"))
        return fallback;
    return plainString();
}

QString JsonReader::toStringOrNumber(const QString& fallback) const
{
    if (m_node != None && m_doc.get()->dom.node(m_node).kind == Kind::Number) {
        const qint64 n = toInt(0);
        return ok() ? QString::number(n) : fallback;
    }
    return toString(fallback);
}

qint64 JsonReader::toInt(qint64 fallback) const
{
    if (isNull() || !expect(static_cast<quint8>(Kind::Number), "a number"))
        return fallback;
    const JsonDom& dom = m_doc.get()->dom;
    qint64 whole = 0;
    if (dom.smallInteger(m_node, &whole)) {
        if (whole > static_cast<qint64>(MaxExactInteger)
            || whole < -static_cast<qint64>(MaxExactInteger)) {
            const_cast<JsonReader*>(this)->fail(QStringLiteral("number out of range"));
            return fallback;
        }
        return whole;
    }
    const double d = dom.number(m_node);
    if (!std::isfinite(d) || std::fabs(d) > MaxExactInteger) {
        const_cast<JsonReader*>(this)->fail(QStringLiteral("number out of range"));
        return fallback;
    }
    // A whole number written with more than 18 digits reads as a double: beyond 2^53 it was
    // refused just above, so the digits were exact.
    if (d != std::floor(d)) {
        const_cast<JsonReader*>(this)->fail(
            QStringLiteral("expected a whole number, got %1").arg(d));
        return fallback;
    }
    return static_cast<qint64>(d);
}

int JsonReader::toInt32(int fallback) const
{
    const qint64 n = toInt(fallback);
    if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max()) {
        const_cast<JsonReader*>(this)->fail(QStringLiteral("number out of range"));
        return fallback;
    }
    return static_cast<int>(n);
}

void insertIfSet(QJsonObject& object, const QString& key, const QString& value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

void insertIfSet(QJsonObject& object, const QString& key, const QDateTime& value)
{
    if (value.isValid())
        object.insert(key, formatApiTime(value));
}

void insertIfSet(QJsonObject& object, const QString& key, const std::optional<QString>& value)
{
    if (value)
        object.insert(key, *value);
}

double JsonReader::toDouble(double fallback) const
{
    if (isNull() || !expect(static_cast<quint8>(Kind::Number), "a number"))
        return fallback;
    return m_doc.get()->dom.number(m_node);
}

bool JsonReader::toBool(bool fallback) const
{
    if (isNull() || !expect(BoolKind, "a boolean"))
        return fallback;
    return m_doc.get()->dom.node(m_node).kind == Kind::True;
}

QDateTime JsonReader::toDateTime() const
{
    if (isNull())
        return {};
    const JsonDom& dom = m_doc.get()->dom;
    const JsonDom::Node& n = dom.node(m_node);
    if (n.kind != Kind::String && n.kind != Kind::Number) {
        expect(static_cast<quint8>(Kind::String), "a time");
        return {};
    }
    qint64 ms = 0;
    if (n.kind == Kind::String && n.flags == 0 && readPlainUtcTime(dom.bytes(m_node), n.size, &ms))
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    const bool isString = n.kind == Kind::String;
    const QJsonValue value = isString ? QJsonValue(plainString()) : QJsonValue(dom.number(m_node));
    const QDateTime t = parseApiTime(value);
    if (!t.isValid())
        const_cast<JsonReader*>(this)->fail(
            QStringLiteral("not a time the API uses: %1")
                .arg(isString ? value.toString().left(40) : QString::number(value.toDouble())));
    return t;
}

QStringList JsonReader::toStringList() const
{
    QStringList out;
    forEachElement([&out](JsonReader& element) { out.append(element.toStringOrNumber()); });
    return out;
}

QJsonObject JsonReader::toObject() const
{
    if (isNull() || !expect(static_cast<quint8>(Kind::Object), "an object"))
        return {};
    return m_doc.get()->dom.toJsonValue(m_node).toObject();
}

// --- Value --------------------------------------------------------------------------------------

QJsonValue::Type JsonReader::Value::type() const
{
    if (m_node == None)
        return QJsonValue::Undefined;
    switch (m_doc.get()->dom.node(m_node).kind) {
    case Kind::Null:
        return QJsonValue::Null;
    case Kind::False:
    case Kind::True:
        return QJsonValue::Bool;
    case Kind::Number:
        return QJsonValue::Double;
    case Kind::String:
        return QJsonValue::String;
    case Kind::Array:
        return QJsonValue::Array;
    case Kind::Object:
        return QJsonValue::Object;
    }
    return QJsonValue::Undefined;
}

QString JsonReader::Value::toString() const { return toString(QString()); }

QString JsonReader::Value::toString(const QString& fallback) const
{
    if (type() != QJsonValue::String)
        return fallback;
    return m_doc.get()->dom.string(m_node);
}

QJsonValue JsonReader::Value::toJsonValue() const
{
    if (m_node == None)
        return QJsonValue(QJsonValue::Undefined);
    return m_doc.get()->dom.toJsonValue(m_node);
}

QDateTime parseApiTime(const QJsonValue& value)
{
    if (value.isDouble())
        return fromEpochMs(value.toDouble());
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return {};
    bool numeric = false;
    const qint64 ms = text.toLongLong(&numeric);
    if (numeric)
        return fromEpochMs(static_cast<double>(ms));
    // Qt::ISODateWithMs reads "Z", "+01:00" and fractional seconds; a bare local time is not
    // something this API sends, so a time without a zone is refused rather than guessed.
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
        return {};
    return t.toUTC();
}

QString formatApiTime(const QDateTime& time) { return time.toUTC().toString(Qt::ISODateWithMs); }

} // namespace rota
