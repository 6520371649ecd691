#!/usr/bin/env bash
# Benchmark: 1,000 photos of 2 MB uploaded by four clients through the gateway into outreach-service (checked against
# their SHA-256, sniffed, stored in S3Proxy), beside the same files put straight into S3Proxy by the same clients,
# measured in the same run, with outreach-service's peak heap and the CPU seconds each process spent in each run. See docs/benchmarks.md.
#
#   bench/evidence_upload.sh      (needs the packaged jars: ./mvnw -DskipTests package)
#
# It runs a stack of its own (bench/stack.sh) and resets it at the end. The services run with ./fanzha's heap.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/stack.sh"

java -cp "$PG_JAR" bench/Imports.java evidence "http://127.0.0.1:$FANZHA_CAMPAIGN_PORT" \
    "http://127.0.0.1:$FANZHA_GATEWAY_PORT" "http://127.0.0.1:$FANZHA_OUTREACH_PORT" \
    "http://127.0.0.1:$FANZHA_KEYCLOAK_PORT" "http://127.0.0.1:$FANZHA_S3_PORT" bench/target "$FANZHA_STATE/pids"
