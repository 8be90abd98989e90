// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "rotaresources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE declares the initialiser in the current namespace, so it must be used from the
// global one.
static void initRotaIcons()
{
    Q_INIT_RESOURCE(rota_icons);
    Q_INIT_RESOURCE(rota_translations);
}

namespace rota {

void initResources()
{
    static const bool done = [] {
        initRotaIcons();
        return true;
    }();
    Q_UNUSED(done)
}

} // namespace rota
