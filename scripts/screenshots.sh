#!/usr/bin/env bash
# Renders each main view of `rota --demo` under Xvfb into docs/screenshots/<view>.png (and the
# first view also as main-window.png, the README's picture), then the sign-in dialog (its
# connection tested against the demo's simulator) as signin.png and the settings dialog as
# settings.png. Builds nothing: build `rota` first.
# Usage: scripts/screenshots.sh [BUILD_DIR]    (default: ./build)
# Needs xvfb, xauth, dbus (Debian: xvfb xauth dbus-x11) and a font (fonts-dejavu-core).
set -euo pipefail

build_dir=$(realpath -m "${1:-build}")
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rota="$build_dir/app/rota"
if [ ! -x "$rota" ]; then
    echo "screenshots.sh: $rota not found; build it first: cmake --build $build_dir --target rota" >&2
    exit 1
fi
for tool in xvfb-run dbus-run-session; do
    if ! command -v "$tool" >/dev/null; then
        echo "screenshots.sh: $tool is missing (Debian: apt-get install xvfb xauth dbus-x11)" >&2
        exit 1
    fi
done

cd "$repo"
out=docs/screenshots
mkdir -p "$out"
runtime=$(mktemp -d)
trap 'rm -rf "$runtime"' EXIT
chmod 700 "$runtime"

# xcb on Xvfb rather than the offscreen platform: the pictures show what a desktop shows, with the
# fonts and the style Rota gets there. The private D-Bus session keeps the desktop's services out.
XDG_RUNTIME_DIR=$runtime QT_QPA_PLATFORM=xcb \
    timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- "$rota" --demo --screenshot "$out"
