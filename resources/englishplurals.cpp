// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Compiled into every program that links rota_resources (an INTERFACE source: a static library's
// startup function would be dropped by the linker), so that English plural forms are in place
// from the start, in tests as in the app, before any text is built.
#include "rotatranslations.h"

#include <QCoreApplication>

static void rotaInstallEnglishPlurals() { rota::Translations::installEnglishPlurals(); }
Q_COREAPP_STARTUP_FUNCTION(rotaInstallEnglishPlurals)
