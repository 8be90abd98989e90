#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Rota developers
# Runs lintian on the Debian package that check_deb.sh made and fails on any error or warning
# that the package's overrides (packaging/lintian-overrides, installed as
# /usr/share/lintian/overrides/rota, which lintian reads from the package) do not cover, and on
# an override that no longer matches anything. Every override must say why in a comment above it.
# Usage: lintian_deb.sh DEB_DIR
set -euo pipefail
debs=("$1"/rota_*.deb)

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one rota_*.deb in $1"
deb=${debs[0]}
command -v lintian >/dev/null || fail "lintian is not installed (scripts/dev test installs it)"

# Each override line (not a comment, not blank) follows a comment: the reason.
overrides=usr/share/lintian/overrides/rota
text=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO "./$overrides") || fail "no /$overrides in the package"
previous=""
while IFS= read -r line; do
    if [[ -n $line && $line != \#* && $previous != \#* ]]; then
        fail "$overrides: no comment says why: $line"
    fi
    [ -n "$line" ] && previous=$line
done <<<"$text"

echo "\$ lintian --display-info --show-overrides $(basename "$deb")"
status=0
# --fail-on error,warning: overridden tags do not count. The overrides are the package's own.
lintian --display-info --show-overrides --fail-on error,warning "$deb" >"$1/lintian.log" 2>&1 ||
    status=$?
cat "$1/lintian.log"
[ "$status" -eq 0 ] || fail "lintian: errors or warnings that no override covers (exit $status)"
if grep -E '^[A-Z]: rota.*: (unused-override|mismatched-override)' "$1/lintian.log"; then
    fail "an override matches nothing: remove or fix it"
fi
echo "lintian: no errors, every warning overridden with a reason"
