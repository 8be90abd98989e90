// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The manual pages of rota, rotactl and rota-sim, written by each program from the same options
// and texts its --help prints (a hidden --man-page), so that the manual cannot drift from the
// program. The build runs them (manpage/CMakeLists.txt) and installs the pages.

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

namespace rota {

//! A section 1 manual page in man(7) roff. Every text given to it is plain text: the writer
//! escapes backslashes, hyphens, characters outside ASCII and a leading `.` or `'`, so a help text
//! can never turn into a roff request; a line may break after a slash. The sections come out in the
//! order they are begun; NAME and SYNOPSIS come first.
class ManPage {
public:
    //! NAME reads "name - summary"; the title line names the program and its version.
    ManPage(QString name, QString version, QString summary);

    //! A SYNOPSIS line: the program's name in bold, then `arguments` (may be empty).
    void addSynopsis(const QString& arguments);

    //! Begins a section (.SH), e.g. "DESCRIPTION".
    void section(const QString& heading);
    //! Begins a subsection (.SS).
    void subsection(const QString& heading);
    //! Paragraphs of text. An empty line in `text` starts a new paragraph; other line breaks are
    //! spaces (the text is filled).
    void paragraph(const QString& text);
    //! Lines kept as they are, without filling (.nf), indented: examples, output.
    void verbatim(const QString& text);
    //! A line of its own (.br) in the current paragraph or item, e.g. after an item's text.
    void line(const QString& text);
    //! A tagged paragraph (.TP): `term` in bold, a space and `argument` in italic (if any), then
    //! `text` indented below.
    void item(const QString& term, const QString& argument, const QString& text);
    //! Everything up to unindent() is indented one step more (.RS/.RE).
    void indent();
    void unindent();
    //! An item per option that is not QCommandLineOption::HiddenFromHelp, as --help shows it:
    //! "-v, --version", the value name, the description.
    void options(const QList<QCommandLineOption>& options);

    //! A SEE ALSO section naming these programs' pages (section 1).
    void seeAlso(const QStringList& programs);

    //! The page.
    QString toRoff() const;

    //! `text` safe as roff input text (not for a request's arguments).
    static QString escape(const QString& text);

    //! The "--help-all" option QCommandLineParser::addHelpOption() adds beside --help (Qt 5.14 and
    //! later) without handing it back, with Qt's own description.
    static QCommandLineOption qtHelpAllOption();

private:
    QString m_name;
    QString m_version;
    QString m_summary;
    QStringList m_synopsis;
    QStringList m_body; //!< roff lines
};

} // namespace rota
