#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Rota developers
# Builds the Debian package with CPack and checks that it would install (its dependencies are
# satisfiable here) and that the packaged `rota --version` runs.
# Usage: check_deb.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/rota_*.deb)
echo "package: $(basename "$deb")"
dpkg-deb --field "$deb" Package Version Depends
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/rota ./usr/bin/rota-sim ./usr/share/applications/rota.desktop \
    ./usr/share/icons/hicolor/scalable/apps/rota.svg; do
    grep -q " $path\$" <<<"$contents" || { echo "missing from the package: $path"; exit 1; }
done
grep -q "./usr/share/metainfo/.*\.metainfo\.xml" <<<"$contents" || { echo "no AppStream metainfo in the package"; exit 1; }

# Would it install? dpkg checks the dependencies without touching the system.
if [ "$(id -u)" -eq 0 ]; then
    dpkg --dry-run -i "$deb"
fi

dpkg-deb -x "$deb" "$work/root"
version=$(QT_QPA_PLATFORM=offscreen "$work/root/usr/bin/rota" --version)
echo "$version"
[[ $version == "rota "* ]] || { echo "unexpected --version output: $version"; exit 1; }
