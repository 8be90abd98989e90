// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// What the handlers of users, contact methods, personal paging policies and policy values share:
// finding a user, its address, the checks of user fields and the paging timeouts.
#pragma once

#include "simcontext.h"

#include <array>

namespace rota::sim {

inline constexpr std::array<int, 9> kTimeouts { 1, 5, 10, 15, 20, 25, 30, 45, 60 };

QString userUrl(const QString& username);
SimReply userNotFound(const QString& username);
//! The user of that name (usernames are case-insensitive); nullptr when there is none.
SimUser* findUser(SimOrg& org, const QString& username);
//! Records on `body` that the field is empty or is no e-mail address.
void requireNonEmpty(BodyReader& body, const QString& field, const QString& value);
void checkEmail(BodyReader& body, const QString& field, const QString& value);

} // namespace rota::sim
