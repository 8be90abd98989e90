#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Rota developers
# Installs the Debian package into a fresh, minimal Debian 12 (bookworm) root and runs it from
# there, as a user would after `apt install ./rota_VERSION_ARCH.deb`:
#   1. debootstrap --variant=minbase bookworm makes the root;
#   2. apt-get installs the .deb there with its dependencies only (no recommends), and Xvfb,
#      xauth and xdotool to drive it;
#   3. `rota --version` prints the package's version, `rotactl ops` the same operations as the
#      rotactl of the build tree (EXPECTED_OPS lines);
#   4. `rota --demo` under Xvfb shows its main window, is still up some seconds later, and on
#      SIGTERM quits with 0, with no warning, error or sanitizer report on its output.
# The root is a tmpfs; /proc is mounted in it and the downloads directory bound into it while the
# test runs; all are unmounted, and the root removed, on every way out (trap). The downloaded packages are
# kept in WORK_DIR/cache, so a second run downloads nothing new.
# Usage: install_test.sh DEB_DIR WORK_DIR BUILD_ROTACTL EXPECTED_OPS
#   DEB_DIR        where check_deb.sh put rota_*.deb
#   WORK_DIR       a directory of the build tree for the root and the download cache
#   BUILD_ROTACTL  the build tree's rotactl, whose `rotactl ops` the installed one must match
#   EXPECTED_OPS   how many operations `rotactl ops` lists
# Environment: ROTA_DEBIAN_MIRROR (default http://deb.debian.org/debian).
# Needs root (debootstrap, chroot, mount): exits 77 (skipped) without it.
set -euo pipefail

if [ $# -ne 4 ]; then
    echo "usage: $0 DEB_DIR WORK_DIR BUILD_ROTACTL EXPECTED_OPS" >&2
    exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: the install test needs root (debootstrap, chroot, mount)"
    exit 77
fi
debs=("$1"/rota_*.deb)
mkdir -p "$2"
work=$(cd "$2" && pwd)
build_rotactl=$3
expected_ops=$4
mirror=${ROTA_DEBIAN_MIRROR:-http://deb.debian.org/debian}
root=$work/root
cache=$work/cache
started=$SECONDS

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
step() {
    echo "== [$((SECONDS - started)) s] $*"
}

[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one rota_*.deb in $1"
deb=${debs[0]}
command -v debootstrap >/dev/null || fail "debootstrap is not installed (scripts/dev test installs it)"
version=$(dpkg-deb --field "$deb" Version)

# The mounts under the root, deepest first (from the kernel's table, so that a run that was
# killed before its trap ran is cleaned up by the next).
mounts_under_root() {
    awk -v root="$root" '$2 == root || index($2, root "/") == 1 { print $2 }' /proc/self/mounts |
        sort -r
}
# Ends what still runs in the root or from a directory of it (a rota or Xvfb left by a failed
# check, a debootstrap that was interrupted), then unmounts and removes it. Refuses to remove a
# root that still has something mounted in it.
remove_root() {
    local pid
    for pid in $(find /proc -mindepth 2 -maxdepth 2 \( -name root -o -name cwd \) \
        \( -lname "$root" -o -lname "$root/*" \) -printf '%h\n' 2>/dev/null | sort -u); do
        kill -KILL "${pid#/proc/}" 2>/dev/null || true
    done
    local mount
    for mount in $(mounts_under_root); do
        umount "$mount" || umount --lazy "$mount"
    done
    if [ -n "$(mounts_under_root)" ]; then
        echo "cannot unmount, not removing $root:" $(mounts_under_root) >&2
        return 1
    fi
    rm -rf --one-file-system "$root"
}
# A process and all its descendants, by id (the children lists of /proc).
kill_tree() {
    local task child
    for task in /proc/"$1"/task/*; do
        for child in $(cat "$task/children" 2>/dev/null); do
            kill_tree "$child"
        done
    done
    kill -KILL "$1" 2>/dev/null || true
}
exec 3>&1 4>&2 # the test's own output, for the trap (it may run while a step's is redirected)
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    exec 1>&3 2>&4
    [ -z "${step_pid:-}" ] || kill_tree "$step_pid"
    remove_root || status=1
    step "done, exit $status"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# Runs a long step in the background and waits for it: a signal to this script interrupts the
# wait and runs the trap at once (which ends the step), where a foreground step would delay the
# trap until it had finished.
step_pid=""
long() {
    "$@" &
    step_pid=$!
    wait "$step_pid"
}

# In the root: a clean environment, as root with HOME /root.
in_root() {
    chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

remove_root
mkdir -p "$cache/debootstrap" "$cache/apt" "$root"
# The root in memory (about 1.1 GB once installed): dpkg's many fsyncs cost nothing there, and
# removing it is an unmount. On disk when a tmpfs cannot be mounted.
mount -t tmpfs -o size=4g,mode=755 rota-test-root "$root" ||
    echo "no tmpfs for the root: it is made on disk (slower)"

step "debootstrap --variant=minbase bookworm ($mirror)"
long debootstrap --variant=minbase --cache-dir="$cache/debootstrap" bookworm "$root" "$mirror" \
    >"$work/debootstrap.log" 2>&1 || {
    tail -n 30 "$work/debootstrap.log"
    fail "debootstrap"
}

mount -t proc proc "$root/proc"
mount --bind "$cache/apt" "$root/var/cache/apt/archives"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
# No service starts in a root (none should: the package has no maintainer scripts).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
cp "$deb" "$root/tmp/"

step "apt-get install ./$(basename "$deb") xvfb xauth xdotool"
long in_root apt-get update -q >"$work/apt.log" 2>&1 || {
    cat "$work/apt.log"
    fail "apt-get update in the root"
}
long in_root sh -c "cd /tmp && apt-get install -y -q --no-install-recommends ./$(basename "$deb") xvfb xauth xdotool" \
    >>"$work/apt.log" 2>&1 || {
    tail -n 40 "$work/apt.log"
    fail "apt-get install in the root"
}
grep -E '^(Need to get|After this operation)' "$work/apt.log" || true
status=$(in_root dpkg-query -W -f '${Status} ${Version}' rota)
[ "$status" = "install ok installed $version" ] || fail "dpkg says of rota: $status"

step "rota --version"
printed=$(in_root rota --version)
echo "$printed"
[ "$printed" = "rota $version" ] || fail "rota --version printed '$printed', not 'rota $version'"

step "rotactl ops"
in_root rotactl ops >"$work/ops.installed"
"$build_rotactl" ops >"$work/ops.build"
lines=$(wc -l <"$work/ops.installed")
echo "$lines operations"
bad=$(grep -cvE $'^(GET|POST|PUT|PATCH|DELETE)\t/api-[a-z]+/[^\t]+\trotactl ' "$work/ops.installed" || true)
[ "$bad" -eq 0 ] || fail "$bad lines of rotactl ops are not METHOD, path, example command"
[ "$lines" -eq "$expected_ops" ] || fail "rotactl ops listed $lines operations, not $expected_ops"
diff -u "$work/ops.build" "$work/ops.installed" || fail "the installed rotactl ops differs from the build tree's"

# The demo, under an Xvfb of the root's own. The display number must be free on this machine
# too: the root shares the machine's abstract X sockets (@/tmp/.X11-unix/XN).
display=99
while [ -e "/tmp/.X$display-lock" ] || grep -q "@/tmp/.X11-unix/X$display\$" /proc/net/unix; do
    display=$((display + 1))
done
step "rota --demo under Xvfb :$display"
cat >"$root/tmp/demo-check.sh" <<'EOF'
#!/bin/bash
# Runs in the root under xvfb-run: starts rota --demo, waits for its main window, leaves it up,
# asks it to quit with SIGTERM and reports how it ended.
set -uo pipefail
export XDG_RUNTIME_DIR=/tmp/runtime-root
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
# Each message with its type and category, so that the caller can tell a warning from a note.
export QT_MESSAGE_PATTERN='qt-%{type} %{category}: %{message}'
rota --demo >/tmp/demo.out 2>/tmp/demo.err &
pid=$!
if ! timeout 90 xdotool search --sync --onlyvisible --name '^Rota' >/tmp/demo.windows 2>&1; then
    echo "no visible window named Rota within 90 s"
    kill -KILL "$pid"
    exit 1
fi
# Connected to its simulator: the title names the demo organisation.
if ! timeout 60 xdotool search --sync --onlyvisible --name '^Rota — ' >/dev/null 2>&1; then
    echo "the window title never named the organisation: $(xdotool getwindowname "$(head -n 1 /tmp/demo.windows)")"
    kill -KILL "$pid"
    exit 1
fi
echo "window: $(xdotool getwindowname "$(head -n 1 /tmp/demo.windows)")"
sleep 5
if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid"
    echo "rota ended by itself (exit $?) within 5 s of showing its window"
    exit 1
fi
kill -TERM "$pid"
for _ in $(seq 600); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
    echo "rota still runs 60 s after SIGTERM"
    kill -KILL "$pid"
    exit 1
fi
wait "$pid"
echo "rota exit status: $?"
EOF
chmod 755 "$root/tmp/demo-check.sh"
long in_root xvfb-run -n "$display" -f /root/.Xauthority -e /tmp/xvfb.err -s "-screen 0 1280x800x24" \
    /tmp/demo-check.sh >"$work/demo-check.log" 2>&1 || true
cat "$work/demo-check.log"
echo "-- rota's output:"
cat "$root/tmp/demo.out" "$root/tmp/demo.err"
echo "--"
grep -qx "rota exit status: 0" "$work/demo-check.log" || fail "rota --demo did not quit with 0 on SIGTERM"
# Anything but debug and info messages is a problem here: a missing dependency shows as a
# warning (a platform plugin, the SQLite driver, a font), a bug as a sanitizer report. Except:
# the root has no sound server (a desktop session has one), which Qt Multimedia and Rota say;
# Rota goes on without the sound.
expected_warnings=(
    '^qt-warning default: PulseAudioService: pa_context_connect\(\) failed$'
    '^qt-warning rota\.app: no audio output: pages are notified without a sound$'
)
problems=$(cat "$root/tmp/demo.out" "$root/tmp/demo.err" |
    grep -E '^qt-(warning|critical|fatal) |AddressSanitizer|LeakSanitizer|runtime error:|^rota: ' |
    grep -vE "$(IFS='|'; echo "${expected_warnings[*]}")" || true)
if [ -n "$problems" ]; then
    echo "$problems"
    fail "rota --demo reported the problems above"
fi
step "rota --demo: window shown, up 5 s, quit with 0 on SIGTERM, no warning"
