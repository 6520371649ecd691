#!/usr/bin/env bash
# Benchmark: reporting-service on a county with one million outreach records and two years of weekly case figures:
# how fast it applies them (beside JDBC batches into a copy of its table), the event-to-report latency at a steady
# rate (p50, p99), the coverage and bulletin latency directly and through the gateway (p50, p95, beside the bare SQL
# of the coverage count), and a rebuild of the read models from the topics. See docs/benchmarks.md.
#
#   bench/reports.sh [RECORDS]      (default 1000000; needs the packaged jars: ./mvnw -DskipTests package)
#
# It runs a stack of its own (bench/stack.sh) and resets it at the end. The services run with ./fanzha's heap.
set -euo pipefail

RECORDS=${1:-1000000}
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/stack.sh"
TOOLS=${FANZHA_TOOLS:-.fanzha/tools}

java -cp "$TOOLS/kafka/lib/*:$PG_JAR" bench/Reports.java "127.0.0.1:$FANZHA_KAFKA_PORT" \
    "http://127.0.0.1:$FANZHA_GATEWAY_PORT" "http://127.0.0.1:$FANZHA_REPORTING_PORT" \
    "http://127.0.0.1:$FANZHA_KEYCLOAK_PORT" "jdbc:postgresql://127.0.0.1:$PG_PORT/${FANZHA_DB_PREFIX}reporting" \
    "$RECORDS" 2>&1 | grep --line-buffered -v SLF4J
