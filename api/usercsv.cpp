// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "usercsv.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QStringDecoder>

#include <array>
#include <optional>

namespace rota {

namespace {

// A row wider than this is not a list of users; refusing it keeps a hostile file of separators
// from costing memory.
constexpr int kMaxFields = 1000;
// The service's limits on names are not documented; longer than this is a mistake in the file.
constexpr int kMaxNameLength = 255;

// Fixed English digits with a thousands separator, whatever the system locale.
QString number(qint64 n) { return QLocale(QLocale::English, QLocale::UnitedStates).toString(n); }

// The offset of the first byte that does not belong to well-formed UTF-8 (no overlong forms, no
// surrogates, nothing above U+10FFFF), or -1.
qsizetype firstInvalidUtf8(const QByteArray& data)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.constData());
    const qsizetype size = data.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = bytes[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned min = 0;
        unsigned code = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            min = 0x80;
            code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            min = 0x800;
            code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            min = 0x10000;
            code = c & 0x07;
        } else {
            return i;
        }
        if (i + extra >= size)
            return i;
        for (int k = 1; k <= extra; ++k) {
            const unsigned char next = bytes[i + k];
            if ((next & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (next & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}

int lineAt(const QByteArray& data, qsizetype offset)
{
    return int(data.left(offset).count('\n')) + 1;
}

struct Record {
    int line = 0;
    QStringList fields;

    bool isBlank() const
    {
        for (const QString& field : fields) {
            if (!field.trimmed().isEmpty())
                return false;
        }
        return true;
    }
};

// The separator the header line uses most, outside quotes: ',' unless ';' or a tab wins.
QChar detectSeparator(const QString& text)
{
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && (c == QLatin1Char('\n') || c == QLatin1Char('\r')))
            break;
        else if (!quoted && c == QLatin1Char(','))
            ++commas;
        else if (!quoted && c == QLatin1Char(';'))
            ++semicolons;
        else if (!quoted && c == QLatin1Char('\t'))
            ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs)
        return QLatin1Char(';');
    if (tabs > commas && tabs > semicolons)
        return QLatin1Char('\t');
    return QLatin1Char(',');
}

// RFC 4180, leniently: a quote inside an unquoted value is kept as it is, and so is text after a
// closing quote. Line ends are LF, CRLF or a lone CR. Returns an error in words, or nothing.
std::optional<QString> splitRecords(const QString& text, QChar separator, QList<Record>* records)
{
    Record current;
    current.line = 1;
    QString field;
    bool quoted = false;
    int line = 1;
    int quoteLine = 0;
    const qsizetype size = text.size();
    int dataRows = 0;

    const auto endField = [&]() -> bool {
        if (current.fields.size() >= kMaxFields)
            return false;
        current.fields.append(field);
        field.clear();
        return true;
    };
    const auto tooWide = [&] {
        return QCoreApplication::translate("rota::UserCsv",
            "Line %1 has more than %2 values: this does not look like a list "
            "of users.")
            .arg(number(current.line), number(kMaxFields));
    };
    const auto endRecord = [&]() -> std::optional<QString> {
        if (!endField())
            return tooWide();
        if (!current.isBlank()) {
            // The header row is not counted; one over the cap is enough to refuse.
            if (!records->isEmpty() && ++dataRows > UserCsv::MaxRows)
                return QCoreApplication::translate("rota::UserCsv",
                    "The file has more than %1 users. Split it into files of "
                    "at most %1 users each.")
                    .arg(number(UserCsv::MaxRows));
            records->append(current);
        }
        current = Record();
        current.line = line;
        return std::nullopt;
    };

    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < size && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(QLatin1Char('"'));
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n')
                    || (c == QLatin1Char('\r')
                        && !(i + 1 < size && text.at(i + 1) == QLatin1Char('\n'))))
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.trimmed().isEmpty()) {
            // Spaces before an opening quote are not part of the value.
            field.clear();
            quoted = true;
            quoteLine = line;
        } else if (c == separator) {
            if (!endField())
                return tooWide();
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < size && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            ++line;
            if (const auto error = endRecord())
                return error;
        } else {
            field.append(c);
        }
    }
    if (quoted)
        return QCoreApplication::translate(
            "rota::UserCsv", "The quote that opens a value on line %1 is never closed.")
            .arg(number(quoteLine));
    if (!field.isEmpty() || !current.fields.isEmpty()) {
        if (const auto error = endRecord())
            return error;
    }
    return std::nullopt;
}

enum Column { Username, Email, FirstName, LastName, ColumnCount };

const std::array<const char*, ColumnCount> kColumnNames { "username", "email", "first name",
    "last name" };

// A header cell as compared: lower case, without spaces, '_', '-' and '.'.
QString headerKey(const QString& cell)
{
    QString key;
    for (const QChar c : cell.trimmed().toLower()) {
        if (!c.isSpace() && c != QLatin1Char('_') && c != QLatin1Char('-') && c != QLatin1Char('.'))
            key.append(c);
    }
    return key;
}

std::optional<Column> columnFor(const QString& cell)
{
    static const QHash<QString, Column> names {
        { QStringLiteral("username"), Username },
        { QStringLiteral("user"), Username },
        { QStringLiteral("login"), Username },
        { QStringLiteral("email"), Email },
        { QStringLiteral("emailaddress"), Email },
        { QStringLiteral("mail"), Email },
        { QStringLiteral("firstname"), FirstName },
        { QStringLiteral("first"), FirstName },
        { QStringLiteral("givenname"), FirstName },
        { QStringLiteral("forename"), FirstName },
        { QStringLiteral("lastname"), LastName },
        { QStringLiteral("last"), LastName },
        { QStringLiteral("surname"), LastName },
        { QStringLiteral("familyname"), LastName },
    };
    const auto found = names.constFind(headerKey(cell));
    if (found == names.cend())
        return std::nullopt;
    return *found;
}

QString quotedName(const QString& text) { return QLatin1Char('"') + text + QLatin1Char('"'); }

QString listInWords(const QStringList& items)
{
    if (items.size() <= 1)
        return items.value(0);
    return QCoreApplication::translate(
        "rota::UserCsv", "%1 and %2", "a list: the first items, the last")
        .arg(QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")),
            items.constLast());
}

bool hasControlCharacter(const QString& text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            return true;
    }
    return false;
}

void checkName(const QString& what, const QString& value, QStringList* problems)
{
    if (value.isEmpty())
        problems->append(
            QCoreApplication::translate("rota::UserCsv", "The %1 is empty.").arg(what));
    else if (hasControlCharacter(value))
        problems->append(QCoreApplication::translate(
            "rota::UserCsv", "The %1 has a line break or another control character.")
                             .arg(what));
    else if (value.size() > kMaxNameLength)
        problems->append(
            QCoreApplication::translate("rota::UserCsv", "The %1 is longer than %2 characters.")
                .arg(what, number(kMaxNameLength)));
}

QSet<QString> lowered(const QSet<QString>& values)
{
    QSet<QString> result;
    result.reserve(values.size());
    for (const QString& value : values)
        result.insert(value.toLower());
    return result;
}

// Keeps a cell short enough for a message about it.
QString shown(const QString& value)
{
    QString flat = value;
    flat.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
    return flat.size() > 60 ? flat.left(59) + QChar(0x2026) : flat;
}

} // namespace

int UserCsvResult::validCount() const
{
    int count = 0;
    for (const UserCsvRow& row : rows)
        count += row.isValid() ? 1 : 0;
    return count;
}

QList<UserPayload> UserCsvResult::validUsers() const
{
    QList<UserPayload> users;
    for (const UserCsvRow& row : rows) {
        if (row.isValid())
            users.append(row.user);
    }
    return users;
}

bool UserCsv::isValidUsername(const QString& username)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return pattern.match(username).hasMatch();
}

bool UserCsv::isValidEmail(const QString& email)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                       "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                       "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"));
    return email.size() <= 254 && pattern.match(email).hasMatch();
}

UserCsvResult UserCsv::readFile(const QString& path, const QSet<QString>& existingUsernames,
    const QSet<QString>& existingEmails)
{
    UserCsvResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error
            = QCoreApplication::translate("rota::UserCsv", "The file %1 cannot be read: %2.")
                  .arg(quotedName(path), file.errorString());
        return result;
    }
    // Read one byte over the cap so that a larger file (or a device without end) is refused
    // without reading it all.
    const QByteArray data = file.read(MaxBytes + 1);
    if (data.size() > MaxBytes) {
        result.error = QCoreApplication::translate(
            "rota::UserCsv", "The file is larger than %1 MB. Split it into smaller files.")
                           .arg(MaxBytes / (1024 * 1024));
        return result;
    }
    return parse(data, existingUsernames, existingEmails);
}

UserCsvResult UserCsv::parse(const QByteArray& input, const QSet<QString>& existingUsernames,
    const QSet<QString>& existingEmails)
{
    UserCsvResult result;
    if (input.size() > MaxBytes) {
        result.error = QCoreApplication::translate(
            "rota::UserCsv", "The file is larger than %1 MB. Split it into smaller files.")
                           .arg(MaxBytes / (1024 * 1024));
        return result;
    }
    QByteArray data = input;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    if (const qsizetype nul = data.indexOf('\0'); nul >= 0) {
        result.error = QCoreApplication::translate("rota::UserCsv",
            "This is not a text file (line %1 has a zero byte). Choose a "
            "CSV file saved as text.")
                           .arg(number(lineAt(data, nul)));
        return result;
    }
    if (const qsizetype bad = firstInvalidUtf8(data); bad >= 0) {
        result.error = QCoreApplication::translate("rota::UserCsv",
            "The file is not UTF-8 text: line %1 has characters in "
            "another encoding. Save it as \"CSV UTF-8\" and try again.")
                           .arg(number(lineAt(data, bad)));
        return result;
    }
    const QString text = QString::fromUtf8(data);
    if (text.trimmed().isEmpty()) {
        result.error = QCoreApplication::translate("rota::UserCsv",
            "The file is empty. Its first line must name the columns: "
            "username, email, first name, last name.");
        return result;
    }

    QList<Record> records;
    if (const auto error = splitRecords(text, detectSeparator(text), &records)) {
        result.error = *error;
        return result;
    }
    if (records.isEmpty()) {
        result.error = QCoreApplication::translate("rota::UserCsv", "The file is empty.");
        return result;
    }

    // The header: where each needed column is.
    const Record& header = records.constFirst();
    std::array<int, ColumnCount> at {};
    at.fill(-1);
    QStringList ignored;
    for (qsizetype i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed();
        const auto column = columnFor(name);
        if (!column) {
            ignored.append(name.isEmpty()
                    ? QCoreApplication::translate("rota::UserCsv", "column %1 (no name)").arg(i + 1)
                    : quotedName(shown(name)));
            continue;
        }
        if (at[*column] >= 0) {
            result.error = QCoreApplication::translate("rota::UserCsv",
                "The header names the %1 column twice (columns %2 and "
                "%3). Keep one of them.")
                               .arg(QLatin1String(kColumnNames[*column]))
                               .arg(at[*column] + 1)
                               .arg(i + 1);
            return result;
        }
        at[*column] = int(i);
    }
    QStringList missing;
    for (int column = 0; column < ColumnCount; ++column) {
        if (at[column] < 0)
            missing.append(QLatin1String(kColumnNames[column]));
    }
    if (!missing.isEmpty()) {
        result.error = QCoreApplication::translate("rota::UserCsv",
            "The first line of the file must name the columns; it has no column "
            "for %1. Needed: username, email, first name, last name (in any "
            "order).")
                           .arg(listInWords(missing));
        return result;
    }
    if (!ignored.isEmpty())
        result.warnings.append(QCoreApplication::translate("rota::UserCsv", "Ignored columns: %1.")
                                   .arg(ignored.join(QStringLiteral(", "))));

    const QSet<QString> orgUsernames = lowered(existingUsernames);
    const QSet<QString> orgEmails = lowered(existingEmails);
    QHash<QString, int> usernameLines; // lower case -> first line with it
    QHash<QString, int> emailLines;
    result.rows.reserve(records.size() - 1);
    for (qsizetype r = 1; r < records.size(); ++r) {
        const Record& record = records.at(r);
        UserCsvRow row;
        row.line = record.line;
        const auto value
            = [&record, &at](Column column) { return record.fields.value(at[column]).trimmed(); };
        row.user.username = value(Username);
        row.user.email = value(Email);
        row.user.firstName = value(FirstName);
        row.user.lastName = value(LastName);

        if (record.fields.size() > header.fields.size()) {
            // Most often a name with a comma that was not put in quotes.
            row.problems.append(
                QCoreApplication::translate("rota::UserCsv",
                    "The row has %1 values but the header names %2 columns (a value "
                    "with a separator in it must be in double quotes).")
                    .arg(number(record.fields.size()), number(header.fields.size())));
        }

        const QString& username = row.user.username;
        if (username.isEmpty()) {
            row.problems.append(
                QCoreApplication::translate("rota::UserCsv", "The username is empty."));
        } else if (!isValidUsername(username)) {
            row.problems.append(QCoreApplication::translate("rota::UserCsv",
                "The username %1 is not allowed: use 1 to 64 letters, digits, '.', "
                "'_' or '-', starting with a letter or digit.")
                                    .arg(quotedName(shown(username))));
        } else {
            const QString key = username.toLower();
            if (orgUsernames.contains(key))
                row.problems.append(QCoreApplication::translate(
                    "rota::UserCsv", "The organisation already has a user named %1.")
                                        .arg(quotedName(username)));
            const auto first = usernameLines.constFind(key);
            if (first != usernameLines.cend())
                row.problems.append(QCoreApplication::translate(
                    "rota::UserCsv", "The username %1 is also on line %2.")
                                        .arg(quotedName(username), number(*first)));
            else
                usernameLines.insert(key, row.line);
        }

        const QString& email = row.user.email;
        if (email.isEmpty()) {
            row.problems.append(
                QCoreApplication::translate("rota::UserCsv", "The e-mail address is empty."));
        } else if (!isValidEmail(email)) {
            row.problems.append(
                QCoreApplication::translate("rota::UserCsv", "%1 is not an e-mail address.")
                    .arg(quotedName(shown(email))));
        } else {
            const QString key = email.toLower();
            if (orgEmails.contains(key))
                row.problems.append(QCoreApplication::translate("rota::UserCsv",
                    "A user of the organisation already has the e-mail address %1.")
                                        .arg(email));
            const auto first = emailLines.constFind(key);
            if (first != emailLines.cend())
                row.problems.append(QCoreApplication::translate(
                    "rota::UserCsv", "The e-mail address %1 is also on line %2.")
                                        .arg(email, number(*first)));
            else
                emailLines.insert(key, row.line);
        }

        checkName(QCoreApplication::translate("rota::UserCsv", "first name"), row.user.firstName,
            &row.problems);
        checkName(QCoreApplication::translate("rota::UserCsv", "last name"), row.user.lastName,
            &row.problems);
        result.rows.append(row);
    }
    if (result.rows.isEmpty())
        result.warnings.append(QCoreApplication::translate(
            "rota::UserCsv", "The file names the columns but has no users."));
    return result;
}

} // namespace rota
