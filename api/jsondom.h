// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringView>

#include <vector>

namespace rota {

//! A JSON text parsed into one flat array of nodes in document order, each pointing into the
//! UTF-8 source (kept, implicitly shared, for as long as the JsonDom lives). One pass over the
//! bytes validates them strictly (RFC 8259: no leading zeros, no control characters or lone
//! surrogates in strings, valid UTF-8, nothing after the end; a leading byte-order mark is
//! allowed) and builds the nodes without recursion, so hostile nesting costs no stack. Strings and
//! numbers stay as spans of the source until someone asks for them. Immutable once built: its
//! const functions may be called from any thread.
class JsonDom {
public:
    enum class Kind : quint8 { Null, False, True, Number, String, Array, Object };
    enum Flag : quint8 {
        Escaped = 1, //!< a string with backslash escapes
        NonAscii = 2, //!< a string with bytes beyond ASCII (valid UTF-8)
        Integer = 4, //!< a number with neither fraction nor exponent
        DuplicateKeys = 8, //!< an object naming a member more than once (the last one counts)
    };
    struct Node {
        //! A string's first byte after its quote; a number's first character; a container's
        //! opening bracket.
        quint32 start;
        //! A string's or number's length in bytes; the count of an array's elements or of an
        //! object's members.
        quint32 size;
        //! The index just past this node and everything inside it (its next sibling, if any).
        quint32 next;
        Kind kind;
        quint8 flags;
    };
    //! No node: an absent member.
    static constexpr quint32 None = 0xFFFFFFFFu;
    //! Containers nested deeper than this are refused (as QJsonDocument does).
    static constexpr int MaxDepth = 1024;

    JsonDom() = default;
    //! Parses `bytes`, which must hold an object or an array. On failure ok() is false and
    //! error() says at which byte and why, in words.
    explicit JsonDom(const QByteArray& bytes);
    //! A document holding `value` (written with QJsonDocument and read back); root() is that value,
    //! even a scalar. An undefined value gives a document without a root.
    static JsonDom fromValue(const QJsonValue& value);

    bool ok() const { return m_error.isEmpty(); }
    //! "not valid JSON at byte 35: a number with a leading zero"; empty when ok().
    QString error() const { return m_error; }
    //! The top value's node; None when there is none.
    quint32 root() const { return m_root; }
    const Node& node(quint32 index) const { return m_nodes[index]; }
    quint32 nodeCount() const { return static_cast<quint32>(m_nodes.size()); }
    //! A string's or number's bytes in the source.
    const char* bytes(quint32 index) const { return m_source.constData() + m_nodes[index].start; }

    //! The value of an object's member called `name`, or None. `hint` (0 to start with) is where
    //! the previous lookup in this object ended: members are usually asked for in about the
    //! order they come, so the search starts there and wraps around. With duplicate names the
    //! last one counts.
    quint32 member(quint32 object, QStringView name, quint32& hint) const;
    //! Whether a string node (a member name) says `name`.
    bool equals(quint32 string, QStringView name) const;
    //! A string node's text, unescaped.
    QString string(quint32 index) const;
    //! A number node's value (correctly rounded; always finite, the parser made sure).
    double number(quint32 index) const;
    //! A number node written as a whole number with at most 18 digits, exactly; false for any
    //! other number (read it with number()).
    bool smallInteger(quint32 index, qint64* value) const;
    //! The value at `index` as a QJsonValue (containers copied out whole).
    QJsonValue toJsonValue(quint32 index) const;
    //! "$.incidents[3].transitions[0]": where `index` is, from the root (found by walking down from
    //! the root, so it costs nothing until an error needs it).
    QString path(quint32 index) const;

private:
    bool parse();
    bool fail(const char* at, const char* reason);
    bool parseString(const char*& p, const char* end);
    bool parseNumber(const char*& p, const char* end);
    void markDuplicateKeys(quint32 object);

    QByteArray m_source;
    std::vector<Node> m_nodes;
    quint32 m_root = None;
    QString m_error;
};

//! Texts kept once each (JsonReader::shared): one table, found either by a QString or, for plain
//! ASCII texts of the source, by their bytes, so that reading a text met before costs a hash of
//! its bytes and no new QString. An ASCII text hashes the same either way.
class JsonSharedTexts {
public:
    static quint64 hash(const char* ascii, quint32 size);
    static quint64 hash(QStringView text);
    //! The text kept equal to these ASCII bytes, or nullptr.
    const QString* find(const char* ascii, quint32 size, quint64 hash) const;
    //! The text kept equal to `text`, or nullptr.
    const QString* find(QStringView text, quint64 hash) const;
    //! Keeps `text` (not kept yet; `hash` is its hash()).
    void insert(quint64 hash, const QString& text);

private:
    void grow();
    void place(quint64 hash, QString&& text);
    // The hashes apart from the texts, so that probing reads one dense array (0: a free slot).
    std::vector<quint64> m_hashes;
    std::vector<QString> m_texts;
    size_t m_count = 0;
};

} // namespace rota
