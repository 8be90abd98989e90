// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QString>
#include <QStringList>

namespace rota {

//! The languages Rota's user interface is translated into, compiled into the program
//! (":/i18n/rota_<language>.qm"), and the translators that put one of them to use.
namespace Translations {

//! What can be asked for: "en", "de", and "pseudo" (every text accented and made longer, to see
//! what is not translated and what does not fit).
QStringList languages();

//! Installs, on the running application, the translators for `language`: one of languages(),
//! or empty for the user's own (the ROTA_LANGUAGE environment variable when set, else the
//! system's UI languages: LANGUAGE, LC_ALL, LC_MESSAGES, LANG). The English plural forms are
//! always installed beneath (English texts are written "%n alert(s)" and need them to read
//! "1 alert", "2 alerts"); for another language, Qt's own translations (the buttons of a
//! QMessageBox, ...) are added from Qt's translations folder when they are there. An explicit
//! language also becomes the default QLocale, so dates and numbers follow it.
//! False with *error (in words) when `language` is not one of languages(); nothing is installed
//! then. Call it once, after the QCoreApplication exists and before any text is built.
bool install(const QString& language, QString* error);

//! Installs the English plural forms alone (idempotent). Every program that links Rota's
//! libraries does this when its QCoreApplication starts (englishplurals.cpp), so that a text
//! written "%n alert(s)" reads "1 alert" in tests and in rotactl too.
void installEnglishPlurals();

//! The language install() put in place ("en" when the user's language has no translation).
QString current();

} // namespace Translations

} // namespace rota
