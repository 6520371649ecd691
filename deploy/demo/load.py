#!/usr/bin/env python3
"""Loads the demo data (deploy/demo/demo-data.json) through the gateway, as the demo accounts.

./fanzha up runs it once. Standard library only, so it needs nothing beyond python3.
It builds the seed's county plan the way a frontend would: regions, units, an alliance, the campaign with
its leading group, goals and tasks, messaging groups with weeks of pushes, and, as the county police's agency
client, two years of weekly case figures per village and a few anonymized case records. What is already there (a
region answered 409; a unit, alliance, campaign, task or group of that name in its region; an equal goal;
a push of the same id, derived from its content) is not sent again, so a run that stopped half-way can
simply be repeated, and a second run changes nothing.
"""

import argparse
import base64
import hashlib
import datetime
import json
import math
import random
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zlib
from pathlib import Path

TIMEOUT_SECONDS = 30
# A 429 from the gateway is waited out this many times at most.
RATE_LIMITED_TRIES = 30
BATCH_KINDS = ("regions", "units", "alliances", "campaigns", "messagingGroups")


class LoadError(Exception):
    pass


def http(method, url, token=None, body=None, form=None, payload=None, extra_headers=None):
    """Returns (status, parsed JSON or raw text); HTTP errors are answers here, not exceptions. payload: (bytes,
    content type) of a body that is not JSON, such as a CSV file or a photo."""
    headers = {"Accept": "application/json", **(extra_headers or {})}
    data = None
    if token:
        headers["Authorization"] = "Bearer " + token
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    if form is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        data = urllib.parse.urlencode(form).encode("ascii")
    if payload is not None:
        data, headers["Content-Type"] = payload
    for _ in range(RATE_LIMITED_TRIES):
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
            if status == 429:
                # Over the gateway's budget for this caller: come back when it says (docs/gateway.md).
                time.sleep(int(error.headers.get("Retry-After", "1")))
                continue
        except urllib.error.URLError as error:
            raise LoadError(f"{method} {url}: {error.reason}") from error
        break
    text = raw.decode("utf-8", errors="replace")
    try:
        return status, json.loads(text) if text else None
    except json.JSONDecodeError:
        return status, text


def token_claims(token):
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def token_of(keycloak, realm, form):
    """A user's token (password grant of the web client) or a client's (client-credentials grant)."""
    url = f"{keycloak}/realms/{realm}/protocol/openid-connect/token"
    status, answer = http("POST", url, form=form)
    if status != 200 or not isinstance(answer, dict) or "access_token" not in answer:
        raise LoadError(f"no token for {form.get('username', form['client_id'])} from {url}: HTTP {status} {answer}")
    return answer["access_token"]


def poisson(rng, mean):
    """A count of events with this mean (Knuth's method; the means here are small)."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def weekly_figures(spec):
    """Two years of weekly figures per village and category as CSV, the same for the same seed: a few cases a
    month per village, each losing 2,000 to 80,000 yuan. In the campaign's quarter, 2024 Q1, each case of a focus
    category (the first four) of the same week a year before recurs with a chance of 0.8, so those fall by about
    a fifth year on year, as the campaign aimed; the rest of the year is drawn afresh."""
    rng = random.Random(spec["seed"])
    means = [0.5, 0.35, 0.4, 0.3, 0.15, 0.2]
    last_year = {}
    lines = ["regionCode,period,category,cases,loss"]
    for region in spec["regions"]:
        for year in spec["years"]:
            weeks = datetime.date(year, 12, 28).isocalendar()[1]
            for week in range(1, weeks + 1):
                for place, category in enumerate(spec["categories"]):
                    before = last_year.get((region, year - 1, week, category))
                    if year == 2024 and week <= 13 and place < 4 and before is not None:
                        cases = sum(1 for _ in range(before) if rng.random() < 0.8)
                    else:
                        cases = poisson(rng, means[place % len(means)])
                    last_year[(region, year, week, category)] = cases
                    loss = sum(rng.randint(200_000, 8_000_000) for _ in range(cases)) / 100
                    lines.append(f"{region},{year}-W{week:02d},{category},{cases},{loss:.2f}")
    return "\n".join(lines) + "\n"


PUSH_IDS = uuid.UUID("6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b")
OUTREACH_IDS = uuid.UUID("0b9e8d7c-6f5a-4b3c-9d2e-1f0a9b8c7d6e")
TARGET_GROUPS = ("ELDERLY", "RURAL_RESIDENTS", "WOMEN", "MIGRANT_WORKERS", "PARENTS")


def outreach_records(spec, unit_id, campaign_id):
    """Door-to-door visits to each village's households between the campaign's first and last day, and the talks and
    posters of spec["events"], the same for the same seed. Ids derive from the content's place in the spec, so a
    second run sends the same records and stores nothing twice."""
    rng = random.Random(spec["seed"])
    first = datetime.date.fromisoformat(spec["from"])
    days = (datetime.date.fromisoformat(spec["to"]) - first).days
    records = []
    for village in spec["villages"]:
        for number in range(1, spec["visitsPerVillage"] + 1):
            day = first + datetime.timedelta(days=rng.randrange(days + 1))
            people = rng.randint(1, 5)
            records.append({
                "id": str(uuid.uuid5(OUTREACH_IDS, f"{village}/visit/{number}")), "kind": "DOOR_TO_DOOR",
                "occurredAt": f"{day}T{rng.randint(8, 17):02d}:{rng.randrange(60):02d}:00+08:00", "regionCode": village,
                "unitId": unit_id, "campaignId": campaign_id, "targetGroup": rng.choice(TARGET_GROUPS),
                "metrics": {"peopleReached": people, "householdsReached": 1, "materials": rng.randint(1, 3),
                            "appInstalls": rng.randint(0, min(2, people)), "questionsAnswered": rng.randint(0, 3)},
                "household": {"ref": f"HH-{village[-3:]}-{number:03d}", "noticeSigned": rng.random() < 0.9}})
    for number, event in enumerate(spec.get("events", []), start=1):
        records.append({
            "id": str(uuid.uuid5(OUTREACH_IDS, f"{event['regionCode']}/event/{number}")), "kind": event["kind"],
            "occurredAt": event["occurredAt"], "regionCode": event["regionCode"], "unitId": unit_id,
            "campaignId": campaign_id, "targetGroup": event["targetGroup"], "metrics": event["metrics"],
            "note": event.get("note")})
    return records


def notice_photo(seed):
    """A small PNG standing for the photo of a signed notice (告知单): a white sheet with lines of "text", different
    for every seed, the same for the same seed."""
    rng = random.Random(seed)
    width, height = 96, 128
    line_ends = [rng.randint(40, 86) for _ in range(height // 8)]
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter: none
        written = 12 <= y < 116 and y % 8 < 3
        for x in range(width):
            ink = written and 10 <= x < line_ends[y // 8]
            row += bytes((40, 40, 60) if ink else (250, 250, 245))
        rows.append(bytes(row))

    def chunk(kind, data):
        return (len(data).to_bytes(4, "big") + kind + data
                + zlib.crc32(kind + data).to_bytes(4, "big"))
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes((8, 2, 0, 0, 0))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows)))
            + chunk(b"IEND", b""))


class Loader:
    """Builds one batch through the API. Everything it finds already there (by name, theme or title within its
    region, or by a push's id, derived from its content) is counted as there and not sent again."""

    def __init__(self, gateway, token):
        self.gateway = gateway
        self.token = token
        self.units = {}
        self.campaigns = {}
        self.counts = {}

    def call(self, method, path, body=None, expect=(200, 201)):
        status, answer = http(method, self.gateway + path, self.token, body=body)
        if status not in expect:
            raise LoadError(f"{method} {path}: HTTP {status} {answer}")
        return status, answer

    def count(self, kind, created):
        created_count, there = self.counts.get(kind, (0, 0))
        self.counts[kind] = (created_count + 1, there) if created else (created_count, there + 1)

    def find(self, path, field, value, region=None):
        """The item of a list whose field equals value (the list searched with q), or None."""
        query = {"q": value, "size": 500}
        if region:
            query["within"] = region
        if path in ("/api/v1/units", "/api/v1/campaigns"):
            query["reaching"] = "true"  # also the plans above the caller's scope: a village worker's station, campaign
        _, page = self.call("GET", path + "?" + urllib.parse.urlencode(query))
        return next((item for item in page["items"] if item[field] == value), None)

    def regions(self, regions):
        for region in regions:
            status, _ = self.call("POST", "/api/v1/regions", region, expect=(201, 409))
            self.count("regions", status == 201)

    def load_units(self, units):
        for unit in units:
            body = {key: value for key, value in unit.items() if key != "key"}
            found = self.find("/api/v1/units", "name", unit["name"], unit["regionCode"])
            self.count("units", found is None)
            if found is None:
                _, found = self.call("POST", "/api/v1/units", body)
            self.units[unit["key"]] = found["id"]

    def unit(self, key):
        if key not in self.units:
            raise LoadError(f"no unit with key {key} in this batch")
        return self.units[key]

    def alliances(self, alliances):
        for alliance in alliances:
            if self.find("/api/v1/alliances", "name", alliance["name"], alliance["regionCode"]):
                self.count("alliances", False)
                continue
            self.call("POST", "/api/v1/alliances", {"name": alliance["name"], "regionCode": alliance["regionCode"],
                                                    "memberIds": [self.unit(key) for key in alliance["members"]]})
            self.count("alliances", True)

    def load_campaigns(self, campaigns):
        for plan in campaigns:
            fields = {key: value for key, value in plan.items() if key not in ("goals", "tasks", "status")}
            fields["leadingGroup"] = [self.member(member) for member in plan.get("leadingGroup", [])]
            campaign = self.find("/api/v1/campaigns", "theme", plan["theme"], plan["regionCode"])
            if campaign is None:
                _, campaign = self.call("POST", "/api/v1/campaigns", fields)
                self.count("campaigns", True)
            else:
                self.count("campaigns", False)
            self.campaigns[plan["theme"]] = campaign["id"]
            self.goals(campaign["id"], plan.get("goals", []))
            self.tasks(campaign["id"], plan.get("tasks", []))
            if plan.get("status", "DRAFT") != campaign["status"]:
                self.call("PUT", f"/api/v1/campaigns/{campaign['id']}/status",
                          {"status": plan["status"], "version": campaign["version"]})

    def member(self, member):
        answer = {key: value for key, value in member.items() if key != "unit"}
        if "unit" in member:
            answer["unitId"] = self.unit(member["unit"])
        return answer

    def goals(self, campaign_id, goals):
        _, page = self.call("GET", f"/api/v1/campaigns/{campaign_id}/goals?size=500")
        for goal in goals:
            if any(all(item.get(key) == value for key, value in goal.items()) for item in page["items"]):
                self.count("goals", False)
                continue
            self.call("POST", f"/api/v1/campaigns/{campaign_id}/goals", goal)
            self.count("goals", True)

    def tasks(self, campaign_id, tasks):
        for task in tasks:
            if self.find(f"/api/v1/campaigns/{campaign_id}/tasks", "title", task["title"]):
                self.count("tasks", False)
                continue
            body = {key: value for key, value in task.items() if key != "units"}
            body["unitIds"] = [self.unit(key) for key in task.get("units", [])]
            self.call("POST", f"/api/v1/campaigns/{campaign_id}/tasks", body)
            self.count("tasks", True)

    def messaging_groups(self, groups):
        for group in groups:
            body = {key: value for key, value in group.items() if key not in ("unit", "pushes")}
            if "unit" in group:
                body["unitId"] = self.unit(group["unit"])
            found = self.find("/api/v1/messaging-groups", "name", group["name"], group.get("regionCode"))
            self.count("messaging groups", found is None)
            if found is None:
                _, found = self.call("POST", "/api/v1/messaging-groups", body)
            for push in group.get("pushes", []):
                self.push(found["id"], group["name"], push)

    def push(self, group_id, group_name, push):
        body = {key: value for key, value in push.items() if key != "campaign"}
        body["id"] = str(uuid.uuid5(PUSH_IDS, f"{group_name}/{push['pushedOn']}/{push['title']}"))
        if "campaign" in push:
            if push["campaign"] not in self.campaigns:
                raise LoadError(f"no campaign with theme {push['campaign']} in this batch")
            body["campaignId"] = self.campaigns[push["campaign"]]
        status, _ = self.call("POST", f"/api/v1/messaging-groups/{group_id}/pushes", body)
        self.count("pushes", status == 201)

    def case_reports(self, spec):
        """Pushes the figures as one CSV file. case-stats-service learns new regions from campaign-service's events,
        a moment after they were created: while it answers region.unknown, the push (idempotent) is repeated."""
        csv = weekly_figures(spec).encode("utf-8")
        earlier = 0  # stored by attempts that still met unknown regions
        for _ in range(30):
            status, answer = http("POST", self.gateway + "/api/v1/case-reports", self.token, payload=(csv, "text/csv"))
            if status != 200:
                raise LoadError(f"POST /api/v1/case-reports: HTTP {status} {answer}")
            stored = answer["imported"] + answer["updated"]
            if not (answer["conflicts"] and all(c["code"] == "region.unknown" for c in answer["conflicts"])):
                break
            earlier += stored
            time.sleep(1)
        if answer["conflictCount"]:
            raise LoadError(f"POST /api/v1/case-reports: {answer['conflictCount']} rows refused: {answer['conflicts'][:3]}")
        self.counts["case reports"] = (earlier + stored, answer["ignored"] - earlier)

    def expectations(self, expectations):
        for expectation in expectations:
            status, _ = self.call("POST", "/api/v1/case-reports/expectations", expectation, expect=(201, 409))
            self.count("report expectations", status == 201)

    def assessment_schemes(self, schemes):
        for scheme in schemes:
            status, _ = self.call("POST", "/api/v1/reports/assessment-schemes", scheme, expect=(201, 409))
            self.count("assessment schemes", status == 201)

    def cases(self, cases):
        for case in cases:
            status, _ = self.call("POST", "/api/v1/cases", case)
            self.count("case records", status == 201)

    def outreach(self, spec):
        """Syncs the generated records in batches of 500, as a phone would. outreach-service learns units and regions
        from campaign-service's events, a moment after they were created: while it answers unit.unknown or
        region.unknown, the batch (idempotent) is sent again."""
        unit = self.find("/api/v1/units", "name", spec["unit"])
        campaign = self.find("/api/v1/campaigns", "theme", spec["campaign"])
        if unit is None or campaign is None:
            raise LoadError(f"outreach: no unit {spec['unit']} or campaign {spec['campaign']} to log outreach for")
        records = outreach_records(spec, unit["id"], campaign["id"])
        for start in range(0, len(records), 500):
            batch = {"deviceId": spec["device"], "records": records[start:start + 500]}
            for _ in range(30):
                _, answer = self.call("POST", "/api/v1/outreach/sync", batch)
                waiting = [c for c in answer["conflicts"] if c["code"] in ("unit.unknown", "region.unknown",
                                                                             "campaign.unknown")]
                if not waiting:
                    break
                time.sleep(1)
            if answer["conflictCount"]:
                raise LoadError(f"POST /api/v1/outreach/sync: {answer['conflictCount']} records refused: "
                                f"{answer['conflicts'][:3]}")
            created, there = self.counts.get("outreach records", (0, 0))
            self.counts["outreach records"] = (created + answer["imported"], there + answer["ignored"])

    def evidence(self, spec):
        """Uploads the photo of the signed notice of the first visits of a village's round, and one visit's photo
        again on another household's visit, the fake the flag list exists for. The same file under the same name is
        answered 200 and stored once, so a second run changes nothing."""
        village = spec["village"]
        photos = {number: notice_photo(f"{village}/visit/{number}") for number in range(1, spec["photos"] + 1)}
        photos[spec["reusedOn"]] = photos[spec["reusedFrom"]]
        for number, photo in photos.items():
            record = uuid.uuid5(OUTREACH_IDS, f"{village}/visit/{number}")
            digest = base64.b64encode(hashlib.sha256(photo).digest()).decode("ascii")
            path = f"/api/v1/outreach/{record}/evidence/notice.png"
            status, answer = http("PUT", self.gateway + path, self.token, payload=(photo, "image/png"),
                                  extra_headers={"Repr-Digest": f"sha-256=:{digest}:"})
            if status not in (200, 201):
                raise LoadError(f"PUT {path}: HTTP {status} {answer}")
            self.count("evidence photos", status == 201)

    def spot_checks(self, spot_checks):
        """Draws each spot check once (one of the same subtree, period and seed is reused) and records its results in
        the sample's order."""
        for spec in spot_checks:
            query = urllib.parse.urlencode({"within": spec["within"], "period": spec["period"], "size": 500})
            _, page = self.call("GET", "/api/v1/outreach/spot-checks?" + query)
            check = next((item for item in page["items"] if item["seed"] == spec["seed"]), None)
            self.count("spot checks", check is None)
            if check is None:
                fields = {key: spec[key] for key in ("within", "period", "percent", "minimumPerVillage", "seed")}
                _, check = self.call("POST", "/api/v1/outreach/spot-checks", fields)
            results = spec["results"]
            for place, item in enumerate(check["items"]):
                result = results[place % len(results)]
                if item.get("result") != result:
                    self.call("PUT", f"/api/v1/outreach/spot-checks/{check['id']}/items/{item['recordId']}",
                              {"result": result})
                self.count("revisit results", item.get("result") != result)

    def summary(self):
        return "; ".join(f"{kind}: {created} created, {there} already there"
                         for kind, (created, there) in self.counts.items())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gateway", default="http://localhost:8080")
    parser.add_argument("--keycloak", default="http://localhost:8180")
    parser.add_argument("--realm", default="fanzha")
    parser.add_argument("--client-id", default="fanzha-web")
    parser.add_argument("--password", default="demo", help="password of the demo accounts (local only)")
    parser.add_argument("--data", default=str(Path(__file__).with_name("demo-data.json")))
    parser.add_argument("--dry-run", action="store_true",
                        help="get the tokens and check their claims, but send nothing to the gateway")
    args = parser.parse_args()

    data = json.loads(Path(args.data).read_text(encoding="utf-8"))
    try:
        for batch in data["batches"]:
            account = batch["account"]
            if "clientSecret" in batch:
                form = {"grant_type": "client_credentials", "client_id": account, "client_secret": batch["clientSecret"]}
            else:
                form = {"grant_type": "password", "client_id": args.client_id, "username": account,
                        "password": args.password}
            token = token_of(args.keycloak, args.realm, form)
            claims = token_claims(token)
            print(f"{account}: token for region {claims.get('region')}, "
                  f"roles {sorted(claims.get('realm_access', {}).get('roles', []))}")
            if args.dry_run:
                print("  would load " + ", ".join(f"{len(batch[kind])} {kind}" for kind in BATCH_KINDS if kind in batch)
                      + (", weekly case figures" if "caseReports" in batch else "")
                      + (", outreach records" if "outreach" in batch else "")
                      + (", evidence photos" if "evidence" in batch else ""))
                continue
            loader = Loader(args.gateway, token)
            loader.regions(batch.get("regions", []))
            loader.load_units(batch.get("units", []))
            loader.alliances(batch.get("alliances", []))
            loader.load_campaigns(batch.get("campaigns", []))
            loader.messaging_groups(batch.get("messagingGroups", []))
            loader.expectations(batch.get("expectations", []))
            if "caseReports" in batch:
                loader.case_reports(batch["caseReports"])
            loader.cases(batch.get("cases", []))
            if "outreach" in batch:
                loader.outreach(batch["outreach"])
            if "evidence" in batch:
                loader.evidence(batch["evidence"])
            loader.spot_checks(batch.get("spotChecks", []))
            loader.assessment_schemes(batch.get("assessmentSchemes", []))
            print("  " + loader.summary())
    except LoadError as error:
        print(f"demo data not loaded: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
