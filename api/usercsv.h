// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Reading a CSV file of new users (one row per user) and checking each row before anything is
// sent: what POST /api-public/v1/user/batch would refuse is found here, in words, with the line.

#include "people.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace rota {

//! One user of the file.
struct UserCsvRow {
    int line = 0; //!< the line of the file where the row starts (the header is line 1)
    UserPayload user; //!< the values as read, trimmed
    QStringList problems; //!< why the row cannot be sent, in words; empty for a good row

    bool isValid() const { return problems.isEmpty(); }
};

//! What was read from one file.
struct UserCsvResult {
    //! Why the whole file was refused (not UTF-8, no header naming the needed columns, too large,
    //! an unclosed quote...); empty when the file was read. No rows when set.
    QString error;
    //! Things said about a file that was read: e.g. the columns that were ignored.
    QStringList warnings;
    QList<UserCsvRow> rows;

    bool ok() const { return error.isEmpty(); }
    int validCount() const;
    int invalidCount() const { return int(rows.size()) - validCount(); }
    //! The users of the valid rows, in file order.
    QList<UserPayload> validUsers() const;
};

//! Reads CSV files of users.
//!
//! The first line names the columns, in any order and in any of the usual spellings ("username",
//! "email" / "e-mail", "first name" / "firstName" / "first_name", "last name" / "surname" ...).
//! username, email, first name and last name are required; other columns are ignored (and said
//! so in warnings). RFC 4180 quoting (separators, doubled quotes and line breaks inside quotes),
//! a UTF-8 byte order mark, CRLF or LF line ends, and a semicolon or tab separator when the header
//! uses it. Blank lines are skipped.
//!
//! The file must be UTF-8: other bytes are refused with the line they are on, rather than guessed
//! as Latin-1 or Windows-1252 (a wrong guess would send wrong names in the invitation e-mails,
//! and the two cannot be told apart reliably).
class UserCsv {
public:
    static constexpr int MaxRows = 10000; //!< data rows of one file
    static constexpr qint64 MaxBytes = 4 * 1024 * 1024; //!< size of one file

    //! Reads `data` as a whole file. Usernames and e-mails already in the organisation (compared
    //! without regard to case, as the service does) make a row invalid.
    static UserCsvResult parse(const QByteArray& data, const QSet<QString>& existingUsernames = {},
        const QSet<QString>& existingEmails = {});
    //! Reads the file at `path` (at most MaxBytes) and parses it.
    static UserCsvResult readFile(const QString& path, const QSet<QString>& existingUsernames = {},
        const QSet<QString>& existingEmails = {});

    //! 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (what the
    //! service accepts).
    static bool isValidUsername(const QString& username);
    //! A plain address: local part of letters, digits and !#$%&'*+/=?^_`{|}~.- (no leading,
    //! trailing or doubled dot), '@', a domain of at least two dot-separated labels; at most 254
    //! characters.
    static bool isValidEmail(const QString& email);
};

} // namespace rota
