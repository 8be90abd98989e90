#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Rota developers
"""rotactl's key prompt on a real terminal (a pseudo-terminal): typing turns echo off, and Ctrl-C
at the prompt ends rotactl by SIGINT with echo back on, so the shell does not go on typing blind.

Usage: keyprompt_interrupt.py ROTACTL
"""

import fcntl
import os
import select
import signal
import subprocess
import sys
import tempfile
import termios
import time


def read_until(master, wanted, seconds):
    """What the terminal showed until `wanted` appeared, or until `seconds` passed."""
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        ready, _, _ = select.select([master], [], [], left)
        if not ready:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        seen += chunk
    return seen


def echo_on(fd):
    return bool(termios.tcgetattr(fd)[3] & termios.ECHO)


def stty_says_echo(slave_name):
    with open(slave_name, "rb") as tty:
        text = subprocess.run(["stty", "-a"], stdin=tty, capture_output=True, text=True).stdout
    words = text.replace(";", " ").split()
    return "echo" in words and "-echo" not in words, text


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def main():
    rotactl = sys.argv[1]
    master, slave = os.openpty()
    slave_name = os.ttyname(slave)
    if not echo_on(slave):
        fail("a new pseudo-terminal should echo")

    with tempfile.TemporaryDirectory() as config:
        env = dict(os.environ)
        env["XDG_CONFIG_HOME"] = config
        # No keychain is needed: rotactl never gets past the prompt.
        env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/rota-test-no-bus"
        for name in ("VO_API_ID", "VO_API_KEY", "VO_USERNAME"):
            env.pop(name, None)

        def controlling_terminal():
            # A session of its own with the pseudo-terminal as its controlling terminal, so that
            # Ctrl-C there sends SIGINT to rotactl as a shell's terminal would.
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        process = subprocess.Popen(
            [rotactl, "accounts", "add", "Work", "--api-id", "work-id", "--username", "ada",
             "--key-stdin"],
            stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
            preexec_fn=controlling_terminal)
        try:
            shown = read_until(master, b"API key: ", 60)
            if b"API key: " not in shown:
                fail("no key prompt; the terminal showed: %r" % shown)
            # The prompt is written before echo goes off: wait for that, briefly.
            deadline = time.monotonic() + 10
            while echo_on(slave) and time.monotonic() < deadline:
                time.sleep(0.05)
            if echo_on(slave):
                fail("echo is still on at the key prompt")

            os.write(master, b"\x03")  # Ctrl-C, as typed
            code = process.wait(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()

    if code != -signal.SIGINT:
        fail("rotactl should end by SIGINT at the prompt, not with %r" % code)
    if not echo_on(slave):
        fail("echo is off after Ctrl-C at the key prompt")
    says_echo, text = stty_says_echo(slave_name)
    if not says_echo:
        fail("stty -a does not say echo after Ctrl-C at the key prompt:\n" + text)
    print("PASS: Ctrl-C at the key prompt ends rotactl with echo back on")


if __name__ == "__main__":
    main()
