// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "manpage.h"

#include <QCoreApplication>

#include <utility>

namespace rota {

ManPage::ManPage(QString name, QString version, QString summary)
    : m_name(std::move(name))
    , m_version(std::move(version))
    , m_summary(std::move(summary))
{
}

void ManPage::addSynopsis(const QString& arguments) { m_synopsis.append(arguments); }

void ManPage::section(const QString& heading)
{
    m_body.append(QStringLiteral(".SH ") + escape(heading));
}

void ManPage::subsection(const QString& heading)
{
    m_body.append(QStringLiteral(".SS ") + escape(heading));
}

void ManPage::paragraph(const QString& text)
{
    const QStringList paragraphs = text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    for (const QString& paragraph : paragraphs) {
        m_body.append(QStringLiteral(".PP"));
        const QStringList lines = paragraph.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString& line : lines) {
            // A line that starts with a space would break the filled text there.
            const QString trimmed = line.trimmed();
            if (!trimmed.isEmpty())
                m_body.append(escape(trimmed));
        }
    }
}

void ManPage::verbatim(const QString& text)
{
    m_body.append(QStringLiteral(".PP"));
    m_body.append(QStringLiteral(".RS"));
    m_body.append(QStringLiteral(".nf"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString& line : lines)
        m_body.append(escape(line));
    m_body.append(QStringLiteral(".fi"));
    m_body.append(QStringLiteral(".RE"));
}

void ManPage::line(const QString& text)
{
    m_body.append(QStringLiteral(".br"));
    m_body.append(escape(text.simplified()));
}

void ManPage::item(const QString& term, const QString& argument, const QString& text)
{
    m_body.append(QStringLiteral(".TP"));
    QString tag = QStringLiteral("\\fB") + escape(term) + QStringLiteral("\\fR");
    if (!argument.isEmpty())
        tag += QStringLiteral(" \\fI") + escape(argument) + QStringLiteral("\\fR");
    m_body.append(tag);
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            m_body.append(escape(trimmed));
    }
}

void ManPage::indent() { m_body.append(QStringLiteral(".RS")); }

void ManPage::unindent() { m_body.append(QStringLiteral(".RE")); }

void ManPage::options(const QList<QCommandLineOption>& options)
{
    for (const QCommandLineOption& option : options) {
        if (option.flags().testFlag(QCommandLineOption::HiddenFromHelp))
            continue;
        QStringList names;
        for (const QString& name : option.names())
            names.append((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name);
        item(names.join(QStringLiteral(", ")), option.valueName(), option.description());
    }
}

void ManPage::seeAlso(const QStringList& programs)
{
    section(QStringLiteral("SEE ALSO"));
    for (qsizetype i = 0; i < programs.size(); ++i) {
        m_body.append(QStringLiteral(".BR ") + escape(programs.at(i)) + QStringLiteral(" (1)")
            + (i + 1 < programs.size() ? QStringLiteral(",") : QString()));
    }
}

QString ManPage::toRoff() const
{
    const QString upper = m_name.toUpper();
    QStringList lines {
        QStringLiteral(".\\\" Written by '") + m_name
            + QStringLiteral(" --man-page'; do not edit."),
        QStringLiteral(".TH \"") + escape(upper) + QStringLiteral("\" 1 \"\" \"") + escape(m_name)
            + QLatin1Char(' ') + escape(m_version) + QStringLiteral("\" \"User Commands\""),
        // Left-aligned and unhyphenated: option names and paths must not be broken.
        QStringLiteral(".ad l"),
        QStringLiteral(".nh"),
        QStringLiteral(".SH NAME"),
        escape(m_name) + QStringLiteral(" \\- ") + escape(m_summary),
        QStringLiteral(".SH SYNOPSIS"),
    };
    for (qsizetype i = 0; i < m_synopsis.size(); ++i) {
        if (i > 0)
            lines.append(QStringLiteral(".br"));
        QString line = QStringLiteral("\\fB") + escape(m_name) + QStringLiteral("\\fR");
        if (!m_synopsis.at(i).isEmpty())
            line += QLatin1Char(' ') + escape(m_synopsis.at(i));
        lines.append(line);
    }
    lines += m_body;
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString ManPage::escape(const QString& text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    const QList<uint> codePoints = text.toUcs4();
    for (qsizetype i = 0; i < codePoints.size(); ++i) {
        const uint c = codePoints.at(i);
        if (c == '\\') {
            out += QStringLiteral("\\e");
        } else if (c == '-') {
            out += QStringLiteral("\\-");
        } else if (c == '/') {
            // A break point after each slash: a long path or URL may go on on the next line
            // instead of running past the margin (groff: "can't break line"). Not in the "//"
            // of a URL, which would read as two parts.
            const bool doubled = (i > 0 && codePoints.at(i - 1) == '/')
                || (i + 1 < codePoints.size() && codePoints.at(i + 1) == '/');
            out += doubled ? QStringLiteral("/") : QStringLiteral("/\\:");
        } else if (c == '\n') {
            out += QLatin1Char('\n');
        } else if (c == '\t') {
            out += QLatin1Char(' ');
        } else if (c < 0x20 || c == 0x7f) {
            continue; // a control character has no place in a page
        } else if (c > 0x7e) {
            // groff reads its input as Latin-1 unless preconv runs first; a named code point
            // reads the same everywhere.
            out += QStringLiteral("\\[u")
                + QString::number(c, 16).toUpper().rightJustified(4, QLatin1Char('0'))
                + QLatin1Char(']');
        } else {
            out += QChar(static_cast<char16_t>(c));
        }
    }
    // A line of text that starts with . or ' would be read as a request.
    QString guarded;
    guarded.reserve(out.size() + 4);
    for (qsizetype i = 0; i < out.size(); ++i) {
        const bool lineStart = i == 0 || out.at(i - 1) == QLatin1Char('\n');
        if (lineStart && (out.at(i) == QLatin1Char('.') || out.at(i) == QLatin1Char('\'')))
            guarded += QStringLiteral("\\&");
        guarded += out.at(i);
    }
    return guarded;
}

QCommandLineOption ManPage::qtHelpAllOption()
{
    return QCommandLineOption(QStringLiteral("help-all"),
        QCoreApplication::translate(
            "QCommandLineParser", "Displays help including Qt specific options."));
}

} // namespace rota
