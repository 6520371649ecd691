#!/usr/bin/env bash
# Benchmark: the demo agency pushes 99,840 weekly case reports (960 villages x 104 weeks) as CSV into
# case-stats-service, then the same file again, each beside its reference measured in the same run: PostgreSQL's
# own COPY of the same file into a bare table; then the completeness query of each week for the county, beside
# the same query run directly over JDBC. See docs/benchmarks.md.
#
#   bench/case_report_import.sh      (needs the packaged jars: ./mvnw -DskipTests package)
#
# It runs a stack of its own (bench/stack.sh) and resets it at the end. The services run with ./fanzha's heap.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/stack.sh"

java -cp "$PG_JAR" bench/Imports.java case-reports "http://127.0.0.1:$FANZHA_CAMPAIGN_PORT" \
    "http://127.0.0.1:$FANZHA_CASESTATS_PORT" "http://127.0.0.1:$FANZHA_KEYCLOAK_PORT" \
    "jdbc:postgresql://127.0.0.1:$PG_PORT/${FANZHA_DB_PREFIX}casestats" bench/target
