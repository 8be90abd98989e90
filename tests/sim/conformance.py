#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Rota developers
"""rota-sim against the vendor's definition of the VictorOps public API.

Usage: conformance.py PATH/TO/rota-sim SPEC_DIR

Starts the simulator on a free port with the small seeded org, then calls every operation of
victorops-api-v1.yaml (plus the deprecated reporting v1 search of endpoints.tsv) with arguments
discovered from the simulator itself, creating before using and deleting last. Every 200 answer is
validated with jsonschema against the operation's response schema; calls whose definition has no
200 schema must still answer 2xx. Also checks the time formats the definition leaves to prose, that
bad request bodies get 400 with a JSON {"message"}, and that unknown ids get 404.

Prints one PASS/FAIL line per call; exits 1 if anything failed or an operation was not exercised,
77 (skip) when the spec folder is absent.
"""

import copy
import datetime
import http.client
import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.parse

SKIP = 77
API_ID = "rota-demo-id"
API_KEY = "rota-demo-key"
REPORTING_V1 = ("GET", "/api-reporting/v1/incidents")

RFC3339_WITH_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ISO_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")


def iso_utc(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


class Spec:
    """The definition: operations, their 200 schemas and their body schemas."""

    def __init__(self, spec_dir, yaml, jsonschema):
        with open(os.path.join(spec_dir, "victorops-api-v1.strict.yaml"), encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        self.jsonschema = jsonschema
        # One body schema refers to a parameter ('#/parameters/addUserPayload'); inline the
        # parameter's schema so it validates like any other.
        self.doc = self._inline_parameter_refs(doc, doc)
        self.resolver = jsonschema.RefResolver(base_uri="", referrer=self.doc)
        self.operations = {}
        for path, item in self.doc["paths"].items():
            for method, op in item.items():
                if method.lower() in ("get", "post", "put", "patch", "delete"):
                    self.operations[(method.upper(), path)] = op
        with open(os.path.join(spec_dir, "endpoints.tsv"), encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
        self.tsv = {(r[0], r[1]) for r in rows[1:]}

    def _inline_parameter_refs(self, node, doc):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/parameters/"):
                parameter = doc["parameters"][ref.split("/")[-1]]
                if "schema" in parameter:
                    return self._inline_parameter_refs(copy.deepcopy(parameter["schema"]), doc)
            return {k: self._inline_parameter_refs(v, doc) for k, v in node.items()}
        if isinstance(node, list):
            return [self._inline_parameter_refs(v, doc) for v in node]
        return node

    def _deref(self, node):
        while isinstance(node, dict) and "$ref" in node:
            _, node = self.resolver.resolve(node["$ref"])
        return node

    def required_operations(self):
        return set(self.operations) | {REPORTING_V1}

    def response_schema(self, method, path):
        """The 200 schema, or None where the definition gives none."""
        if (method, path) == REPORTING_V1:
            return {"$ref": "#/definitions/ReportingIncidentList"}
        response = self._deref(self.operations[(method, path)].get("responses", {}).get("200"))
        return (response or {}).get("schema")

    def body_schema(self, method, path):
        if (method, path) not in self.operations:
            return None
        for parameter in self.operations[(method, path)].get("parameters", []):
            parameter = self._deref(parameter)
            if parameter.get("in") == "body":
                return parameter.get("schema")
        return None

    def errors(self, schema, instance):
        # Draft 4 as Swagger 2.0 uses; "format" is prose here (no format checker).
        validator = self.jsonschema.Draft4Validator(schema, resolver=self.resolver)
        found = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        return ["%s: %s" % ("/".join(str(p) for p in e.absolute_path) or "(root)", e.message[:200])
                for e in found]


class Simulator:
    """The rota-sim process and plain HTTP to it."""

    def __init__(self, program):
        self.process = subprocess.Popen(
            [program, "--port", "0", "--seed", "1", "--size", "small", "--no-rate-limits"],
            stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
        lines = queue.Queue()

        def pump():
            for line in self.process.stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        self.port = None
        deadline = time.monotonic() + 60
        while self.port is None and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                break
            match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
            if match:
                self.port = int(match.group(1))
        if self.port is None:
            self.process.kill()
            self.process.wait()
            raise RuntimeError("rota-sim did not print 'listening on http://127.0.0.1:PORT'")

    def request(self, method, path, query=None, body=None, raw=None, auth=True):
        """(status, parsed JSON or None, raw bytes)"""
        url = path + ("?" + urllib.parse.urlencode(query) if query else "")
        headers = {"Accept": "application/json"}
        if auth:
            headers["X-VO-Api-Id"] = API_ID
            headers["X-VO-Api-Key"] = API_KEY
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        if data is not None:
            headers["Content-Type"] = "application/json"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, url, body=data, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            status = response.status
        finally:
            connection.close()
        try:
            parsed = json.loads(payload) if payload.strip() else None
        except ValueError:
            parsed = None
        return status, parsed, payload

    def stop(self):
        """SIGTERM, then the exit code (None if it had to be killed)."""
        self.process.terminate()
        try:
            return self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None


class Run:
    def __init__(self, spec, sim):
        self.spec = spec
        self.sim = sim
        self.failures = 0
        self.passes = 0
        self.exercised = set()

    # --- reporting ---------------------------------------------------------------------------

    def report(self, ok, label, reason=""):
        if ok:
            self.passes += 1
        else:
            self.failures += 1
        print("%s %s%s" % ("PASS" if ok else "FAIL", label, (": " + reason) if reason else ""),
              flush=True)

    # --- calls -------------------------------------------------------------------------------

    @staticmethod
    def fill(template, args):
        def value(match):
            name = match.group(1)
            if name not in args or args[name] is None:
                raise KeyError("no value for {%s}" % name)
            return urllib.parse.quote(str(args[name]), safe="")
        return re.sub(r"\{(\w+)\}", value, template)

    def peek(self, method, path, query=None):
        """A discovery call: not validated or reported; the parsed body on 200, else None."""
        try:
            status, parsed, _ = self.sim.request(method, path, query=query)
        except OSError:
            return None
        return parsed if status == 200 else None

    def call(self, method, template, args=None, query=None, body=None, checks=()):
        """Calls one operation, validates the answer and reports it. Returns the parsed body of a
        2xx answer, else None. `checks` are functions of the parsed body returning problems."""
        key = (method, template)
        label = "%s %s" % (method, template)
        if key not in self.spec.required_operations():
            self.report(False, label, "test bug: not an operation of the definition")
            return None
        self.exercised.add(key)
        try:
            path = self.fill(template, args or {})
        except KeyError as e:
            self.report(False, label, "could not build the path: %s (discovery failed earlier)" % e)
            return None
        if path != template:
            label += " [%s]" % path
        if query:
            label += " ?" + urllib.parse.urlencode(query)

        if body is not None:
            schema = self.spec.body_schema(method, template)
            problems = self.spec.errors(schema, body) if schema else []
            if problems:
                self.report(False, label, "test bug: request body invalid per the definition: "
                            + "; ".join(problems[:3]))
                return None
        try:
            status, parsed, payload = self.sim.request(method, path, query=query, body=body)
        except OSError as e:
            self.report(False, label, "no HTTP answer: %s" % e)
            return None

        schema = self.spec.response_schema(method, template)
        if schema is None:
            ok = 200 <= status < 300
            self.report(ok, label, "" if ok else "HTTP %d: %s" % (status, payload[:300].decode(errors="replace")))
            return parsed if ok else None
        if status != 200:
            self.report(False, label, "HTTP %d: %s" % (status, payload[:300].decode(errors="replace")))
            return None
        if parsed is None and payload.strip() != b"null":
            self.report(False, label, "200 with a body that is not JSON: %r" % payload[:200])
            return None
        problems = self.spec.errors(schema, parsed)
        for check in checks:
            try:
                problems += check(parsed)
            except Exception as e:  # a check that trips over the shape is a finding too
                problems.append("check %s failed: %r" % (getattr(check, "__name__", "?"), e))
        if problems:
            more = " (+%d more)" % (len(problems) - 4) if len(problems) > 4 else ""
            self.report(False, label, "; ".join(problems[:4]) + more)
        else:
            self.report(True, label)
        return parsed

    def expect_error(self, method, template, args, status, body=None, raw=None, field=None, why=""):
        """A call that must be refused with `status` and a JSON {"message"} (naming `field`)."""
        label = "%s %s: %s -> %d" % (method, template, why, status)
        try:
            path = self.fill(template, args or {})
            got, parsed, payload = self.sim.request(method, path, body=body, raw=raw)
        except (KeyError, OSError) as e:
            self.report(False, label, str(e))
            return
        problems = []
        if got != status:
            problems.append("got HTTP %d: %s" % (got, payload[:200].decode(errors="replace")))
        message = parsed.get("message") if isinstance(parsed, dict) else None
        if not isinstance(message, str) or not message:
            problems.append("no JSON {\"message\"} in %r" % payload[:200])
        elif field and field not in message:
            problems.append("the message does not name the field '%s': %r" % (field, message))
        self.report(not problems, label, "; ".join(problems))

    def check(self, ok, label, reason=""):
        """A state check between calls (not an operation of its own)."""
        self.report(bool(ok), "STATE " + label, "" if ok else reason)


# --- checks of what the definition states in prose -----------------------------------------------

def incident_times(incidents):
    problems = []
    for incident in incidents:
        number = incident.get("incidentNumber")
        stamps = [("startTime", incident.get("startTime")), ("lastAlertTime", incident.get("lastAlertTime"))]
        stamps += [("transitions[%d].at" % i, t.get("at")) for i, t in enumerate(incident.get("transitions") or [])]
        for name, value in stamps:
            if value is None and name == "lastAlertTime":
                continue
            if not isinstance(value, str) or not ISO_UTC.match(value):
                problems.append("incident %s %s is %r, not ISO 8601 UTC ending in Z" % (number, name, value))
                continue
            try:
                datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                problems.append("incident %s %s %r does not parse" % (number, name, value))
    return problems[:5]


def check_incident_list(body):
    return incident_times(body.get("incidents") or [])


def check_incident(body):
    return incident_times([body])


def check_schedule_offsets(team_schedules, require_rolls):
    problems = []
    rolls = 0
    for team in team_schedules:
        for schedule in team.get("schedules") or []:
            for entry in schedule.get("schedule") or []:
                for roll in entry.get("rolls") or []:
                    rolls += 1
                    for name in ("start", "end"):
                        value = roll.get(name)
                        if not isinstance(value, str) or not RFC3339_WITH_OFFSET.match(value):
                            problems.append("roll %s %r is not RFC 3339 with an offset" % (name, value))
            for override in schedule.get("overrides") or []:
                for name in ("start", "end"):
                    value = override.get(name)
                    if not isinstance(value, str) or not RFC3339_WITH_OFFSET.match(value):
                        problems.append("override %s %r is not RFC 3339 with an offset" % (name, value))
    if require_rolls and rolls == 0:
        problems.append("no rolls at all, though the team has rotations")
    return problems[:5]


def check_maintenance(started_after_ms=None, instance_id=None):
    def check(body):
        problems = []
        for instance in body.get("activeInstances") or []:
            started = instance.get("startedAt")
            if isinstance(started, bool) or not isinstance(started, int):
                problems.append("startedAt %r is not an integer" % (started,))
            elif not 10 ** 12 <= started < 10 ** 13:
                problems.append("startedAt %r is not epoch milliseconds" % started)
            elif instance_id and instance.get("instanceId") == instance_id and started_after_ms is not None \
                    and abs(started - started_after_ms) > 10 * 60 * 1000:
                problems.append("startedAt %r is not the time maintenance started (~%d)" % (started, started_after_ms))
        return problems
    return check


def only(field, value):
    """Every incident of a reporting answer has `field` == `value` (a filter was applied)."""
    def check(body):
        wrong = [i.get("incidentNumber") for i in body.get("incidents") or [] if i.get(field) != value]
        return ["incidents %s do not have %s %r" % (wrong[:5], field, value)] if wrong else []
    return check


# --- the scenario --------------------------------------------------------------------------------

def first(items, predicate=lambda _: True, default=None):
    for item in items or []:
        if predicate(item):
            return item
    return default


def scenario(run):
    sim = run.sim
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)

    # --- Discovery and reads of the seeded org -------------------------------------------------
    users_reply = run.call("GET", "/api-public/v1/user") or {}
    usernames = [u.get("username") for u in users_reply.get("users") or [] if u.get("username")]

    # A user with devices, e-mails, phones and a paging policy that has an e-mail rule.
    def profile(name):
        methods = run.peek("GET", "/api-public/v1/user/%s/contact-methods" % urllib.parse.quote(name, safe="")) or {}
        policy = run.peek("GET", "/api-public/v1/profile/%s/policies" % urllib.parse.quote(name, safe="")) or {}
        steps = policy.get("steps") or []
        email_id = phone_id = None
        for step in steps:
            for rule in step.get("rules") or []:
                contact = rule.get("contact") or {}
                if contact.get("type") == "email" and email_id is None:
                    email_id = contact.get("id")
                if contact.get("type") == "phone" and phone_id is None:
                    phone_id = contact.get("id")
        score = sum(bool(x) for x in (methods.get("devices"), methods.get("emails"), methods.get("phones"),
                                      steps, email_id is not None, phone_id is not None))
        return score, methods, steps, email_id, phone_id

    user = None
    best = (-1, {}, [], None, None)
    for name in usernames:
        candidate = profile(name)
        if candidate[0] > best[0]:
            user, best = name, candidate
        if candidate[0] == 6:
            break
    _, methods, steps, email_contact_id, phone_contact_id = best
    run.check(user is not None, "the seeded org has users", "GET /api-public/v1/user listed none")
    run.check(best[0] == 6, "a seeded user has devices, e-mails, phones and e-mail and phone paging rules",
              "best candidate %r scored %d of 6" % (user, best[0]))

    run.call("GET", "/api-public/v1/user/{user}", {"user": user})
    run.call("GET", "/api-public/v1/user/{user}/teams", {"user": user})
    run.call("GET", "/api-public/v1/policies/types/notifications")
    run.call("GET", "/api-public/v1/policies/types/contacts")
    run.call("GET", "/api-public/v1/policies/types/timeouts")

    teams = run.call("GET", "/api-public/v1/team") or []
    team = None
    team_rotations = []
    for candidate in teams if isinstance(teams, list) else []:
        rotations = (run.peek("GET", "/api-public/v1/teams/%s/rotations" % candidate.get("slug")) or {}).get("rotationGroups")
        if rotations and (candidate.get("memberCount") or 0) > 1:
            team, team_rotations = candidate.get("slug"), rotations
            break
    run.check(team is not None, "a seeded team has members and rotations")
    run.call("GET", "/api-public/v1/team/{team}", {"team": team})
    members = (run.call("GET", "/api-public/v1/team/{team}/members", {"team": team}) or {}).get("members") or []
    run.call("GET", "/api-public/v1/team/{team}/admins", {"team": team})
    run.call("GET", "/api-public/v1/team/{team}/policies", {"team": team})
    run.call("GET", "/api-public/v1/teams/{team}/rotations", {"team": team})
    webhooks = (run.call("GET", "/api-public/v1/webhooks") or {}).get("webhooks") or []

    policies = (run.call("GET", "/api-public/v1/policies") or {}).get("policies") or []
    team_policy = first(policies, lambda p: (p.get("team") or {}).get("slug") == team) or first(policies) or {}
    policy = (team_policy.get("policy") or {}).get("slug")
    run.call("GET", "/api-public/v1/policies/{policy}", {"policy": policy})
    routing_keys = (run.call("GET", "/api-public/v1/org/routing-keys") or {}).get("routingKeys") or []
    run.check(routing_keys, "the seeded org has routing keys")

    current = run.call("GET", "/api-public/v1/oncall/current") or {}
    on_call = None  # (team slug, policy slug, username)
    for entry in current.get("teamsOnCall") or []:
        for now_entry in entry.get("onCallNow") or []:
            users_now = [((u.get("onCallUser") or {}).get("username")) for u in now_entry.get("users") or []]
            users_now = [u for u in users_now if u]
            if users_now and on_call is None:
                on_call = ((entry.get("team") or {}).get("slug"), (now_entry.get("escalationPolicy") or {}).get("slug"),
                           users_now[0])
    run.check(on_call is not None, "someone is on call now for some policy")

    schedule_query = {"daysForward": 14, "daysSkip": 0, "step": 0}
    run.call("GET", "/api-public/v1/team/{team}/oncall/schedule", {"team": team}, query=schedule_query)
    run.call("GET", "/api-public/v2/team/{team}/oncall/schedule", {"team": team}, query=schedule_query,
             checks=[lambda body: check_schedule_offsets([body], require_rolls=bool(team_rotations))])
    schedule_user = on_call[2] if on_call else user
    run.call("GET", "/api-public/v1/user/{user}/oncall/schedule", {"user": schedule_user}, query=schedule_query)
    run.call("GET", "/api-public/v2/user/{user}/oncall/schedule", {"user": schedule_user}, query=schedule_query,
             checks=[lambda body: check_schedule_offsets(body.get("teamSchedules") or [], require_rolls=False)])
    run.call("GET", "/api-reporting/v1/team/{team}/oncall/log", {"team": team},
             query={"start": iso_utc(now - datetime.timedelta(days=14)), "end": iso_utc(now)})

    incidents = (run.call("GET", "/api-public/v1/incidents", checks=[check_incident_list]) or {}).get("incidents") or []
    run.check(incidents, "the seeded org has current incidents")
    incident = first(incidents, lambda i: any(t.get("alertId") for t in i.get("transitions") or [])) or first(incidents) or {}
    number = incident.get("incidentNumber")
    run.call("GET", "/api-public/v1/incidents/{incidentNumber}", {"incidentNumber": number}, checks=[check_incident])
    run.call("GET", "/api-public/v1/incidents/{incidentNumber}/notes", {"incidentNumber": number})
    alert = first([t.get("alertId") for t in incident.get("transitions") or []], bool) \
        or incident.get("lastAlertId") or incident.get("firstAlertUuid")
    run.call("GET", "/api-public/v1/alerts/{uuid}", {"uuid": alert})

    run.call("GET", "/api-public/v1/user/{user}/contact-methods", {"user": user})
    devices = run.call("GET", "/api-public/v1/user/{user}/contact-methods/devices", {"user": user}) or []
    device = (first(devices) or {}).get("extId")
    run.call("GET", "/api-public/v1/user/{user}/contact-methods/devices/{contactId}", {"user": user, "contactId": device})
    emails = run.call("GET", "/api-public/v1/user/{user}/contact-methods/emails", {"user": user}) or []
    run.call("GET", "/api-public/v1/user/{user}/contact-methods/emails/{contactId}",
             {"user": user, "contactId": (first(emails) or {}).get("extId")})
    phones = run.call("GET", "/api-public/v1/user/{user}/contact-methods/phones", {"user": user}) or []
    run.call("GET", "/api-public/v1/user/{user}/contact-methods/phones/{contactId}",
             {"user": user, "contactId": (first(phones) or {}).get("extId")})
    run.call("GET", "/api-public/v1/user/{user}/policies", {"user": user})

    run.call("GET", "/api-public/v1/profile/{username}/policies", {"username": user})
    run.call("GET", "/api-public/v1/profile/{username}/policies/{step}", {"username": user, "step": 0})
    run.call("GET", "/api-public/v1/profile/{username}/policies/{step}/{rule}", {"username": user, "step": 0, "rule": 0})

    seeded_overrides = (run.call("GET", "/api-public/v1/overrides") or {}).get("overrides") or []
    run.call("GET", "/api-public/v1/maintenancemode", checks=[check_maintenance()])
    # Without currentPhase the history holds resolved incidents only.
    run.call("GET", "/api-reporting/v2/incidents", query={"limit": 5},
             checks=[check_incident_list, lambda b: [] if b.get("incidents") else ["no resolved incidents in the history"],
                     only("currentPhase", "RESOLVED")])
    run.call("GET", "/api-reporting/v2/incidents", query={"currentPhase": "UNACKED", "limit": 5},
             checks=[check_incident_list, only("currentPhase", "UNACKED")])
    seeded_key = (first(routing_keys) or {}).get("routingKey")
    run.call("GET", "/api-reporting/v2/incidents", query={"routingKey": seeded_key, "offset": 0, "limit": 5},
             checks=[check_incident_list, only("routingKey", seeded_key)])
    run.call("GET", "/api-reporting/v1/incidents", query={"limit": 5}, checks=[check_incident_list])

    # --- Creating and changing ----------------------------------------------------------------
    domain = "northwind-labs.example"
    tester = "conformance.tester"
    helpers = ["conformance.helper1", "conformance.helper2"]
    run.call("POST", "/api-public/v1/user", body={
        "firstName": "Conny", "lastName": "Formance", "username": tester, "email": tester + "@" + domain,
        "expirationHours": 24})
    run.call("PUT", "/api-public/v1/user/{user}", {"user": tester}, body={
        "firstName": "Conny", "lastName": "Formance-Checks", "username": tester, "email": tester + "@" + domain})
    # The definition's body is the bare array of AddUserPayload.
    run.call("POST", "/api-public/v1/user/batch", body=[
        {"firstName": "Hal", "lastName": "Per", "username": helpers[0], "email": helpers[0] + "@" + domain},
        {"firstName": "Hel", "lastName": "Pa", "username": helpers[1], "email": helpers[1] + "@" + domain},
    ], checks=[lambda b: [] if [e.get("username") for e in b] == helpers and not any(e.get("errors") for e in b)
               else ["expected both users added without errors: %r" % b]])
    run.call("GET", "/api-public/v1/user/{user}", {"user": helpers[1]})

    new_team = (run.call("POST", "/api-public/v1/team", body={"name": "Conformance Crew"}) or {}).get("slug")
    run.call("PUT", "/api-public/v1/team/{team}", {"team": new_team}, body={"name": "Conformance Crew II"})
    run.call("POST", "/api-public/v1/team/{team}/members", {"team": new_team}, body={"username": tester})
    run.call("POST", "/api-public/v1/team/{team}/members", {"team": new_team}, body={"username": helpers[0]})
    run.call("GET", "/api-public/v1/user/{user}/teams", {"user": tester},
             checks=[lambda b: [] if any(t.get("slug") == new_team for t in b.get("teams") or [])
                     else ["the new team is not among the user's teams"]])

    second_step = [{"executionType": "email", "email": {"address": "oncall@" + domain}}]
    if webhooks:
        second_step.append({"executionType": "webhook", "webhook": {"slug": webhooks[0].get("slug")}})
    new_policy = (run.call("POST", "/api-public/v1/policies", body={
        "name": "Conformance Escalation", "teamSlug": new_team, "ignoreCustomPagingPolicies": False,
        "steps": [{"timeout": 0, "entries": [{"executionType": "user", "user": {"username": tester}}]},
                  {"timeout": 15, "entries": second_step}]}) or {}).get("slug")
    run.call("GET", "/api-public/v1/policies/{policy}", {"policy": new_policy},
             checks=[lambda b: [] if len(b.get("steps") or []) == 2 else ["the new policy should have 2 steps"]])
    new_key = "conformance-checks"
    run.call("POST", "/api-public/v1/org/routing-keys", body={"routingKey": new_key, "targets": [new_policy]})

    new_email = (run.call("POST", "/api-public/v1/user/{user}/contact-methods/emails", {"user": user},
                          body={"label": "Conformance inbox", "email": user + "+conformance@" + domain, "rank": 2})
                 or {}).get("extId")
    new_phone = (run.call("POST", "/api-public/v1/user/{user}/contact-methods/phones", {"user": user},
                          body={"label": "Desk phone", "phone": "+1 555-0199", "rank": 2}) or {}).get("extId")
    run.call("PUT", "/api-public/v1/user/{user}/contact-methods/devices/{contactId}", {"user": user, "contactId": device},
             body={"device_label": "On-call phone", "escalation_notification_sound": "siren",
                   "chat_escalation_sound": "chime", "resolved_notification_sound": "ding"})

    email_rule = {"type": "email", "contact": {"id": email_contact_id, "type": "email"}}
    step_reply = run.call("POST", "/api-public/v1/profile/{username}/policies", {"username": user},
                          body={"timeout": 5, "rules": [{"type": "push"}, email_rule]}) or {}
    step = (step_reply.get("step") or {}).get("index", len(steps))
    run.call("PUT", "/api-public/v1/profile/{username}/policies/{step}", {"username": user, "step": step},
             body={"timeout": 10, "rules": [{"type": "push"}, email_rule]})
    rule_reply = run.call("POST", "/api-public/v1/profile/{username}/policies/{step}", {"username": user, "step": step},
                          body={"contact": {"id": email_contact_id, "type": "email"}, "type": "email"}) or {}
    rule = (rule_reply.get("stepRule") or {}).get("index", 2)
    run.call("GET", "/api-public/v1/profile/{username}/policies/{step}/{rule}", {"username": user, "step": step, "rule": rule})
    if phone_contact_id is not None:
        changed = {"contact": {"id": phone_contact_id, "type": "phone"}, "type": "sms"}
    else:
        changed = {"contact": {"id": email_contact_id, "type": "email"}, "type": "email"}
    run.call("PUT", "/api-public/v1/profile/{username}/policies/{step}/{rule}", {"username": user, "step": step, "rule": rule},
             body=changed)

    created = run.call("POST", "/api-public/v1/incidents", body={
        "summary": "Checkout latency above 2 s on api-gw-2", "details": "p99 latency alert from the conformance run",
        "userName": user, "isMultiResponder": False,
        "targets": [{"type": "User", "slug": user}, {"type": "EscalationPolicy", "slug": policy}]}) or {}
    new_incident = created.get("incidentNumber")
    run.check(new_incident, "creating an incident answers its incidentNumber", "reply: %r" % (created,))
    run.call("GET", "/api-public/v1/incidents/{incidentNumber}", {"incidentNumber": new_incident},
             checks=[check_incident, lambda b: [] if b.get("currentPhase") == "UNACKED" else ["a new incident should be UNACKED"]])
    note = "conformance-note"
    run.call("POST", "/api-public/v1/incidents/{incidentNumber}/notes", {"incidentNumber": new_incident},
             body={"name": note, "display_name": "Runbook", "json_value": {"url": "https://runbooks.example/api-gw"}})
    run.call("PUT", "/api-public/v1/incidents/{incidentNumber}/notes/{noteName}", {"incidentNumber": new_incident, "noteName": note},
             body={"name": note, "display_name": "Runbook (updated)", "json_value": {"url": "https://runbooks.example/api-gw#latency"}})
    run.call("GET", "/api-public/v1/incidents/{incidentNumber}/notes", {"incidentNumber": new_incident})

    def accepted(reply):
        results = reply.get("results") or []
        bad = [r for r in results if not r.get("cmdAccepted")]
        return ["expected one accepted result, got %r" % results] if len(results) != 1 or bad else []

    run.call("POST", "/api-public/v1/incidents/reroute", body={"userName": user, "reroutes": [
        {"incidentNumber": str(new_incident), "targets": [{"type": "EscalationPolicy", "slug": new_policy}], "addTargets": False}]},
        checks=[lambda b: [] if all(s.get("success") for s in b.get("statuses") or [None]) else ["reroute did not succeed: %r" % b]])
    run.call("PATCH", "/api-public/v1/incidents/ack", body={
        "userName": user, "incidentNames": [str(new_incident)], "message": "Looking into it"}, checks=[accepted])
    run.call("PATCH", "/api-public/v1/incidents/resolve", body={
        "userName": user, "incidentNames": [str(new_incident)], "message": "Rolled back the deploy"}, checks=[accepted])
    run.call("GET", "/api-public/v1/incidents/{incidentNumber}", {"incidentNumber": new_incident},
             checks=[check_incident, lambda b: [] if b.get("currentPhase") == "RESOLVED" else ["should be RESOLVED now"]])

    # An incident paging only the new user, for the by-user calls.
    created = run.call("POST", "/api-public/v1/incidents", body={
        "summary": "Disk 91% full on build-agent-7", "details": "/var/lib/docker is filling up",
        "userName": user, "targets": [{"type": "User", "slug": tester}]}) or {}
    run.call("PATCH", "/api-public/v1/incidents/byUser/ack", body={"userName": tester, "message": "On it"}, checks=[accepted])
    run.call("PATCH", "/api-public/v1/incidents/byUser/resolve", body={"userName": tester, "message": "Pruned images"},
             checks=[accepted])

    take_team, take_policy, from_user = on_call or (team, policy, user)
    to_user = first([m.get("username") for m in members], lambda name: name and name != from_user) \
        or first(usernames, lambda name: name != from_user)
    run.call("PATCH", "/api-public/v1/policies/{policy}/oncall/user", {"policy": take_policy},
             body={"fromUser": from_user, "toUser": to_user})
    # Giving it back through the deprecated team variant.
    run.call("PATCH", "/api-public/v1/team/{team}/oncall/user", {"team": take_team},
             body={"fromUser": to_user, "toUser": from_user})

    override_reply = run.call("POST", "/api-public/v1/overrides", body={
        "username": from_user, "timezone": "America/New_York",
        "start": iso_utc(now + datetime.timedelta(days=3)), "end": iso_utc(now + datetime.timedelta(days=4))}) or {}
    override = (override_reply.get("schedule") or {}).get("publicId")
    run.call("GET", "/api-public/v1/overrides/{publicId}", {"publicId": override})
    assignments = run.call("GET", "/api-public/v1/overrides/{publicId}/assignments", {"publicId": override}) or []
    assignment_override = override
    if not assignments:
        # The new override found no policy to reassign; a seeded one has some.
        seeded = first(seeded_overrides, lambda o: o.get("assignments")) or {}
        assignment_override, assignments = seeded.get("publicId"), seeded.get("assignments") or []
    assigned_policy = (first(assignments) or {}).get("policy")
    run.call("GET", "/api-public/v1/overrides/{publicId}/assignments/{policySlug}",
             {"publicId": assignment_override, "policySlug": assigned_policy})
    run.call("PUT", "/api-public/v1/overrides/{publicId}/assignments/{policySlug}",
             {"publicId": assignment_override, "policySlug": assigned_policy},
             body={"policy": assigned_policy, "username": to_user},
             checks=[lambda b: [] if b.get("assigned") is True and b.get("user") == to_user
                     else ["expected assigned true and user %r" % to_user]])

    started_ms = int(time.time() * 1000)
    state = run.call("POST", "/api-public/v1/maintenancemode/start",
                     body={"type": "RoutingKeys", "names": [new_key], "purpose": "conformance run"},
                     checks=[check_maintenance()]) or {}
    instance = first(state.get("activeInstances"),
                     lambda i: any(new_key in (t.get("names") or []) for t in i.get("targets") or [])) or {}
    instance_id = instance.get("instanceId")
    run.check(instance_id, "starting maintenance answers the new instance", "reply: %r" % (state,))
    run.call("GET", "/api-public/v1/maintenancemode", checks=[check_maintenance(started_ms, instance_id)])
    run.call("PUT", "/api-public/v1/maintenancemode/{maintenancemodeid}/end", {"maintenancemodeid": instance_id},
             checks=[lambda b: [] if all(i.get("instanceId") != instance_id for i in b.get("activeInstances") or [])
                     else ["the ended instance is still active"]])

    # --- Refusals -----------------------------------------------------------------------------
    run.expect_error("POST", "/api-public/v1/user", {}, 400, body={"lastName": "X", "username": "x.y", "email": "x@y.example"},
                     field="firstName", why="missing firstName")
    run.expect_error("POST", "/api-public/v1/user", {}, 400,
                     body={"firstName": 7, "lastName": "X", "username": "x.y", "email": "x@y.example"},
                     field="firstName", why="firstName not a string")
    run.expect_error("POST", "/api-public/v1/team", {}, 400, body={}, field="name", why="missing name")
    run.expect_error("POST", "/api-public/v1/team", {}, 400, body={"name": 42}, field="name", why="name not a string")
    run.expect_error("POST", "/api-public/v1/team", {}, 400, raw=b"{not json", why="body not JSON")
    run.expect_error("PATCH", "/api-public/v1/incidents/ack", {}, 400, body={"userName": user},
                     field="incidentNames", why="missing incidentNames")
    run.expect_error("PATCH", "/api-public/v1/incidents/ack", {}, 400, body={"userName": user, "incidentNames": "1"},
                     field="incidentNames", why="incidentNames not an array")
    run.expect_error("POST", "/api-public/v1/incidents", {}, 400,
                     body={"summary": "s", "details": "d", "userName": user}, field="targets", why="missing targets")
    run.expect_error("POST", "/api-public/v1/profile/{username}/policies", {"username": user}, 400,
                     body={"timeout": "five", "rules": []}, field="timeout", why="timeout not an integer")
    run.expect_error("POST", "/api-public/v1/user/{user}/contact-methods/emails", {"user": user}, 400,
                     body={"label": "No address"}, field="email", why="missing email")
    run.expect_error("POST", "/api-public/v1/policies", {}, 400,
                     body={"name": "Broken", "teamSlug": new_team, "steps": [{"timeout": "0", "entries": []}]},
                     field="timeout", why="steps[0].timeout not an integer")
    run.expect_error("PUT", "/api-public/v1/overrides/{publicId}/assignments/{policySlug}",
                     {"publicId": assignment_override, "policySlug": assigned_policy}, 400,
                     body={"username": to_user}, field="policy", why="missing policy")
    run.expect_error("PATCH", "/api-public/v1/policies/{policy}/oncall/user", {"policy": take_policy}, 400,
                     body={"fromUser": from_user}, field="toUser", why="missing toUser")
    run.expect_error("GET", "/api-public/v1/incidents/{incidentNumber}", {"incidentNumber": 987654}, 404, why="unknown incident")
    run.expect_error("GET", "/api-public/v1/user/{user}", {"user": "no.such.person"}, 404, why="unknown user")
    run.expect_error("GET", "/api-public/v1/team/{team}", {"team": "team-nosuchteam"}, 404, why="unknown team")
    run.expect_error("GET", "/api-public/v1/policies/{policy}", {"policy": "pol-nosuchpol"}, 404, why="unknown policy")
    run.expect_error("PUT", "/api-public/v1/maintenancemode/{maintenancemodeid}/end", {"maintenancemodeid": "no-such-instance"},
                     404, why="unknown maintenance instance")

    # --- Deleting, last ----------------------------------------------------------------------
    run.call("DELETE", "/api-public/v1/overrides/{publicId}/assignments/{policySlug}",
             {"publicId": assignment_override, "policySlug": assigned_policy},
             checks=[lambda b: [] if not b.get("assigned") else ["the deleted assignment is still assigned"]])
    run.call("DELETE", "/api-public/v1/overrides/{publicId}", {"publicId": override})
    run.check(sim.request("GET", "/api-public/v1/overrides/%s" % override)[0] == 404, "a deleted override is gone")
    run.call("DELETE", "/api-public/v1/incidents/{incidentNumber}/notes/{noteName}", {"incidentNumber": new_incident, "noteName": note})
    run.call("DELETE", "/api-public/v1/profile/{username}/policies/{step}/{rule}", {"username": user, "step": step, "rule": rule})
    run.call("DELETE", "/api-public/v1/user/{user}/contact-methods/emails/{contactId}", {"user": user, "contactId": new_email})
    run.call("DELETE", "/api-public/v1/user/{user}/contact-methods/phones/{contactId}", {"user": user, "contactId": new_phone})
    run.call("DELETE", "/api-public/v1/user/{user}/contact-methods/devices/{contactId}", {"user": user, "contactId": device})
    run.check(sim.request("GET", "/api-public/v1/user/%s/contact-methods/emails/%s" % (user, new_email))[0] == 404,
              "a deleted e-mail contact is gone")
    run.call("DELETE", "/api-public/v1/team/{team}/members/{user}", {"team": new_team, "user": helpers[0]},
             body={"replacement": tester})
    run.call("DELETE", "/api-public/v1/policies/{policy}", {"policy": new_policy})
    keys_after = (run.peek("GET", "/api-public/v1/org/routing-keys") or {}).get("routingKeys") or []
    run.check(not any(k.get("routingKey") == new_key and any(t.get("policySlug") == new_policy for t in k.get("targets") or [])
                      for k in keys_after),
              "a deleted policy is no routing key's target")
    run.call("DELETE", "/api-public/v1/team/{team}", {"team": new_team})
    run.check(sim.request("GET", "/api-public/v1/team/%s" % new_team)[0] == 404, "a deleted team is gone")
    run.call("DELETE", "/api-public/v1/user/{user}", {"user": helpers[1]}, body={})
    run.call("DELETE", "/api-public/v1/user/{user}", {"user": tester},
             body={"replacement": user, "replacementStrategy": "specifiedUser"})
    run.check(sim.request("GET", "/api-public/v1/user/%s" % tester)[0] == 404, "a deleted user is gone")


def main(argv):
    if len(argv) != 3:
        print("usage: conformance.py PATH/TO/rota-sim SPEC_DIR", file=sys.stderr)
        return 2
    program, spec_dir = argv[1], argv[2]
    needed = ["victorops-api-v1.strict.yaml", "endpoints.tsv"]
    missing = [name for name in needed if not os.path.isfile(os.path.join(spec_dir, name))]
    if missing:
        print("SKIP: the vendor definition is absent (%s not in %s); set ROTA_SPEC_DIR"
              % (", ".join(missing), spec_dir))
        return SKIP
    try:
        import jsonschema
        import yaml
    except ImportError as e:
        print("FAIL: %s needs PyYAML and jsonschema (%s); set ROTA_PYTHON to an interpreter that has them"
              % (sys.executable, e))
        return 1

    spec = Spec(spec_dir, yaml, jsonschema)
    try:
        sim = Simulator(program)
    except (OSError, RuntimeError) as e:
        print("FAIL: cannot start %s: %s" % (program, e))
        return 1
    print("rota-sim listening on port %d" % sim.port, flush=True)

    run = Run(spec, sim)
    try:
        scenario(run)
    except Exception as e:  # report what ran so far rather than a bare traceback
        import traceback
        traceback.print_exc()
        run.report(False, "scenario", "stopped early: %r" % e)
    finally:
        code = sim.stop()
    run.report(code == 0, "rota-sim exits 0 on SIGTERM", "exit code %r" % code)

    for method, path in sorted(spec.required_operations() - run.exercised, key=lambda k: (k[1], k[0])):
        run.report(False, "%s %s" % (method, path), "not exercised")
    print("%d passed, %d failed; %d of %d operations exercised"
          % (run.passes, run.failures, len(run.exercised & spec.required_operations()), len(spec.required_operations())))
    return 1 if run.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
