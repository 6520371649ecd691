# Sourced by the benchmarks that need a stack of their own (state bench/target/stack, ports 1808x/18180/19092/19400,
# databases fanzha_bench_*), so that a developer's ./fanzha up stack is left alone: starts it from the packaged jars
# without demo data and resets it when the benchmark ends. Sets PG_PORT and PG_JAR (the PostgreSQL JDBC driver).
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

export FANZHA_STATE=bench/target/stack FANZHA_DB_PREFIX=fanzha_bench_
export FANZHA_GATEWAY_PORT=18080 FANZHA_CAMPAIGN_PORT=18081 FANZHA_OUTREACH_PORT=18082 FANZHA_CASESTATS_PORT=18083
export FANZHA_REPORTING_PORT=18084 FANZHA_KEYCLOAK_PORT=18180 FANZHA_KAFKA_PORT=19092 FANZHA_S3_PORT=19400
# Benchmarks measure the services, not the gateway's per-caller budgets: raised out of the way (docs/gateway.md).
export FANZHA_GATEWAY_RATE_LIMITS_READS_PER_SECOND=1000000 FANZHA_GATEWAY_RATE_LIMITS_READS_BURST=1000000
export FANZHA_GATEWAY_RATE_LIMITS_WRITES_PER_SECOND=1000000 FANZHA_GATEWAY_RATE_LIMITS_WRITES_BURST=1000000
export FANZHA_GATEWAY_RATE_LIMITS_BULK_PER_SECOND=1000000 FANZHA_GATEWAY_RATE_LIMITS_BULK_BURST=1000000
PG_PORT=${FANZHA_PG_PORT:-5432}
PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -n 1)

trap 'bench_done 2>/dev/null || true; ./fanzha reset >/dev/null' EXIT
./fanzha reset >/dev/null
./fanzha up --no-build --no-demo >/dev/null
mkdir -p bench/target
