#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Rota developers
"""rota-sim against the operations the service gained after the 2020 definition.

Usage: conformance_newer.py PATH/TO/rota-sim SPEC_DIR

There is no vendor schema for these operations; ../shared/spec/NEWER-API.md records what public
clients send and read. This script plays such a client: it sends the bodies those clients send
(both readings where they disagree), reads the answers the way they do, and checks the shapes the
document gives, the validation it describes (400 for bad arguments, 404 for unknown things) and
the state changes that follow (a chat message is read back, a rotation group appears in both
listings, a scheduled user changes, an alert rule's rank order). Every operation of
endpoints-newer.tsv must be exercised.

Prints one PASS/FAIL line per check; exits 1 on any failure, 77 (skip) when the spec folder is
absent.
"""

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from conformance import SKIP, Simulator  # noqa: E402

ISO_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
HH_MM_SS = re.compile(r"^\d{2}:\d{2}:\d{2}(\.\d{3})?$")


class Checks:
    def __init__(self, sim):
        self.sim = sim
        self.passes = 0
        self.failures = 0
        self.exercised = set()

    def report(self, ok, what, detail=""):
        if ok:
            self.passes += 1
            print("PASS %s" % what)
        else:
            self.failures += 1
            print("FAIL %s%s" % (what, (": " + detail) if detail else ""))
        return ok

    def call(self, method, pattern, path, body=None, auth=True):
        """Sends METHOD to the raw request target `path` (query included, nothing re-encoded)."""
        self.exercised.add((method, pattern))
        return self.sim.request(method, path, body=body, auth=auth)

    def expect(self, what, answer, status):
        got, parsed, raw = answer
        self.report(got == status, what, "status %d, wanted %d: %s" % (got, status, raw[:300]))
        return parsed if got == status else None


def is_object_with(value, fields):
    return isinstance(value, dict) and all(name in value for name in fields)


def check_users(c):
    pattern = "/api-public/v2/user"
    users = c.expect("GET v2 user", c.call("GET", pattern, pattern), 200)
    ok = is_object_with(users, ["users"]) and isinstance(users["users"], list) and users["users"]
    c.report(bool(ok), "v2 user: a flat, non-empty users list")
    if not ok:
        return None
    first = users["users"][0]
    c.report(is_object_with(first, ["username", "firstName", "lastName", "displayName", "email",
                                    "verified", "createdAt"]) and isinstance(first["verified"], bool),
             "v2 user: a user's fields", repr(first)[:300])
    c.report(ISO_UTC.match(str(first.get("createdAt", ""))) is not None,
             "v2 user: createdAt is ISO-8601 UTC", str(first.get("createdAt")))
    email = first["email"]
    # The '@' goes unencoded, as the vendor's description asks and its Go client does.
    found = c.expect("GET v2 user ?email= with a literal @",
                     c.call("GET", pattern, pattern + "?email=" + email), 200)
    if found is not None:
        names = [u.get("username") for u in found.get("users", [])]
        c.report(names == [first["username"]], "v2 user: the e-mail filter finds that user only",
                 repr(names))
    c.expect("GET v2 user ?email= shorter than 3 characters", c.call("GET", pattern, pattern + "?email=ab"), 400)
    c.expect("GET v2 user with a {} body (the Go client sends one)",
             c.call("GET", pattern, pattern, body={}), 200)
    return [u["username"] for u in users["users"]]


def check_paging_policies(c, username):
    pattern = "/api-public/v2/profile/{username}/policies"
    path = "/api-public/v2/profile/%s/policies" % username
    answer = c.expect("GET v2 paging policies", c.call("GET", pattern, path), 200)
    policies = answer.get("policies") if isinstance(answer, dict) else None
    if not c.report(isinstance(policies, list) and policies, "v2 policies: a non-empty list"):
        return
    policy = policies[0]
    c.report(is_object_with(policy, ["rank", "name", "slug", "timeMask", "steps"])
             and isinstance(policy["rank"], int), "v2 policies: a policy's fields", repr(policy)[:300])
    mask = policy.get("timeMask", {})
    days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    c.report(all(isinstance(mask.get(day), bool) for day in days)
             and HH_MM_SS.match(str(mask.get("startTime", ""))) is not None
             and HH_MM_SS.match(str(mask.get("endTime", ""))) is not None
             and isinstance(mask.get("timeZone"), str),
             "v2 policies: timeMask has seven days, a time zone and HH:mm:ss times", repr(mask)[:300])
    steps = policy.get("steps", [])
    c.report(isinstance(steps, list) and all(
        is_object_with(s, ["index", "timeout", "rules"]) and all(is_object_with(r, ["index", "type"])
                                                                  for r in s["rules"]) for s in steps),
             "v2 policies: steps with index, timeout and rules", repr(steps)[:300])
    c.expect("GET v2 paging policies of an unknown user",
             c.call("GET", pattern, "/api-public/v2/profile/nobody-here-at-all/policies"), 404)


def check_rotations(c, team, members):
    group_pattern = "/api-public/v1/teams/{team}/rotations"
    base = "/api-public/v1/teams/%s/rotations" % team
    start_ms = int((time.time() // 86400) * 86400 * 1000)
    body = {"label": "Conformance primary",
            "shifts": [{"label": "Weekly", "timezone": "Europe/Madrid", "start": start_ms,
                        "duration": 7, "shifttype": "std",
                        "usernames": members[:2], "shiftMembers": members[:2]}]}
    created = c.expect("POST rotation group (Go client's body, start in epoch ms)",
                       c.call("POST", group_pattern, base, body=body), 200)
    group_id = None
    if isinstance(created, dict):
        group_id = created.get("id")
        if group_id is None and created.get("shifts"):
            group_id = created["shifts"][0].get("group_id")
    c.report(isinstance(group_id, int), "rotation group: the answer names the new group's id",
             repr(created)[:300])
    iso_body = dict(body, label="Conformance secondary")
    iso_body["shifts"] = [dict(body["shifts"][0], start="2026-09-10T00:00:00.000Z")]
    second = c.expect("POST rotation group with an ISO-8601 start",
                      c.call("POST", group_pattern, base, body=iso_body), 200)
    c.expect("POST rotation group without a label",
             c.call("POST", group_pattern, base, body={"shifts": []}), 400)

    listing = c.sim.request("GET", base)[1] or {}
    groups = listing.get("rotationGroups", [])
    c.report(any(g.get("groupId") == group_id for g in groups),
             "v1 rotations listing carries groupId, the new group among them")

    v2_pattern = "/api-public/v2/team/{team}/rotations"
    v2 = c.expect("GET v2 team rotations",
                  c.call("GET", v2_pattern, "/api-public/v2/team/%s/rotations" % team), 200)
    rotations = v2.get("rotations", []) if isinstance(v2, dict) else []
    mine = [r for r in rotations if r.get("groupId") == group_id]
    c.report(len(mine) == 1 and is_object_with(mine[0], ["label", "totalMembersInRotation", "shifts"]),
             "v2 rotations: the new group with its label and shifts", repr(mine)[:300])
    shift = mine[0]["shifts"][0] if mine and mine[0].get("shifts") else {}
    c.report(is_object_with(shift, ["shiftId", "label", "timezone", "start", "duration", "shifttype",
                                    "shiftMembers"]),
             "v2 rotations: a shift's fields", repr(shift)[:300])
    c.report([m.get("username") for m in shift.get("shiftMembers", [])] == members[:2],
             "v2 rotations: the shift's members in rotation order")

    if isinstance(group_id, int) and "shiftId" in shift:
        sched_pattern = group_pattern + "/{groupId}/{shiftId}/scheduled"
        sched = "%s/%d/%d/scheduled" % (base, group_id, shift["shiftId"])
        now = c.expect("GET scheduled user", c.call("GET", sched_pattern, sched), 200)
        c.report(is_object_with(now, ["username", "firstName", "lastName", "displayName", "version",
                                      "verified"]), "scheduled user: the user object", repr(now)[:300])
        other = members[1] if now and now.get("username") == members[0] else members[0]
        after = c.expect("PUT scheduled user", c.call("PUT", sched_pattern, sched,
                                                      body={"username": other}), 200)
        c.report(isinstance(after, dict) and after.get("username") == other,
                 "PUT scheduled: the answer names the new user", repr(after)[:300])
        reread = c.sim.request("GET", sched)[1] or {}
        c.report(reread.get("username") == other, "GET scheduled afterwards: the new user")
        c.expect("PUT scheduled without a username",
                 c.sim.request("PUT", sched, body={}), 400)
        delete_pattern = group_pattern + "/{groupId}"
        c.expect("DELETE rotation group (with the Go client's {} body)",
                 c.call("DELETE", delete_pattern, "%s/%d" % (base, group_id), body={}), 200)
        c.expect("DELETE the same rotation group again", c.sim.request("DELETE", "%s/%d" % (base, group_id)), 404)
        after_delete = c.sim.request("GET", "/api-public/v2/team/%s/rotations" % team)[1] or {}
        c.report(all(r.get("groupId") != group_id for r in after_delete.get("rotations", [])),
                 "a deleted rotation group is gone from the v2 listing")
    if isinstance(second, dict):
        second_id = second.get("id") or (second.get("shifts") or [{}])[0].get("group_id")
        if isinstance(second_id, int):
            c.sim.request("DELETE", "%s/%d" % (base, second_id))


def check_chat(c, username, incident):
    pattern = "/api-public/v1/chat"
    text = "Conformance: rolling back release %d" % int(time.time())
    c.expect("POST chat (the Go and JS clients' four fields and the incident)",
             c.call("POST", pattern, pattern, body={"username": username, "externalUsername": "deploy-bot",
                                                    "text": text, "monitoringTool": "ci",
                                                    "incidentId": incident}), 200)
    c.expect("POST chat as an unknown user",
             c.sim.request("POST", pattern, body={"username": "nobody-here-at-all", "text": "x",
                                                  "externalUsername": "x", "monitoringTool": "x"}), 404)
    read = c.expect("GET chat ?incidentId=", c.call("GET", pattern, "%s?incidentId=%d" % (pattern, incident)), 200)
    messages = read.get("messages", []) if isinstance(read, dict) else []
    c.report(isinstance(read, dict) and isinstance(read.get("hasMore"), bool), "GET chat: hasMore is a boolean")
    mine = [m for m in messages if m.get("text") == text]
    c.report(len(mine) == 1 and mine[0].get("username") == username
             and isinstance(mine[0].get("serviceTime"), int) and isinstance(mine[0].get("sequence"), int),
             "GET chat: the posted message, with its author, time and sequence", repr(mine)[:300])


def check_stakeholders(c, usernames, team, incident):
    pattern = "/api-public/v1/stakeholders/sendMessage"
    c.expect("POST stakeholder message (the newer shape)",
             c.call("POST", pattern, pattern, body={"title": "Checkout degraded",
                                                    "message": "Next update in 30 minutes.",
                                                    "incidentId": incident, "recipients": usernames[:1],
                                                    "recipientTeams": [team]}), 200)
    c.expect("POST stakeholder message (the older shape)",
             c.sim.request("POST", pattern, body={"summary": "Checkout degraded", "details": "Slow.",
                                                  "users": usernames[:1], "teams": []}), 200)
    c.expect("POST stakeholder message without a recipient",
             c.sim.request("POST", pattern, body={"title": "t", "message": "m", "recipients": [],
                                                  "recipientTeams": []}), 400)


def check_alert_rules(c):
    pattern = "/api-public/v1/alertRules"
    before = c.expect("GET alert rules", c.call("GET", pattern, pattern), 200)
    c.report(isinstance(before, list), "alert rules: a bare JSON array", repr(before)[:200])
    before = before if isinstance(before, list) else []
    body = {"alertField": "host_name", "alertValueMatch": "conformance-*", "matchType": "WILDCARD",
            "rank": 1, "stopFlag": False, "routingKey": "database", "notes": "terraform's spelling",
            "annotations": [{"annotationType": "u", "fieldName": "Runbook",
                             "fieldValue": "https://wiki.example.org/db", "flags": 0}]}
    created = c.expect("POST alert rule with routingKey", c.call("POST", pattern, pattern, body=body), 200)
    rule_id = created.get("id") if isinstance(created, dict) else None
    c.report(isinstance(rule_id, int) and created.get("routeKey") == "database",
             "alert rule: answered with its id and routeKey", repr(created)[:300])
    go_body = dict(body, alertValueMatch="^conf-[0-9]+$", matchType="REGEX", notes="Go's spelling")
    del go_body["routingKey"]
    go_body["routeKey"] = "database"
    go = c.expect("POST alert rule with routeKey", c.sim.request("POST", pattern, body=go_body), 200)
    c.report(isinstance(go, dict) and go.get("routeKey") == "database", "alert rule: routeKey kept")
    bad = dict(go_body, alertValueMatch="([unclosed")
    c.expect("POST alert rule with an invalid regular expression", c.sim.request("POST", pattern, body=bad), 400)
    c.expect("POST alert rule without annotations",
             c.sim.request("POST", pattern, body={k: v for k, v in body.items() if k != "annotations"}), 400)
    listing = c.sim.request("GET", pattern)[1] or []
    ranks = [r.get("rank") for r in sorted(listing, key=lambda r: r.get("rank", 0))]
    c.report(len(listing) == len(before) + 2 and ranks == list(range(ranks[0], ranks[0] + len(ranks))),
             "alert rules: two more, ranks contiguous", repr(ranks))
    if isinstance(rule_id, int):
        one = "/api-public/v1/alertRules/%d" % rule_id
        updated = c.expect("PUT alert rule (a full replacement)",
                           c.call("PUT", pattern + "/{ruleId}", one,
                                  body=dict(body, alertValueMatch="conformance-db-*")), 200)
        c.report(isinstance(updated, dict) and updated.get("alertValueMatch") == "conformance-db-*",
                 "PUT alert rule: the answer has the new pattern")
        deleted = c.expect("DELETE alert rule", c.call("DELETE", pattern + "/{ruleId}", one), 200)
        c.report(isinstance(deleted, dict) and deleted.get("id") == rule_id, "DELETE alert rule: answers its id")
        c.expect("DELETE the same alert rule again", c.sim.request("DELETE", one), 404)
        c.expect("PUT an unknown alert rule", c.sim.request("PUT", one, body=body), 404)
    if isinstance(go, dict) and isinstance(go.get("id"), int):
        c.sim.request("DELETE", "/api-public/v1/alertRules/%d" % go["id"])


def read_operations(spec_dir):
    operations = set()
    with open(os.path.join(spec_dir, "endpoints-newer.tsv"), encoding="utf-8") as f:
        for line in f.read().splitlines()[1:]:
            fields = line.split("\t")
            if len(fields) >= 2:
                operations.add((fields[0], fields[1]))
    return operations


def main(argv):
    if len(argv) != 3:
        print("usage: conformance_newer.py PATH/TO/rota-sim SPEC_DIR", file=sys.stderr)
        return 2
    program, spec_dir = argv[1], argv[2]
    if not os.path.isfile(os.path.join(spec_dir, "endpoints-newer.tsv")):
        print("SKIP: endpoints-newer.tsv is not in %s; set ROTA_SPEC_DIR" % spec_dir)
        return SKIP
    operations = read_operations(spec_dir)
    try:
        sim = Simulator(program)
    except (OSError, RuntimeError) as e:
        print("FAIL: cannot start %s: %s" % (program, e))
        return 1
    c = Checks(sim)
    try:
        for method, path in sorted(operations):
            status = sim.request(method, path.replace("{", "x").replace("}", "x"), auth=False)[0]
            c.report(status == 401, "%s %s without credentials answers 401" % (method, path), str(status))
        usernames = check_users(c) or []
        if usernames:
            check_paging_policies(c, usernames[0])
        teams = sim.request("GET", "/api-public/v1/team")[1] or []
        team = teams[0]["slug"] if teams else "no-team"
        members = [m["username"] for m in
                   (sim.request("GET", "/api-public/v1/team/%s/members" % team)[1] or {}).get("members", [])]
        c.report(len(members) >= 2, "the seeded team has two members or more")
        if len(members) >= 2:
            check_rotations(c, team, members)
        incidents = (sim.request("GET", "/api-public/v1/incidents")[1] or {}).get("incidents", [])
        incident = int(incidents[0]["incidentNumber"]) if incidents else 1
        if usernames:
            check_chat(c, usernames[0], incident)
            check_stakeholders(c, usernames, team, incident)
        check_alert_rules(c)
    except Exception as e:  # report what ran so far rather than a bare traceback
        import traceback
        traceback.print_exc()
        c.report(False, "scenario", "stopped early: %r" % e)
    finally:
        code = sim.stop()
    c.report(code == 0, "rota-sim exits 0 on SIGTERM", "exit code %r" % code)
    for method, path in sorted(operations - c.exercised):
        c.report(False, "%s %s" % (method, path), "not exercised")
    print("%d passed, %d failed; %d of %d operations exercised"
          % (c.passes, c.failures, len(c.exercised & operations), len(operations)))
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
