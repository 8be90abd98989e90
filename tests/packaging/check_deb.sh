#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Rota developers
# Builds the Debian package with CPack into OUT_DIR (for the tests that use it: packaging_lintian,
# packaging_install) and checks what it holds: the programs, the desktop files, Debian's copyright
# and changelog (gzip -9n, its version the package's), and that the packaged `rota --version` runs.
# Usage: check_deb.sh BUILD_DIR OUT_DIR
set -euo pipefail
build=$1
out=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

rm -rf "$out"
mkdir -p "$out"
(cd "$build" && cpack -G DEB -B "$out" >"$work/cpack.log" 2>&1) || {
    cat "$work/cpack.log"
    fail "cpack -G DEB"
}
rm -rf "$out/_CPack_Packages" # the staging copy: as big as the package, of no further use
debs=("$out"/rota_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one rota_*.deb in $out: ${debs[*]}"
deb=${debs[0]}
echo "package: $(basename "$deb")"
dpkg-deb --field "$deb" Package Version Architecture Depends
version=$(dpkg-deb --field "$deb" Version)

contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/rota ./usr/bin/rotactl ./usr/bin/rota-sim \
    ./usr/share/applications/rota.desktop ./usr/share/icons/hicolor/scalable/apps/rota.svg \
    ./usr/share/metainfo/invalid.example.rota.metainfo.xml ./usr/share/doc/rota/copyright \
    ./usr/share/doc/rota/changelog.gz ./usr/share/lintian/overrides/rota \
    ./usr/share/man/man1/rota.1.gz ./usr/share/man/man1/rotactl.1.gz ./usr/share/man/man1/rota-sim.1.gz \
    ./usr/share/bash-completion/completions/rotactl ./usr/share/zsh/vendor-completions/_rotactl \
    ./usr/share/fish/vendor_completions.d/rotactl.fish; do
    grep -q " $path\$" <<<"$contents" || fail "missing from the package: $path"
done

dpkg-deb -x "$deb" "$work/root"
doc=$work/root/usr/share/doc/rota
head -n 1 "$doc/copyright" | grep -qx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' ||
    fail "copyright does not start with the DEP-5 Format line: $(head -n 1 "$doc/copyright")"
# gzip -9n: byte 3 (flags) 0, no name; bytes 4-7 (time) 0; byte 8 (extra flags) 2, best compression.
header=$(od -An -tu1 -N9 "$doc/changelog.gz" | tr -s ' ' | sed 's/^ //')
[ "$header" = "31 139 8 0 0 0 0 0 2" ] || fail "changelog.gz is not gzip -9n (header: $header)"
changelog_version=$(zcat "$doc/changelog.gz" | dpkg-parsechangelog -l - -S Version)
[ "$changelog_version" = "$version" ] ||
    fail "changelog.gz's latest version $changelog_version is not the package's $version"

# Would it install? dpkg checks the dependencies without touching the system.
if [ "$(id -u)" -eq 0 ]; then
    dpkg --dry-run -i "$deb"
fi

printed=$(QT_QPA_PLATFORM=offscreen "$work/root/usr/bin/rota" --version)
echo "$printed"
[ "$printed" = "rota $version" ] || fail "rota --version printed '$printed', not 'rota $version'"
