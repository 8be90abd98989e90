// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "jsondom.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QVarLengthArray>
#include <QtEndian>

#include <charconv>
#include <cstring>

namespace rota {

namespace {

constexpr quint64 Ones = 0x0101010101010101ULL;
constexpr quint64 Highs = 0x8080808080808080ULL;

inline quint64 load64(const char* p)
{
    quint64 v;
    std::memcpy(&v, p, sizeof v);
    return qFromLittleEndian(v);
}

//! The high bit set in the first byte (and perhaps some after it) of eight that a string scan must
//! stop at: a quote, a backslash, a control character or a byte beyond ASCII. Eight bytes a step
//! is what makes plain strings cheap.
inline quint64 stopBytes(quint64 v)
{
    const quint64 quote = v ^ (Ones * '"');
    const quint64 backslash = v ^ (Ones * '\\');
    const quint64 zeroQuote = (quote - Ones) & ~quote;
    const quint64 zeroBackslash = (backslash - Ones) & ~backslash;
    const quint64 control = (v - Ones * 0x20) & ~v;
    return (zeroQuote | zeroBackslash | control | v) & Highs;
}

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

inline const char* skipSpace(const char* p, const char* end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        ++p;
    return p;
}

inline int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

//! Four hex digits at p, or -1.
inline int hex4(const char* p)
{
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(p[i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

inline bool isContinuation(uchar c) { return (c & 0xC0) == 0x80; }

//! The length of the valid UTF-8 sequence at p (a non-ASCII lead byte), or 0.
inline int utf8Length(const uchar* p, const uchar* end)
{
    const uchar c = p[0];
    int length = 0;
    uchar low = 0x80;
    uchar high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0)
            low = 0xA0; // overlong
        else if (c == 0xED)
            high = 0x9F; // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0)
            low = 0x90; // overlong
        else if (c == 0xF4)
            high = 0x8F; // beyond U+10FFFF
    } else {
        return 0;
    }
    if (end - p < length)
        return 0;
    if (p[1] < low || p[1] > high)
        return 0;
    for (int i = 2; i < length; ++i) {
        if (!isContinuation(p[i]))
            return 0;
    }
    return length;
}

quint64 mix(quint64 h)
{
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ULL;
    h ^= h >> 32;
    return h;
}

//! A quick hash of a member name's bytes, for finding names given twice.
quint64 keyHash(const char* p, quint32 size)
{
    quint64 head = 0;
    quint64 tail = 0;
    if (size >= 8) {
        head = load64(p);
        tail = load64(p + size - 8);
    } else {
        std::memcpy(&head, p, size);
    }
    return mix(head * 0x9E3779B97F4A7C15ULL ^ tail * 0xC2B2AE3D27D4EB4FULL ^ size);
}

} // namespace

JsonDom::JsonDom(const QByteArray& bytes)
    : m_source(bytes)
{
    // Data borrowed with QByteArray::fromRawData belongs to the caller, who may free it while
    // readers of this document still live: take a copy of such bytes.
    if (!m_source.isEmpty() && m_source.data_ptr().d_ptr() == nullptr)
        m_source.detach();
    if (parse()) {
        m_root = 0;
    } else {
        m_nodes.clear();
        m_nodes.shrink_to_fit();
    }
}

JsonDom JsonDom::fromValue(const QJsonValue& value)
{
    if (value.isObject())
        return JsonDom(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return JsonDom(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isUndefined())
        return JsonDom();
    // A scalar: written as the one element of an array, which is then its root.
    JsonDom dom(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact));
    if (dom.ok() && dom.nodeCount() > 1)
        dom.m_root = 1;
    return dom;
}

bool JsonDom::fail(const char* at, const char* reason)
{
    m_error = QStringLiteral("not valid JSON at byte %1: %2")
                  .arg(at - m_source.constData())
                  .arg(QLatin1String(reason));
    return false;
}

bool JsonDom::parse()
{
    static constexpr char Truncated[] = "the text ends too early";
    const char* const begin = m_source.constData();
    const char* const end = begin + m_source.size();
    if (m_source.size() >= qsizetype(0xFFFFFFF0u))
        return fail(begin, "the text is too large");
    const char* p = begin;
    if (end - p >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3; // a byte-order mark, which RFC 8259 lets a reader ignore
    p = skipSpace(p, end);
    if (p == end)
        return fail(p, "there is no text");
    if (*p != '{' && *p != '[')
        return fail(p, "the text is neither an object nor an array");

    // At least two bytes per node ("1,"), a dozen or more in real answers: enough room for most
    // answers at once, and the vector grows for the rest.
    m_nodes.reserve(static_cast<size_t>(m_source.size() / 8 + 16));
    quint32 stack[MaxDepth]; // the open containers, innermost last
    int depth = 0;
    // A member's name and its colon, at p; p then at its value.
    const auto memberName = [&p, end, this]() -> bool {
        if (p == end)
            return fail(p, Truncated);
        if (*p != '"')
            return fail(p, "expected a member name in quotes");
        if (!parseString(p, end))
            return false;
        p = skipSpace(p, end);
        if (p == end)
            return fail(p, Truncated);
        if (*p != ':')
            return fail(p, "expected a colon after a member name");
        p = skipSpace(p + 1, end);
        return true;
    };

    // Each turn reads one value at p, then closes whatever containers end after it.
    for (;;) {
        if (p == end)
            return fail(p, Truncated);
        const char c = *p;
        const auto index = static_cast<quint32>(m_nodes.size());
        const auto offset = static_cast<quint32>(p - begin);
        bool opened = false;
        if (c == '{' || c == '[') {
            if (depth == MaxDepth)
                return fail(p, "the text is nested too deeply");
            const bool object = c == '{';
            m_nodes.push_back({ offset, 0, index + 1, object ? Kind::Object : Kind::Array, 0 });
            p = skipSpace(p + 1, end);
            if (p == end)
                return fail(p, Truncated);
            if (*p != (object ? '}' : ']')) {
                stack[depth++] = index;
                m_nodes[index].size = 1;
                opened = true;
                if (object && !memberName())
                    return false;
            } else {
                ++p;
            }
        } else if (c == '"') {
            if (!parseString(p, end))
                return false;
        } else if (c == '-' || isDigit(c)) {
            if (!parseNumber(p, end))
                return false;
        } else if (c == 't' || c == 'f' || c == 'n') {
            const char* word = c == 't' ? "true" : c == 'f' ? "false" : "null";
            const auto length = static_cast<qsizetype>(std::strlen(word));
            if (end - p < length)
                return fail(p, std::memcmp(p, word, end - p) == 0 ? Truncated : "expected a value");
            if (std::memcmp(p, word, length) != 0)
                return fail(p, "expected a value");
            const Kind kind = c == 't' ? Kind::True : c == 'f' ? Kind::False : Kind::Null;
            m_nodes.push_back({ offset, static_cast<quint32>(length), index + 1, kind, 0 });
            p += length;
        } else {
            return fail(p, "expected a value");
        }
        if (opened)
            continue;

        // After a value: a comma and the next value, or the end of the innermost container.
        for (;;) {
            p = skipSpace(p, end);
            if (depth == 0) {
                if (p != end)
                    return fail(p, "there is more text after the end");
                return true;
            }
            if (p == end)
                return fail(p, Truncated);
            const quint32 top = stack[depth - 1];
            Node& container = m_nodes[top];
            const bool object = container.kind == Kind::Object;
            if (*p == ',') {
                ++container.size;
                p = skipSpace(p + 1, end);
                if (object) {
                    if (!memberName())
                        return false;
                }
                break;
            }
            if (*p != (object ? '}' : ']'))
                return fail(p,
                    object ? "expected a comma or the end of the object"
                           : "expected a comma or the end of the array");
            ++p;
            container.next = static_cast<quint32>(m_nodes.size());
            if (object && container.size > 1)
                markDuplicateKeys(top);
            --depth;
        }
    }
}

bool JsonDom::parseString(const char*& p, const char* end)
{
    const char* const begin = m_source.constData();
    const char* s = p + 1;
    quint8 flags = 0;
    for (;;) {
        while (end - s >= 8) {
            const quint64 stop = stopBytes(load64(s));
            if (stop != 0) {
                s += qCountTrailingZeroBits(stop) / 8;
                break;
            }
            s += 8;
        }
        if (s == end)
            return fail(s, "the text ends too early");
        const auto c = static_cast<uchar>(*s);
        if (c == '"')
            break;
        if (c == '\\') {
            flags |= Escaped;
            if (end - s < 2)
                return fail(s, "the text ends too early");
            switch (s[1]) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                s += 2;
                continue;
            case 'u':
                break;
            default:
                return fail(s, "an unknown escape sequence");
            }
            if (end - s < 6)
                return fail(s, "the text ends too early");
            const int unit = hex4(s + 2);
            if (unit < 0)
                return fail(s, "a \\u escape without four hex digits");
            if (unit >= 0xDC00 && unit <= 0xDFFF)
                return fail(s, "a lone UTF-16 surrogate in a \\u escape");
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                // Its low surrogate must follow as the next escape.
                const char* after = s + 6;
                if ((end - after >= 1 && after[0] != '\\') || (end - after >= 2 && after[1] != 'u'))
                    return fail(s, "a lone UTF-16 surrogate in a \\u escape");
                if (end - after < 6)
                    return fail(s, "the text ends too early");
                const int low = hex4(after + 2);
                if (low < 0xDC00 || low > 0xDFFF)
                    return fail(s, "a lone UTF-16 surrogate in a \\u escape");
                s += 12;
            } else {
                s += 6;
            }
        } else if (c < 0x20) {
            return fail(s, "a control character inside a string");
        } else if (c >= 0x80) {
            const int length = utf8Length(
                reinterpret_cast<const uchar*>(s), reinterpret_cast<const uchar*>(end));
            if (length == 0)
                return fail(s, "invalid UTF-8");
            flags |= NonAscii;
            s += length;
        } else {
            ++s; // a byte the eight-at-a-time test flagged for its neighbour's sake
        }
    }
    const auto index = static_cast<quint32>(m_nodes.size());
    m_nodes.push_back({ static_cast<quint32>(p + 1 - begin), static_cast<quint32>(s - (p + 1)),
        index + 1, Kind::String, flags });
    p = s + 1;
    return true;
}

bool JsonDom::parseNumber(const char*& p, const char* end)
{
    const char* s = p;
    bool integer = true;
    bool exponent = false;
    if (*s == '-')
        ++s;
    if (s == end)
        return fail(s, "the text ends too early");
    if (*s == '0') {
        ++s;
        if (s < end && isDigit(*s))
            return fail(p, "a number with a leading zero");
    } else if (isDigit(*s)) {
        while (s < end && isDigit(*s))
            ++s;
    } else {
        return fail(p, "an invalid number");
    }
    if (s < end && *s == '.') {
        integer = false;
        ++s;
        if (s == end || !isDigit(*s))
            return fail(p, "an invalid number");
        while (s < end && isDigit(*s))
            ++s;
    }
    if (s < end && (*s == 'e' || *s == 'E')) {
        integer = false;
        exponent = true;
        ++s;
        if (s < end && (*s == '+' || *s == '-'))
            ++s;
        if (s == end || !isDigit(*s))
            return fail(p, "an invalid number");
        while (s < end && isDigit(*s))
            ++s;
    }
    // Only an exponent or a very long number can fall outside a double; like QJsonDocument, such
    // a number is refused rather than read as infinity or zero.
    if (exponent || s - p > 300) {
        double value = 0;
        const std::from_chars_result result = std::from_chars(p, s, value);
        if (result.ec != std::errc() || result.ptr != s)
            return fail(p, "a number out of range");
    }
    const auto index = static_cast<quint32>(m_nodes.size());
    m_nodes.push_back({ static_cast<quint32>(p - m_source.constData()), static_cast<quint32>(s - p),
        index + 1, Kind::Number, static_cast<quint8>(integer ? Integer : 0) });
    p = s;
    return true;
}

void JsonDom::markDuplicateKeys(quint32 object)
{
    Node& o = m_nodes[object];
    const quint32 count = o.size;
    // The member names, in a buffer on the stack for the usual small objects.
    quint32 small[32];
    std::vector<quint32> large;
    quint32* keys = small;
    if (count > 32) {
        large.resize(count);
        keys = large.data();
    }
    bool escaped = false;
    quint32 n = 0;
    for (quint32 k = object + 1; k < o.next; k = m_nodes[k + 1].next) {
        keys[n++] = k;
        escaped |= (m_nodes[k].flags & Escaped) != 0;
    }
    const auto same = [this](quint32 a, quint32 b) {
        return m_nodes[a].size == m_nodes[b].size
            && std::memcmp(bytes(a), bytes(b), m_nodes[a].size) == 0;
    };
    bool duplicate = false;
    if (escaped) {
        // "a" and "\u0061" are one name: compare the names as text (rare; slow is fine).
        QSet<QString> seen;
        for (quint32 i = 0; i < n && !duplicate; ++i) {
            const QString name = string(keys[i]);
            duplicate = seen.contains(name);
            seen.insert(name);
        }
    } else if (n <= 8) {
        for (quint32 i = 1; i < n && !duplicate; ++i) {
            for (quint32 j = 0; j < i && !duplicate; ++j)
                duplicate = same(keys[i], keys[j]);
        }
    } else {
        // Open addressing over the names' hashes, at most half full.
        quint32 capacity = 64;
        while (capacity < 2 * n)
            capacity *= 2;
        quint32 smallTable[64];
        std::vector<quint32> largeTable;
        quint32* table = smallTable;
        if (capacity > 64) {
            largeTable.resize(capacity);
            table = largeTable.data();
        }
        std::fill(table, table + capacity, None);
        for (quint32 i = 0; i < n && !duplicate; ++i) {
            const quint32 k = keys[i];
            quint32 slot
                = static_cast<quint32>(keyHash(bytes(k), m_nodes[k].size)) & (capacity - 1);
            while (table[slot] != None) {
                if (same(table[slot], k)) {
                    duplicate = true;
                    break;
                }
                slot = (slot + 1) & (capacity - 1);
            }
            table[slot] = k;
        }
    }
    if (duplicate)
        m_nodes[object].flags |= DuplicateKeys;
}

bool JsonDom::equals(quint32 string, QStringView name) const
{
    const Node& n = m_nodes[string];
    if (n.flags == 0) {
        // Plain ASCII: one byte per character.
        if (n.size != static_cast<quint32>(name.size()))
            return false;
        const char* p = bytes(string);
        const QChar* q = name.data();
        for (quint32 i = 0; i < n.size; ++i) {
            if (static_cast<char16_t>(static_cast<uchar>(p[i])) != q[i].unicode())
                return false;
        }
        return true;
    }
    return this->string(string) == name;
}

quint32 JsonDom::member(quint32 object, QStringView name, quint32& hint) const
{
    const Node& o = m_nodes[object];
    if (o.size == 0)
        return None;
    const quint32 first = object + 1;
    if (o.flags & DuplicateKeys) {
        quint32 found = None;
        for (quint32 k = first; k < o.next; k = m_nodes[k + 1].next) {
            if (equals(k, name))
                found = k + 1;
        }
        return found;
    }
    const quint32 start = hint > object && hint < o.next ? hint : first;
    quint32 k = start;
    do {
        const quint32 after = m_nodes[k + 1].next;
        const quint32 following = after < o.next ? after : first;
        if (equals(k, name)) {
            hint = following;
            return k + 1;
        }
        k = following;
    } while (k != start);
    return None;
}

QString JsonDom::string(quint32 index) const
{
    const Node& n = m_nodes[index];
    const char* p = bytes(index);
    if ((n.flags & (Escaped | NonAscii)) == 0)
        return QString::fromLatin1(p, n.size);
    if ((n.flags & Escaped) == 0)
        return QString::fromUtf8(p, n.size);
    // Escapes (the parser checked them, and the UTF-8): never more UTF-16 units than bytes.
    QString out(n.size, Qt::Uninitialized);
    QChar* o = out.data();
    const auto* s = reinterpret_cast<const uchar*>(p);
    const uchar* const end = s + n.size;
    while (s < end) {
        const uchar c = *s;
        if (c == '\\') {
            const char e = static_cast<char>(s[1]);
            s += 2;
            switch (e) {
            case 'b':
                *o++ = QChar(u'\b');
                break;
            case 'f':
                *o++ = QChar(u'\f');
                break;
            case 'n':
                *o++ = QChar(u'\n');
                break;
            case 'r':
                *o++ = QChar(u'\r');
                break;
            case 't':
                *o++ = QChar(u'\t');
                break;
            case 'u':
                // A high surrogate's low one follows as its own escape (checked by the parser).
                *o++ = QChar(static_cast<char16_t>(hex4(reinterpret_cast<const char*>(s))));
                s += 4;
                break;
            default: // '"', '\\', '/'
                *o++ = QChar(static_cast<char16_t>(e));
                break;
            }
        } else if (c < 0x80) {
            *o++ = QChar(static_cast<char16_t>(c));
            ++s;
        } else {
            char32_t code = 0;
            int length = 0;
            if (c < 0xE0) {
                code = c & 0x1F;
                length = 2;
            } else if (c < 0xF0) {
                code = c & 0x0F;
                length = 3;
            } else {
                code = c & 0x07;
                length = 4;
            }
            for (int i = 1; i < length; ++i)
                code = (code << 6) | (s[i] & 0x3F);
            s += length;
            if (code >= 0x10000) {
                *o++ = QChar(QChar::highSurrogate(code));
                *o++ = QChar(QChar::lowSurrogate(code));
            } else {
                *o++ = QChar(static_cast<char16_t>(code));
            }
        }
    }
    out.truncate(o - out.constData());
    return out;
}

double JsonDom::number(quint32 index) const
{
    const char* p = bytes(index);
    double value = 0;
    std::from_chars(p, p + m_nodes[index].size, value);
    return value;
}

bool JsonDom::smallInteger(quint32 index, qint64* value) const
{
    const Node& n = m_nodes[index];
    if ((n.flags & Integer) == 0)
        return false;
    const char* p = bytes(index);
    const char* end = p + n.size;
    const bool negative = *p == '-';
    if (negative)
        ++p;
    if (end - p > 18)
        return false;
    qint64 v = 0;
    for (; p < end; ++p)
        v = v * 10 + (*p - '0');
    *value = negative ? -v : v;
    return true;
}

QJsonValue JsonDom::toJsonValue(quint32 index) const
{
    const Node& n = m_nodes[index];
    switch (n.kind) {
    case Kind::Null:
        return QJsonValue(QJsonValue::Null);
    case Kind::False:
        return false;
    case Kind::True:
        return true;
    case Kind::Number: {
        qint64 whole = 0;
        if (smallInteger(index, &whole))
            return whole;
        return number(index);
    }
    case Kind::String:
        return string(index);
    case Kind::Array: {
        QJsonArray array;
        for (quint32 e = index + 1; e < n.next; e = m_nodes[e].next)
            array.append(toJsonValue(e));
        return array;
    }
    case Kind::Object: {
        // The parser bounds the nesting, so this recursion is bounded too. QJsonObject::insert
        // replaces: with a name given twice, the last one counts.
        QJsonObject object;
        for (quint32 k = index + 1; k < n.next; k = m_nodes[k + 1].next)
            object.insert(string(k), toJsonValue(k + 1));
        return object;
    }
    }
    return {};
}

QString JsonDom::path(quint32 index) const
{
    QString out = QStringLiteral("$");
    quint32 at = m_root;
    while (at != None && at != index) {
        const Node& n = m_nodes[at];
        quint32 inside = None;
        if (n.kind == Kind::Object) {
            for (quint32 k = at + 1; k < n.next; k = m_nodes[k + 1].next) {
                if (index >= k + 1 && index < m_nodes[k + 1].next) {
                    out += QLatin1Char('.') + string(k);
                    inside = k + 1;
                    break;
                }
            }
        } else if (n.kind == Kind::Array) {
            qsizetype position = 0;
            for (quint32 e = at + 1; e < n.next; e = m_nodes[e].next, ++position) {
                if (index >= e && index < m_nodes[e].next) {
                    out += QLatin1Char('[') + QString::number(position) + QLatin1Char(']');
                    inside = e;
                    break;
                }
            }
        }
        at = inside;
    }
    return out;
}

// --- shared texts -------------------------------------------------------------------------------

quint64 JsonSharedTexts::hash(const char* ascii, quint32 size)
{
    quint64 h = 0x243F6A8885A308D3ULL ^ size;
    while (size >= 8) {
        h = (h ^ load64(ascii)) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
        ascii += 8;
        size -= 8;
    }
    if (size > 0) {
        quint64 tail = 0;
        std::memcpy(&tail, ascii, size);
        h = (h ^ tail) * 0x94D049BB133111EBULL;
    }
    h = mix(h);
    return h != 0 ? h : 1; // 0 marks a free slot
}

quint64 JsonSharedTexts::hash(QStringView text)
{
    // An ASCII text as its bytes, so that it hashes as the same text found in the source does.
    const auto size = static_cast<quint32>(text.size());
    QVarLengthArray<char, 256> ascii(text.size());
    const char16_t* units = text.utf16();
    for (quint32 i = 0; i < size; ++i) {
        if (units[i] >= 0x80) {
            const quint64 h
                = hash(reinterpret_cast<const char*>(units), size * 2) ^ 0x5A5A5A5A5A5A5A5AULL;
            return h != 0 ? h : 1;
        }
        ascii[i] = static_cast<char>(units[i]);
    }
    return hash(ascii.constData(), size);
}

const QString* JsonSharedTexts::find(const char* ascii, quint32 size, quint64 hash) const
{
    if (m_hashes.empty())
        return nullptr;
    const size_t mask = m_hashes.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        if (m_hashes[i] == 0)
            return nullptr;
        if (m_hashes[i] == hash) {
            const QString& text = m_texts[i];
            if (text.size() == static_cast<qsizetype>(size)) {
                const char16_t* units = reinterpret_cast<const char16_t*>(text.constData());
                quint32 k = 0;
                while (k < size && units[k] == static_cast<char16_t>(static_cast<uchar>(ascii[k])))
                    ++k;
                if (k == size)
                    return &text;
            }
        }
    }
}

const QString* JsonSharedTexts::find(QStringView text, quint64 hash) const
{
    if (m_hashes.empty())
        return nullptr;
    const size_t mask = m_hashes.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        if (m_hashes[i] == 0)
            return nullptr;
        if (m_hashes[i] == hash && m_texts[i] == text)
            return &m_texts[i];
    }
}

void JsonSharedTexts::insert(quint64 hash, const QString& text)
{
    if (2 * (m_count + 1) > m_hashes.size())
        grow();
    place(hash, QString(text));
    ++m_count;
}

void JsonSharedTexts::place(quint64 hash, QString&& text)
{
    const size_t mask = m_hashes.size() - 1;
    size_t i = hash & mask;
    while (m_hashes[i] != 0)
        i = (i + 1) & mask;
    m_hashes[i] = hash;
    m_texts[i] = std::move(text);
}

void JsonSharedTexts::grow()
{
    std::vector<quint64> oldHashes;
    std::vector<QString> oldTexts;
    oldHashes.swap(m_hashes);
    oldTexts.swap(m_texts);
    const size_t capacity = oldHashes.empty() ? 256 : oldHashes.size() * 2;
    m_hashes.assign(capacity, 0);
    m_texts.resize(capacity);
    for (size_t i = 0; i < oldHashes.size(); ++i) {
        if (oldHashes[i] != 0)
            place(oldHashes[i], std::move(oldTexts[i]));
    }
}

} // namespace rota
