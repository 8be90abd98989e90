// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QString>

class QJsonValue;

namespace rota {

//! A JSON value as one line for people: strings as they are, numbers and booleans written out,
//! arrays and objects as compact JSON, null or missing as an empty string.
QString jsonValueText(const QJsonValue& value);

} // namespace rota
