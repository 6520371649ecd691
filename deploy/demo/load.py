#!/usr/bin/env python3
"""Loads the demo data (deploy/demo/demo-data.json) through the gateway, as the demo accounts.

./fanzha up runs it once. Standard library only, so it needs nothing beyond python3.
A region that already exists (409) counts as loaded, and a campaign whose theme and region are
already listed is not posted again, so a run that stopped half-way can simply be repeated.
"""

import argparse
import base64
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

TIMEOUT_SECONDS = 30


class LoadError(Exception):
    pass


def http(method, url, token=None, body=None, form=None):
    """Returns (status, parsed JSON or raw text); HTTP errors are answers here, not exceptions."""
    headers = {"Accept": "application/json"}
    data = None
    if token:
        headers["Authorization"] = "Bearer " + token
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    if form is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        data = urllib.parse.urlencode(form).encode("ascii")
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    except urllib.error.URLError as error:
        raise LoadError(f"{method} {url}: {error.reason}") from error
    text = raw.decode("utf-8", errors="replace")
    try:
        return status, json.loads(text) if text else None
    except json.JSONDecodeError:
        return status, text


def token_claims(token):
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def password_token(keycloak, realm, client_id, username, password):
    url = f"{keycloak}/realms/{realm}/protocol/openid-connect/token"
    status, answer = http("POST", url, form={
        "grant_type": "password", "client_id": client_id, "username": username, "password": password})
    if status != 200 or not isinstance(answer, dict) or "access_token" not in answer:
        raise LoadError(f"no token for {username} from {url}: HTTP {status} {answer}")
    return answer["access_token"]


def contains_campaign(listing, campaign):
    """Finds the campaign in a listing of any shape (plain array, or a page object holding one)."""
    if isinstance(listing, dict):
        if listing.get("theme") == campaign["theme"] and listing.get("regionCode") == campaign["regionCode"]:
            return True
        return any(contains_campaign(value, campaign) for value in listing.values())
    if isinstance(listing, list):
        return any(contains_campaign(item, campaign) for item in listing)
    return False


def load_regions(gateway, token, regions, dry_run):
    created = existed = 0
    for region in regions:
        if dry_run:
            print(f"  would POST /api/v1/regions {region['code']} {region['name']}")
            continue
        status, answer = http("POST", f"{gateway}/api/v1/regions", token, body=region)
        if status in (200, 201):
            created += 1
        elif status == 409:
            existed += 1
        else:
            raise LoadError(f"region {region['code']} {region['name']}: HTTP {status} {answer}")
    return created, existed


def load_campaigns(gateway, token, campaigns, dry_run):
    created = existed = 0
    for campaign in campaigns:
        if dry_run:
            print(f"  would POST /api/v1/campaigns {campaign['theme']} ({campaign['regionCode']})")
            continue
        status, listing = http("GET", f"{gateway}/api/v1/campaigns?within={campaign['regionCode']}&size=500", token)
        if status == 200 and contains_campaign(listing, campaign):
            existed += 1
            continue
        status, answer = http("POST", f"{gateway}/api/v1/campaigns", token, body=campaign)
        if status in (200, 201):
            created += 1
        elif status == 409:
            existed += 1
        else:
            raise LoadError(f"campaign {campaign['theme']}: HTTP {status} {answer}")
    return created, existed


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
            token = password_token(args.keycloak, args.realm, args.client_id, account, args.password)
            claims = token_claims(token)
            print(f"{account}: token for region {claims.get('region')}, "
                  f"roles {sorted(claims.get('realm_access', {}).get('roles', []))}")
            regions = load_regions(args.gateway, token, batch["regions"], args.dry_run)
            campaigns = load_campaigns(args.gateway, token, batch.get("campaigns", []), args.dry_run)
            if not args.dry_run:
                print(f"  regions: {regions[0]} created, {regions[1]} already there; "
                      f"campaigns: {campaigns[0]} created, {campaigns[1]} already there")
    except LoadError as error:
        print(f"demo data not loaded: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
