// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "jsondom.h"

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
#include <utility>

namespace rota {

//! Reads a JSON answer into value types. Tolerant: unknown fields are ignored and missing optional
//! fields keep their defaults. Strict about types: a field of the wrong type is an error that names
//! the field's path ("incidents[3].transitions[0].at: expected a string, got a number"). Only the
//! first error is kept; reading goes on harmlessly so parsers need not check after every field.
//!
//! The answer is parsed once into a JsonDom (validated strictly); readers walk it, and texts are
//! made only when a DTO asks for them. Reentrant: readers of different documents may be used on
//! different threads at once; all the readers of one document (the first one and every one derived
//! from it) belong to one thread at a time, as they share the document's error and texts. The
//! readers keep the answer's bytes; the QStrings they give own their characters.
class JsonReader {
    struct Document;
    //! What a document's reference count lives in (the Document is defined in jsonreader.cpp).
    struct Counted {
        int refs = 1;
    };
    //! A counted reference to the document the readers share (not atomic: see above).
    class DocRef {
    public:
        DocRef() = default;
        explicit DocRef(Counted* d)
            : m_d(d)
        {
        }
        DocRef(const DocRef& other)
            : m_d(other.m_d)
        {
            if (m_d != nullptr)
                ++m_d->refs;
        }
        DocRef(DocRef&& other) noexcept
            : m_d(other.m_d)
        {
            other.m_d = nullptr;
        }
        DocRef& operator=(DocRef other) noexcept
        {
            std::swap(m_d, other.m_d);
            return *this;
        }
        ~DocRef()
        {
            if (m_d != nullptr && --m_d->refs == 0)
                destroy(m_d);
        }
        Document* get() const; // defined where Document is

    private:
        static void destroy(Counted* d);
        Counted* m_d = nullptr;
    };

public:
    //! What value() gives: the reader's value, asked about in place (no copy out of the document)
    //! and turned into a QJsonValue only where one is needed.
    class Value {
    public:
        QJsonValue::Type type() const;
        bool isNull() const { return type() == QJsonValue::Null; }
        bool isUndefined() const { return type() == QJsonValue::Undefined; }
        bool isBool() const { return type() == QJsonValue::Bool; }
        bool isDouble() const { return type() == QJsonValue::Double; }
        bool isString() const { return type() == QJsonValue::String; }
        bool isArray() const { return type() == QJsonValue::Array; }
        bool isObject() const { return type() == QJsonValue::Object; }
        bool toBool(bool fallback = false) const { return toJsonValue().toBool(fallback); }
        double toDouble(double fallback = 0) const { return toJsonValue().toDouble(fallback); }
        int toInt(int fallback = 0) const { return toJsonValue().toInt(fallback); }
        QString toString() const;
        QString toString(const QString& fallback) const;
        QJsonArray toArray() const { return toJsonValue().toArray(); }
        QJsonObject toObject() const { return toJsonValue().toObject(); }
        QJsonValue toJsonValue() const;
        operator QJsonValue() const { return toJsonValue(); } // NOLINT: a drop-in for QJsonValue

    private:
        friend class JsonReader;
        Value(DocRef doc, quint32 node)
            : m_doc(std::move(doc))
            , m_node(node)
        {
        }
        DocRef m_doc;
        quint32 m_node;
    };

    //! Parses bytes; a body that is not JSON (or is truncated) becomes an error at path "$"
    //! ("$: not valid JSON at byte 35: the text ends too early").
    static JsonReader fromBytes(const QByteArray& bytes);
    //! Reads a value already parsed (it is written out and parsed again: for small values; give
    //! bytes to fromBytes where there are bytes).
    explicit JsonReader(const QJsonValue& root = {});

    bool ok() const;
    QString error() const;
    void fail(const QString& message); //!< an error at this reader's path
    Value value() const { return Value(m_doc, m_node); }
    //! "$.incidents[3].transitions[0].at". Built on demand: reading a field costs no path text.
    QString path() const;
    bool isNull() const;
    bool has(const QString& field) const;

    //! The reader of a member (an undefined value when absent; its path extended). Members are
    //! found by comparing `field` with the member names' bytes, starting after the member found
    //! last, so reading fields in about the order they come costs one comparison each.
    JsonReader operator[](const QString& field) const { return member(field); }
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
    //! toString() through shared(); a plain text found again costs no new QString at all.
    QString toSharedString(const QString& fallback = {}) const;
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
    JsonReader(DocRef doc, quint32 node);
    JsonReader member(const QString& field) const;
    QString kindName() const;
    //! Whether the value is of `kind` (both booleans count as one kind); fails when not.
    bool expect(quint8 kind, const char* what) const;
    QString plainString() const;

    DocRef m_doc;
    //! The value's node in the document; JsonDom::None for an absent member.
    quint32 m_node;
    //! Where the last member lookup in this object ended (JsonDom::member).
    mutable quint32 m_hint = 0;
    //! For an absent member: the nearest value that is there, and the names after it ("a" or
    //! "a.b"), so the path can be told.
    quint32 m_present;
    QString m_missing;
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
