#!/usr/bin/env bash
# Benchmark: 200,000 door-to-door visits synced through the gateway in batches of 500 by four clients at once,
# beside the same rows inserted by plain JDBC batches of 500 into a copy of the table, measured in the same run;
# then the ledger of one township's 100,000 visits exported as CSV and XLSX through the gateway, beside PostgreSQL's
# COPY of the same query, with outreach-service's peak heap. See docs/benchmarks.md.
#
#   bench/outreach_sync.sh      (needs the packaged jars: ./mvnw -DskipTests package)
#
# It runs a stack of its own (bench/stack.sh) and resets it at the end. The services run with ./fanzha's heap.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/stack.sh"

java -cp "$PG_JAR" bench/Imports.java outreach "http://127.0.0.1:$FANZHA_CAMPAIGN_PORT" \
    "http://127.0.0.1:$FANZHA_GATEWAY_PORT" "http://127.0.0.1:$FANZHA_OUTREACH_PORT" \
    "http://127.0.0.1:$FANZHA_KEYCLOAK_PORT" "jdbc:postgresql://127.0.0.1:$PG_PORT/${FANZHA_DB_PREFIX}outreach" bench/target
