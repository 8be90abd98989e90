// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QLocale>
#include <QString>

namespace rota {

//! The date or time format to show people for one of Rota's display patterns, in `locale`'s
//! order and words. The patterns are "HH:mm", "HH:mm:ss", "yyyy-MM-dd", "yyyy-MM-dd HH:mm", and
//! "d MMM", "ddd d MMM" each with an optional " yyyy" and an optional " HH:mm". In English (and
//! the C locale) the pattern is Rota's own and comes back as it is ("Mon 5 Jan 09:00"); in
//! another language it is made from the locale's formats: German gets "Mo. 5. Jan. 09:00",
//! "05.01.26". Never for files or the API: those keep fixed formats.
QString displayFormat(const QString& pattern, const QLocale& locale = QLocale());

} // namespace rota
