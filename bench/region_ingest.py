#!/usr/bin/env python3
"""Benchmark: region writes through the gateway, and how fast they reach the reporting read model.

Run against a running stack (./fanzha up). Creates one new village under township 341825101 and
N grids below it with C concurrent clients, as county-admin, then polls the reporting summary
until all N are there. Prints request throughput and latency percentiles, and the time from the
last acknowledged write until reporting shows every region (outbox relay + Kafka + consumer).

    python3 bench/region_ingest.py --count 500 --concurrency 8
"""
import argparse
import json
import random
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def call(method, url, token=None, body=None, form=None):
    headers = {}
    data = None
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body).encode()
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def token(keycloak):
    status, answer = call("POST", f"{keycloak}/realms/fanzha/protocol/openid-connect/token", form={
        "grant_type": "password", "client_id": "fanzha-web", "username": "county-admin", "password": "demo"})
    if status != 200:
        sys.exit(f"no token from {keycloak}: HTTP {status} {answer}")
    return answer["access_token"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gateway", default="http://localhost:8080")
    parser.add_argument("--keycloak", default="http://localhost:8180")
    parser.add_argument("--count", type=int, default=500, help="grids to create (at most 999)")
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    if not 1 <= args.count <= 999:
        sys.exit("--count must be 1..999 (grids of one village)")

    bearer = token(args.keycloak)
    for _ in range(50):
        village = f"341825101{random.randint(300, 999)}"
        status, _ = call("POST", f"{args.gateway}/api/v1/regions", bearer,
                         {"code": village, "name": "压测村", "residentHouseholds": 1000})
        if status == 201:
            break
    else:
        sys.exit("could not create a fresh village under 341825101 (is the demo data loaded?)")

    def create(index):
        started = time.perf_counter()
        status, answer = call("POST", f"{args.gateway}/api/v1/regions", bearer,
                              {"code": f"{village}{index:03d}", "name": f"网格{index}", "residentHouseholds": 10})
        if status != 201:
            raise RuntimeError(f"grid {index}: HTTP {status} {answer}")
        return time.perf_counter() - started

    began = time.perf_counter()
    with ThreadPoolExecutor(args.concurrency) as pool:
        latencies = list(pool.map(create, range(1, args.count + 1)))
    written = time.perf_counter()

    summary = f"{args.gateway}/api/v1/reports/regions/{village}/summary"
    while True:
        status, answer = call("GET", summary, bearer)
        if status == 200 and answer["regionCount"] == args.count + 1:
            break
        if time.perf_counter() - written > 120:
            sys.exit(f"reporting did not catch up within 120 s: {answer}")
        time.sleep(0.02)
    caught_up = time.perf_counter()

    ms = [latency * 1000 for latency in latencies]
    print(f"regions created       {args.count} grids below village {village}, {args.concurrency} clients")
    print(f"write throughput      {args.count / (written - began):.0f} requests/s")
    print(f"write latency (ms)    p50 {percentile(ms, .5):.1f}  p95 {percentile(ms, .95):.1f}  "
          f"p99 {percentile(ms, .99):.1f}  max {max(ms):.1f}  mean {statistics.mean(ms):.1f}")
    print(f"reporting caught up   {(caught_up - written) * 1000:.0f} ms after the last write was acknowledged")


if __name__ == "__main__":
    main()
