#!/usr/bin/env bash
# Benchmark: a national-scope admin imports a national-size division tree (665,000 regions) into campaign-service,
# beside its reference measured in the same run: PostgreSQL's own COPY of the same file into a bare table; then
# the time until reporting-service shows every region of the last province. See docs/benchmarks.md.
#
#   bench/region_import.sh      (needs the packaged jars: ./mvnw -DskipTests package)
#
# It runs a stack of its own (bench/stack.sh) and resets it at the end. The services run with ./fanzha's heap.
set -euo pipefail
# The service's own account of its phases, printed before the stack is reset.
bench_done() {
    grep -h "Region import:" bench/target/stack/logs/campaign*.log | sed "s/^/campaign-service: /"
}
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/stack.sh"

java -cp "$PG_JAR" bench/Imports.java regions "http://127.0.0.1:$FANZHA_CAMPAIGN_PORT" \
    "http://127.0.0.1:$FANZHA_REPORTING_PORT" "http://127.0.0.1:$FANZHA_KEYCLOAK_PORT" \
    "jdbc:postgresql://127.0.0.1:$PG_PORT/${FANZHA_DB_PREFIX}campaign" bench/target/national.csv
