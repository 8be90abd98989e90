#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Rota developers
"""Writes the fuzzing seeds: rota-sim's answer for every GET operation of the vendor's definition
(placeholders filled from the seeded org), each prefixed by every DTO selector byte, and a
dictionary of the field names the API reads.

usage: fuzz_seeds.py SIM_BINARY ENDPOINTS_TSV API_DIR SELECTORS SEEDS_DIR DICT_FILE
"""
import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path


def main():
    sim, endpoints, api_dir, selectors, seeds_dir, dict_file = sys.argv[1:7]
    selectors = int(selectors)
    seeds = Path(seeds_dir)
    seeds.mkdir(parents=True, exist_ok=True)

    proc = subprocess.Popen([sim, "--port", "0", "--seed", "1", "--no-rate-limits"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = None
        for line in proc.stdout:
            found = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
            if found:
                base = found.group(1)
                break
        if base is None:
            sys.exit("rota-sim did not start")

        def get(path):
            request = urllib.request.Request(base + path, headers={
                "X-VO-Api-Id": "rota-demo-id", "X-VO-Api-Key": "rota-demo-key"})
            try:
                with urllib.request.urlopen(request, timeout=10) as answer:
                    return answer.read()
            except urllib.error.HTTPError as error:
                return error.read()

        # Values for the placeholders, read from the org itself.
        user = json.loads(get("/api-public/v1/user"))["users"][0]["username"]
        team = json.loads(get("/api-public/v1/team"))[0]["slug"]
        incidents = json.loads(get("/api-public/v1/incidents"))["incidents"]
        incident = incidents[0]["incidentNumber"]
        alert = incidents[0].get("lastAlertId", "")
        overrides = json.loads(get("/api-public/v1/overrides")).get("overrides", [])
        override = overrides[0]["publicId"] if overrides else "none"
        assignments = overrides[0].get("assignments", []) if overrides else []
        assigned = assignments[0].get("policy", "none") if assignments else "none"
        policies = json.loads(get("/api-public/v1/policies")).get("policies", [])
        policy = policies[0]["policy"]["slug"] if policies else "none"
        contacts = json.loads(get(f"/api-public/v1/user/{user}/contact-methods"))
        values = {
            "user": user, "username": user, "team": team, "incidentNumber": incident,
            "uuid": alert, "publicId": override, "policySlug": assigned, "policy": policy,
            "step": "0", "rule": "0",
        }
        written = 0
        for row in Path(endpoints).read_text().splitlines()[1:]:
            method, path = row.split("\t")[:2]
            if method != "GET":
                continue
            concrete = path
            for name, value in values.items():
                concrete = concrete.replace("{" + name + "}", str(value))
            if "{contactId}" in concrete:
                kind = concrete.split("/contact-methods/")[1].split("/")[0]
                entries = contacts.get(kind, [])
                concrete = concrete.replace("{contactId}", entries[0]["extId"] if entries else "0")
            body = get(concrete)
            for selector in range(selectors):
                (seeds / f"{written:03d}-{selector:03d}").write_bytes(bytes([selector]) + body)
            written += 1
        print(f"seeds: {written} answers x {selectors} readers")
    finally:
        proc.terminate()
        proc.wait()

    names = set()
    for source in Path(api_dir).glob("*.cpp"):
        names.update(re.findall(r'QStringLiteral\("([A-Za-z_][A-Za-z0-9_]*)"\)', source.read_text()))
    with open(dict_file, "w") as out:
        for name in sorted(names):
            out.write(f'"\\"{name}\\""\n')
        for token in ["{", "}", "[", "]", ":", ",", "null", "true", "false", "-1", "1e308",
                      "9007199254740993", "\\\"2026-11-26T03:15:59Z\\\"", "\\\"\\\\u0000\\\""]:
            out.write(f'"{token}"\n')
    print(f"dictionary: {len(names)} field names")


if __name__ == "__main__":
    main()
