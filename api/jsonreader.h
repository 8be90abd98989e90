#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace rota {

//! Reads a JSON answer into value types. Tolerant: unknown fields are ignored and missing optional
//! fields keep their defaults. Strict about types: a field of the wrong type is an error that names
//! the field's path ("incidents[3].transitions[0].at: expected a string, got a number"). Only the
//! first error is kept; reading goes on harmlessly so parsers need not check after every field.
class JsonReader {
public:
    //! Parses bytes; a body that is not JSON (or is truncated) becomes an error at path "$".
    static JsonReader fromBytes(const QByteArray& bytes);
    explicit JsonReader(QJsonValue root = {});

    bool ok() const { return m_state->error.isEmpty(); }
    QString error() const { return m_state->error; }
    void fail(const QString& message); //!< an error at this reader's path
    const QJsonValue& value() const { return m_value; }
    //! "$.incidents[3].transitions[0].at". Built on demand: reading a field costs no path text.
    QString path() const;
    bool isNull() const { return m_value.isNull() || m_value.isUndefined(); }
    bool has(const QString& field) const;

    //! The reader of a member (an undefined value when absent; its path extended).
    JsonReader operator[](const QString& field) const;
    //! Calls `each` for every element of an array member; absent or null is an empty array.
    void forEach(const QString& field, const std::function<void(JsonReader&)>& each) const;
    //! The same for this reader's own value, which must be an array.
    void forEachElement(const std::function<void(JsonReader&)>& each) const;

    // Scalars of this reader's own value. Absent/null gives the fallback; a wrong type fails.
    QString toString(const QString& fallback = {}) const;
    //! A string, or a number written as a string (ids in this API come both ways).
    QString toStringOrNumber(const QString& fallback = {}) const;
    qint64 toInt(qint64 fallback = 0) const; //!< fails on fractions and on numbers beyond 2^53
    int toInt32(int fallback = 0) const; //!< counts, indexes, versions: beyond int is an error
    double toDouble(double fallback = 0) const;
    bool toBool(bool fallback = false) const;
    //! ISO 8601 with Z, RFC 3339 with an offset, or epoch milliseconds, as UTC.
    QDateTime toDateTime() const;
    QStringList toStringList() const;
    QJsonObject toObject() const; //!< a raw object, for free-form values (note bodies)

    //! The one copy of `text` kept for this document (this reader and every reader derived from
    //! it): equal texts passed through shared() come back as one QString, stored once. For the
    //! texts that repeat across a list (names, slugs, keys, phases); unique ones gain nothing.
    QString shared(const QString& text) const;
    //! toString() through shared().
    QString toSharedString(const QString& fallback = {}) const
    {
        return shared(toString(fallback));
    }
    //! toStringList() with each element through shared().
    QStringList toSharedStringList() const;

    // Shorthands: member readers.
    QString str(const QString& field, const QString& fallback = {}) const
    {
        return (*this)[field].toString(fallback);
    }
    qint64 integer(const QString& field, qint64 fallback = 0) const
    {
        return (*this)[field].toInt(fallback);
    }
    bool boolean(const QString& field, bool fallback = false) const
    {
        return (*this)[field].toBool(fallback);
    }
    QDateTime time(const QString& field) const { return (*this)[field].toDateTime(); }
    QStringList strings(const QString& field) const { return (*this)[field].toStringList(); }
    QString sharedStr(const QString& field) const { return (*this)[field].toSharedString(); }
    QStringList sharedStrings(const QString& field) const
    {
        return (*this)[field].toSharedStringList();
    }

private:
    //! What every reader of one document shares: the first error and the shared texts.
    struct State {
        QString error;
        QSet<QString> texts;
    };
    JsonReader(QJsonValue value, QString base, QString field, qsizetype index,
        std::shared_ptr<State> state);
    QString kindName() const;
    bool expect(QJsonValue::Type type, const char* what) const;

    QJsonValue m_value;
    // The path is m_base, then ".m_field" for a member or "[m_index]" for an element: the parent's
    // path is shared (implicitly), and the text put together only when asked for (path() then
    // folds it into m_base).
    mutable QString m_base;
    mutable QString m_field;
    mutable qsizetype m_index = -1;
    mutable bool m_member = false;
    std::shared_ptr<State> m_state;
};

//! Reads a list member (absent or null: empty) with T::fromJson.
template <typename T> QList<T> readList(const JsonReader& r, const QString& field)
{
    QList<T> out;
    r.forEach(field, [&out](JsonReader& e) { out.append(T::fromJson(e)); });
    return out;
}

//! Reads the reader's own array with T::fromJson.
template <typename T> QList<T> readElements(const JsonReader& r)
{
    QList<T> out;
    r.forEachElement([&out](JsonReader& e) { out.append(T::fromJson(e)); });
    return out;
}

//! The DTOs' toJson() of each item, as an array.
template <typename T> QJsonArray toJsonArray(const QList<T>& items)
{
    QJsonArray array;
    for (const T& item : items)
        array.append(item.toJson());
    return array;
}

//! Writes a field only when it has a value, so re-serialised answers keep the API's shape.
void insertIfSet(QJsonObject& object, const QString& key, const QString& value);
void insertIfSet(QJsonObject& object, const QString& key, const QDateTime& value);
//! Writes a value the caller chose to send, even an empty one; nothing when it is unset.
void insertIfSet(QJsonObject& object, const QString& key, const std::optional<QString>& value);

//! Parses the times the API uses: "2026-11-26T03:15:59Z", "...59.123Z", "...59+01:00", epoch ms
//! (as a number or a numeric string). Returns an invalid QDateTime for anything else.
QDateTime parseApiTime(const QJsonValue& value);
//! ISO 8601 UTC with Z, as the API expects in requests.
QString formatApiTime(const QDateTime& time);

} // namespace rota
