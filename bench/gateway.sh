#!/usr/bin/env bash
# Benchmark: the price of going through the gateway. The same authenticated GET of a region and the same region POST
# (a new village each request), directly on campaign-service and through the gateway, one after the other in one run:
# requests/s, p50 and p99 (wrk; tokens of 40 viewers, or 40 county admins, in rotation) and the CPU each process
# spent a request; /q/health/live for plain forwarding; and the reference of the writes, PostgreSQL alone committing
# the same two inserts a write makes (the region and its outbox row) with pgbench. See docs/benchmarks.md, "The
# gateway's price".
#
#   bench/gateway.sh [SECONDS] [CONNECTIONS] [ROUNDS] [WARM-UP]   (defaults 20, 8, 2, 60; needs wrk and pgbench
#                                                                  (apt-get install wrk postgresql-client) and the
#                                                                  packaged jars)
#
# Each run is first warmed up for WARM-UP seconds: the JIT compilers of the stack's JVMs, on two cores, take about
# 90 s of steady load to settle, and until then compiling is most of the CPU a request seems to cost.
#
# FANZHA_BENCH_RUNS=health,get,post (the default) chooses the pairs of runs; the reference runs with post.
#
# With nginx installed (apt-get install nginx-light), the read is also run through nginx as a plain reverse proxy in
# front of campaign-service (keep-alive connections to it, an access log, no token check): the reference of what
# proxying at all costs on this machine, beside which the gateway's price reads.
#
# It runs a stack of its own (bench/stack.sh; its gateway's rate limits raised) and resets it at the end.
set -euo pipefail

DURATION=${1:-20}
CONNECTIONS=${2:-8}
ROUNDS=${3:-2}
WARMUP=${4:-60}
USERS=40
COUNTY=341825
for tool in wrk pgbench curl; do
    command -v "$tool" >/dev/null || { echo "bench/gateway.sh needs $tool" >&2; exit 1; }
done
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/stack.sh"

KEYCLOAK=http://127.0.0.1:$FANZHA_KEYCLOAK_PORT
DIRECT=http://127.0.0.1:$FANZHA_CAMPAIGN_PORT
GATEWAY=http://127.0.0.1:$FANZHA_GATEWAY_PORT
WORK=bench/target/gateway
rm -rf "$WORK" && mkdir -p "$WORK"

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
token() { # client username password
    curl -sSf "$KEYCLOAK/realms/$1/protocol/openid-connect/token" -d grant_type=password -d "client_id=$2" \
        -d "username=$3" -d "password=$4" | json_field access_token
}

# 40 viewers and 40 county admins of the county, each with its own token (its own subject, its own budget), added
# in one partial import (the master realm's admin token lives a minute).
python3 - "$USERS" "$COUNTY" > "$WORK/users.json" <<'PY'
import json, sys
users, county = int(sys.argv[1]), sys.argv[2]
print(json.dumps({"ifResourceExists": "SKIP", "users": [
    {"username": f"bench-{role}-{i}", "enabled": True, "emailVerified": True, "email": f"bench-{role}-{i}@example.org",
     "firstName": "Bench", "lastName": str(i), "attributes": {"region": [county]},
     "credentials": [{"type": "password", "value": "bench", "temporary": False}], "realmRoles": [role]}
    for role in ("viewer", "admin") for i in range(1, users + 1)]}))
PY
curl -sSf -o /dev/null -H "Authorization: Bearer $(token master admin-cli admin admin)" \
    -H 'Content-Type: application/json' "$KEYCLOAK/admin/realms/fanzha/partialImport" -d @"$WORK/users.json"
tokens() { # role: a fresh token of each user (tokens live 15 minutes; each pair of runs takes new ones)
    for i in $(seq 1 $USERS); do token fanzha fanzha-web "bench-$1-$i" bench; done > "$WORK/$1.tokens"
}

# The county and the townships the writes put their villages under (each wrk thread its own 50 a run).
ROUNDS_TOWNSHIPS=$(((ROUNDS + 1) * 200))
tokens admin
ADMIN_TOKEN=$(head -n 1 "$WORK/admin.tokens")
post_region() {
    curl -sSf -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
        "$DIRECT/api/v1/regions" -d "$1"
}
post_region "{\"code\": \"$COUNTY\", \"name\": \"旌德县\", \"residentHouseholds\": 49200}"
for t in $(seq 1 $ROUNDS_TOWNSHIPS); do
    post_region "$(printf '{"code": "%s%03d", "name": "基准镇%d", "residentHouseholds": 1000}' $COUNTY "$t" "$t")"
done

# The reference: the two inserts of a region write, in one transaction, on copies of campaign-service's tables.
DB=${FANZHA_DB_PREFIX}campaign
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" -c "CREATE TABLE bench_region (LIKE region INCLUDING ALL);
    CREATE TABLE bench_outbox (LIKE outbox_event INCLUDING ALL);"
cat > "$WORK/write.sql" <<'SQL'
\set n random(1, 999999999)
BEGIN;
SELECT code FROM region WHERE code = '341825001' FOR SHARE;
INSERT INTO bench_region (code, name, parent_code, level, path, resident_households, created_at, updated_at, version)
    VALUES ('9' || lpad(:client_id::text, 3, '0') || lpad(:n::text, 11, '0'), '基准村', '341825001', 'VILLAGE',
            '34/3418/341825/341825001/x', 100, now(), now(), 0) ON CONFLICT DO NOTHING;
INSERT INTO bench_outbox (id, topic, event_type, source, subject, event_key, payload, created_at)
    VALUES (gen_random_uuid(), 'fanzha.campaign.v1', 'fanzha.region.created.v1', 'campaign-service', 'x', '341825',
            '{"code": "341825001001", "name": "基准村", "parentCode": "341825001", "level": "VILLAGE"}', now());
COMMIT;
SQL
reference() { # also PostgreSQL's CPU a transaction, beside what it spends on a write of the stack
    local before after
    before=$(cpu_ticks | awk '$1 == "postgres" { print $2 }')
    pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U postgres -c 4 -j 2 -T "$DURATION" -f "$WORK/write.sql" "$DB" 2>/dev/null \
        > "$WORK/pgbench.out"
    after=$(cpu_ticks | awk '$1 == "postgres" { print $2 }')
    awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" -v seconds="$DURATION" '/^tps/ {
        printf "%-44s %8.0f/s\n%-44s CPU ms a request: postgres %.3f\n", "PostgreSQL alone, pgbench, 4 clients", $3, "",
            ticks * 1000 / hz / ($3 * seconds) }' "$WORK/pgbench.out"
}

# With FANZHA_BENCH_PROFILE=gateway,campaign (components of the stack) each run is recorded in those processes:
# with JDK Flight Recorder, bench/target/gateway/<run>.<component>.jfr (read with `jfr view hot-methods`, JDK 21+);
# or, when FANZHA_BENCH_ASYNC_PROFILER names async-profiler's libasyncProfiler.so (Maven Central,
# tools.profiler:async-profiler:4.2:jar:linux-x64), with its CPU sampling, which also sees the garbage collector,
# the JIT compiler and the kernel: bench/target/gateway/<run>.<component>.collapsed (one stack a line, with its count).
# Load it at start too (FANZHA_SERVICE_JVM_OPTS=-agentpath:<the .so>): attached later, it has the JVM compile its
# code anew, and the compilers' work would be most of the profile.
profile() { # start|stop LABEL
    local component pid file
    for component in $(tr , " " <<< "${FANZHA_BENCH_PROFILE:-}"); do
        pid=$(cat "$FANZHA_STATE/pids/$component.pid")
        file="$PWD/$WORK/$(tr -c 'a-zA-Z0-9\n' - <<< "$2").$component"
        # async-profiler's options go quoted: jcmd would read their key=value pairs as its own.
        if [[ -n ${FANZHA_BENCH_ASYNC_PROFILER:-} && $1 == start ]]; then
            jcmd "$pid" JVMTI.agent_load "$FANZHA_BENCH_ASYNC_PROFILER" \
                '"start,event=cpu,interval=5ms,threads"' >/dev/null
        elif [[ -n ${FANZHA_BENCH_ASYNC_PROFILER:-} ]]; then
            jcmd "$pid" JVMTI.agent_load "$FANZHA_BENCH_ASYNC_PROFILER" \
                "\"stop,collapsed,file=$file.collapsed\"" >/dev/null
        elif [[ $1 == start ]]; then
            jcmd "$pid" JFR.start name=bench settings=profile >/dev/null
        else
            jcmd "$pid" JFR.stop name=bench "filename=$file.jfr" >/dev/null
        fi
    done
}

# CPU time (clock ticks, user and system) of each process of the stack and of PostgreSQL's, one "name ticks" a line;
# PostgreSQL's with the backends that have ended since it started (its postmaster's reaped children, as pgbench's);
# then, as part of that, the CPU of the backends connected to each database of the stack (pg-campaign, ...): which
# service's work PostgreSQL's time goes to (the pools keep their connections through a run).
cpu_ticks() {
    local file pid db
    for file in "$FANZHA_STATE"/pids/*.pid; do
        pid=$(cat "$file")
        [[ -r /proc/$pid/stat ]] && echo "$(basename "$file" .pid) $(ticks_of '$14 + $15' "$pid")"
    done
    # shellcheck disable=SC2046 # one process id a word
    [[ -z $NGINX ]] || echo "nginx $(ticks_of '$14 + $15' $(pgrep -x nginx))"
    # shellcheck disable=SC2046
    echo "postgres $(ticks_of '$14 + $15 + $16 + $17' $(pgrep -x postgres))"
    per_database pg_stat_activity pid | while read -r db pid; do echo "pg-$db $(ticks_of '$14 + $15' "$pid")"; done \
        | awk '{ total[$1] += $2 } END { for (db in total) print db, total[db] }'
}

ticks_of() { # SUM PID...: the sum over those processes of SUM, an awk expression of the fields of /proc/<pid>/stat
    local sum=$1 pid
    shift
    for pid in "$@"; do awk "{ print $sum }" "/proc/$pid/stat" 2>/dev/null; done | awk '{ total += $1 } END { print total + 0 }'
}

per_database() { # VIEW COLUMN: "service value" a line, for each row of a PostgreSQL statistics view in the stack's databases
    psql -qAt -F ' ' -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "SELECT substr(datname,
        length('$FANZHA_DB_PREFIX') + 1), $2 FROM $1 WHERE datname LIKE '${FANZHA_DB_PREFIX}%'"
}

# One wrk run: LABEL URL TOKENS [post FIRST_TOWNSHIP]; prints requests/s, p50 and p99 and any answer not 2xx/3xx, and
# below it the CPU milliseconds each process of the stack spent per request (where a request's cost goes).
# Transactions committed so far in each database of the stack, one "service commits" a line.
commits() {
    per_database pg_stat_database xact_commit
}

run() {
    local label=$1 url=$2 tokens=$3 mode=${4:-get} first=${5:-1} result before committed
    profile start "$label"
    before=$(cpu_ticks)
    committed=$(commits)
    result=$(wrk -t2 "-c$CONNECTIONS" "-d${SECONDS_A_RUN:-$DURATION}s" --timeout 10s -s bench/wrk/fanzha.lua "$url" -- \
        "$WORK/$tokens.tokens" "$mode" "$COUNTY" "$first" | grep '^RESULT')
    profile stop "$label"
    read -r _ rps p50 p99 requests bad <<< "$result"
    printf '%-44s %8s/s  p50 %7s ms  p99 %7s ms  (%s requests, %s failed)\n' "$label" "$rps" "$p50" "$p99" \
        "$requests" "$bad"
    # Ticks are 1/CLK_TCK s; a process that used less than 0.005 ms a request is left out.
    join <(sort <<< "$before") <(cpu_ticks | sort) | awk -v requests="$requests" -v hz="$(getconf CLK_TCK)" '
        { ms = ($3 - $2) * 1000 / hz / requests; if (ms >= 0.005) line = line sprintf(" %s %.3f", $1, ms) }
        END { printf "%-44s CPU ms a request:%s\n", "", line }'
    # PostgreSQL publishes its counters about once a second: near enough over a run of several.
    sleep 1
    join <(sort <<< "$committed") <(commits | sort) | awk -v requests="$requests" '
        { n = ($3 - $2) / requests; if (n >= 0.01) line = line sprintf(" %s %.2f", $1, n) }
        END { printf "%-44s PostgreSQL commits a request:%s\n", "", line }'
}

chosen() { [[ ,${FANZHA_BENCH_RUNS:-health,get,post}, == *,$1,* ]]; }

echo "== $CONNECTIONS connections, ${DURATION} s a run, $ROUNDS rounds; each run warmed up for $WARMUP s first"
tokens viewer
warm_up() { SECONDS_A_RUN=$WARMUP FANZHA_BENCH_PROFILE= run "$@" >/dev/null; }
# nginx's reference proxy (see the header), on a port of its own; stopped with the benchmark.
NGINX=
if command -v nginx >/dev/null; then
    NGINX_PORT=18090 NGINX=http://127.0.0.1:18090
    mkdir -p "$WORK/nginx"
    cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
pid nginx.pid;
error_log error.log warn;
events { worker_connections 1024; }
http {
    access_log access.log combined buffer=64k flush=1s;
    upstream campaign { server 127.0.0.1:$FANZHA_CAMPAIGN_PORT; keepalive 32; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://campaign;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
    }
}
CONF
    nginx -p "$PWD/$WORK/nginx" -c nginx.conf
    bench_done() { nginx -p "$PWD/$WORK/nginx" -c nginx.conf -s stop; }
fi

# The chosen pairs of runs, by RUNNER (run, or warm_up); the writes make villages from township FIRST on.
pairs() { # RUNNER LABEL-PREFIX FIRST
    local runner=$1 prefix=$2 first=$3
    if chosen health; then
        $runner "${prefix}GET /q/health/live, direct" "$DIRECT/q/health/live" viewer
        $runner "${prefix}GET /q/health/live, gateway" "$GATEWAY/q/health/live" viewer
    fi
    if chosen get; then
        $runner "${prefix}GET /api/v1/regions/$COUNTY, direct" "$DIRECT/api/v1/regions/$COUNTY" viewer
        $runner "${prefix}GET /api/v1/regions/$COUNTY, gateway" "$GATEWAY/api/v1/regions/$COUNTY" viewer
        [[ -z $NGINX ]] || $runner "${prefix}GET /api/v1/regions/$COUNTY, nginx" "$NGINX/api/v1/regions/$COUNTY" viewer
    fi
    if chosen post; then
        [[ $runner == warm_up ]] || reference
        $runner "${prefix}POST /api/v1/regions, direct" "$DIRECT/api/v1/regions" admin post "$first"
        $runner "${prefix}POST /api/v1/regions, gateway" "$GATEWAY/api/v1/regions" admin post "$((first + 100))"
    fi
}
pairs warm_up "warm-up: " 1
for round in $(seq 1 "$ROUNDS"); do
    echo "-- round $round"
    tokens viewer
    tokens admin
    pairs run "" $((round * 200 + 1))
done
