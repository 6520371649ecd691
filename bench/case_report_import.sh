#!/usr/bin/env bash
# Benchmark: the demo agency pushes 100,000 weekly case reports (1,000 villages x 100 weeks) as CSV into
# case-stats-service, then the same file again, each beside its reference measured in the same run: PostgreSQL's
# own COPY of the same file into a bare table. See docs/benchmarks.md.
#
#   bench/case_report_import.sh      (needs the packaged jars: ./mvnw -DskipTests package)
#
# It runs a stack of its own (state bench/target/stack, ports 1808x/18180/19092, databases fanzha_bench_*), so a
# developer's ./fanzha up stack is left alone, and resets it at the end. The services run with ./fanzha's heap.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

export FANZHA_STATE=bench/target/stack FANZHA_DB_PREFIX=fanzha_bench_
export FANZHA_GATEWAY_PORT=18080 FANZHA_CAMPAIGN_PORT=18081 FANZHA_OUTREACH_PORT=18082 FANZHA_CASESTATS_PORT=18083
export FANZHA_REPORTING_PORT=18084 FANZHA_KEYCLOAK_PORT=18180 FANZHA_KAFKA_PORT=19092
PG_PORT=${FANZHA_PG_PORT:-5432}
PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -n 1)

trap './fanzha reset >/dev/null' EXIT
./fanzha reset >/dev/null
./fanzha up --no-build --no-demo >/dev/null
mkdir -p bench/target

java -cp "$PG_JAR" bench/Imports.java case-reports "http://127.0.0.1:$FANZHA_CAMPAIGN_PORT" \
    "http://127.0.0.1:$FANZHA_CASESTATS_PORT" "http://127.0.0.1:$FANZHA_KEYCLOAK_PORT" \
    "jdbc:postgresql://127.0.0.1:$PG_PORT/${FANZHA_DB_PREFIX}casestats" bench/target
