// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "rotatranslations.h"

#include "rotaresources.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace rota::Translations {

namespace {

const QString Directory = QStringLiteral(":/i18n");
const QString Pseudo = QStringLiteral("pseudo");

QString g_current = QStringLiteral("en");
bool g_englishInstalled = false;

// The translators live as long as the application: QCoreApplication keeps only pointers.
QTranslator* newTranslator() { return new QTranslator(QCoreApplication::instance()); }

bool installFile(const QString& fileName)
{
    QTranslator* translator = newTranslator();
    if (!translator->load(fileName, Directory)
        || !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return false;
    }
    return true;
}

} // namespace

QStringList languages() { return { QStringLiteral("en"), QStringLiteral("de"), Pseudo }; }

bool install(const QString& language, QString* error)
{
    initResources();
    QString wanted = language;
    if (wanted.isEmpty())
        wanted = qEnvironmentVariable("ROTA_LANGUAGE");
    if (!wanted.isEmpty() && !languages().contains(wanted)) {
        if (error)
            *error = QCoreApplication::translate(
                "rota::Translations", "There is no translation into “%1”. Choose one of: %2.")
                         .arg(wanted, languages().join(QStringLiteral(", ")));
        return false;
    }

    // Beneath everything: English plural forms. Translators installed later are asked first, so
    // a language without a text falls back to correct English rather than to "%n alert(s)".
    installEnglishPlurals();
    g_current = QStringLiteral("en");
    if (wanted == Pseudo) {
        if (installFile(QStringLiteral("rota_pseudo")))
            g_current = Pseudo;
        return true;
    }

    const QLocale locale = wanted.isEmpty() ? QLocale::system() : QLocale(wanted);
    if (!wanted.isEmpty())
        QLocale::setDefault(locale);
    // Chooses the first of the locale's UI languages that has a file; English needs no more.
    auto* translator = newTranslator();
    if (translator->load(locale, QStringLiteral("rota"), QStringLiteral("_"), Directory)
        && !translator->language().startsWith(QLatin1String("en"))
        && QCoreApplication::installTranslator(translator)) {
        g_current = translator->language().section(QLatin1Char('_'), 0, 0);
    } else {
        delete translator;
        return true;
    }

    auto* qt = newTranslator();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))
        && QCoreApplication::installTranslator(qt))
        return true;
    delete qt;
    return true;
}

void installEnglishPlurals()
{
    if (g_englishInstalled)
        return;
    initResources();
    g_englishInstalled = installFile(QStringLiteral("rota_en"));
    if (!g_englishInstalled)
        qWarning("Rota: the English plural forms (:/i18n/rota_en.qm) could not be loaded");
}

QString current() { return g_current; }

} // namespace rota::Translations
