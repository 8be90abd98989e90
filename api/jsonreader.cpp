#include "jsonreader.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

#include <cmath>
#include <limits>

namespace rota {

JsonReader JsonReader::fromBytes(const QByteArray& bytes)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        JsonReader reader;
        reader.fail(QStringLiteral("not valid JSON at byte %1: %2")
                        .arg(parseError.offset)
                        .arg(parseError.errorString()));
        return reader;
    }
    if (doc.isArray())
        return JsonReader(doc.array());
    return JsonReader(doc.object());
}

JsonReader::JsonReader(QJsonValue root)
    : m_value(std::move(root))
    , m_base(QStringLiteral("$"))
    , m_state(std::make_shared<State>())
{
}

JsonReader::JsonReader(
    QJsonValue value, QString base, QString field, qsizetype index, std::shared_ptr<State> state)
    : m_value(std::move(value))
    , m_base(std::move(base))
    , m_field(std::move(field))
    , m_index(index)
    , m_member(index < 0)
    , m_state(std::move(state))
{
}

QString JsonReader::path() const
{
    // Put together once, then kept: the members of an element all share their parent's path.
    if (m_index >= 0)
        m_base += QLatin1Char('[') + QString::number(m_index) + QLatin1Char(']');
    else if (m_member)
        m_base += QLatin1Char('.') + m_field;
    m_index = -1;
    m_member = false;
    m_field.clear();
    return m_base;
}

void JsonReader::fail(const QString& message)
{
    if (m_state->error.isEmpty())
        m_state->error = path() + QStringLiteral(": ") + message;
}

QString JsonReader::shared(const QString& text) const
{
    if (text.isEmpty())
        return text;
    const auto known = m_state->texts.constFind(text);
    if (known != m_state->texts.constEnd())
        return *known;
    m_state->texts.insert(text);
    return text;
}

QStringList JsonReader::toSharedStringList() const
{
    QStringList out;
    forEachElement(
        [&out](JsonReader& element) { out.append(element.shared(element.toStringOrNumber())); });
    return out;
}

QString JsonReader::kindName() const
{
    switch (m_value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        return QStringLiteral("nothing");
    }
    return QString();
}

bool JsonReader::expect(QJsonValue::Type type, const char* what) const
{
    if (m_value.type() == type)
        return true;
    const_cast<JsonReader*>(this)->fail(
        QStringLiteral("expected %1, got %2").arg(QLatin1String(what), kindName()));
    return false;
}

bool JsonReader::has(const QString& field) const
{
    return m_value.isObject() && m_value.toObject().contains(field);
}

JsonReader JsonReader::operator[](const QString& field) const
{
    const QString base = path();
    if (isNull() || !expect(QJsonValue::Object, "an object"))
        return JsonReader(QJsonValue(QJsonValue::Undefined), base, field, -1, m_state);
    return JsonReader(m_value.toObject().value(field), base, field, -1, m_state);
}

void JsonReader::forEach(const QString& field, const std::function<void(JsonReader&)>& each) const
{
    (*this)[field].forEachElement(each);
}

void JsonReader::forEachElement(const std::function<void(JsonReader&)>& each) const
{
    if (isNull() || !expect(QJsonValue::Array, "an array"))
        return;
    const QJsonArray array = m_value.toArray();
    const QString base = path();
    for (qsizetype i = 0; i < array.size() && ok(); ++i) {
        JsonReader element(array.at(i), base, QString(), i, m_state);
        each(element);
    }
}

QString JsonReader::toString(const QString& fallback) const
{
    if (isNull() || !expect(QJsonValue::String, "a string"))
        return fallback;
    return m_value.toString();
}

QString JsonReader::toStringOrNumber(const QString& fallback) const
{
    if (m_value.isDouble()) {
        const qint64 n = toInt(0);
        return ok() ? QString::number(n) : fallback;
    }
    return toString(fallback);
}

static constexpr double MaxExactInteger = 9007199254740992.0; // 2^53

qint64 JsonReader::toInt(qint64 fallback) const
{
    if (isNull() || !expect(QJsonValue::Double, "a number"))
        return fallback;
    const double d = m_value.toDouble();
    if (!std::isfinite(d) || std::fabs(d) > MaxExactInteger) {
        const_cast<JsonReader*>(this)->fail(QStringLiteral("number out of range"));
        return fallback;
    }
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
    if (isNull() || !expect(QJsonValue::Double, "a number"))
        return fallback;
    return m_value.toDouble();
}

bool JsonReader::toBool(bool fallback) const
{
    if (isNull() || !expect(QJsonValue::Bool, "a boolean"))
        return fallback;
    return m_value.toBool();
}

QDateTime JsonReader::toDateTime() const
{
    if (isNull())
        return {};
    if (!m_value.isString() && !m_value.isDouble()) {
        expect(QJsonValue::String, "a time");
        return {};
    }
    const QDateTime t = parseApiTime(m_value);
    if (!t.isValid())
        const_cast<JsonReader*>(this)->fail(
            QStringLiteral("not a time the API uses: %1")
                .arg(m_value.isString() ? m_value.toString().left(40)
                                        : QString::number(m_value.toDouble())));
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
    if (isNull() || !expect(QJsonValue::Object, "an object"))
        return {};
    return m_value.toObject();
}

namespace {

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

} // namespace

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
