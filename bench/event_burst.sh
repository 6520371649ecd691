#!/usr/bin/env bash
# Benchmark: a burst of region events (a province loading its division tree) and how fast reporting-service
# applies it, beside its reference measured in the same run: the same upserts as JDBC batches straight into
# PostgreSQL. See docs/benchmarks.md.
#
#   bench/event_burst.sh [EVENTS]      (default 20000; needs the packaged jars: ./mvnw -DskipTests package)
#
# It runs a stack of its own (state bench/target/stack, ports 1808x/18180/19092, databases fanzha_bench_*),
# so a developer's ./fanzha up stack is left alone, and resets it at the end. Two rounds:
#   live     the consumer runs while the burst is published;
#   backlog  the consumer is stopped while the burst is published and started afterwards, so its own rate
#            shows rather than the publisher's.
set -euo pipefail

EVENTS=${1:-20000}
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/stack.sh"
TOOLS=${FANZHA_TOOLS:-.fanzha/tools}

burst() {
    java -cp "$TOOLS/kafka/lib/*:$PG_JAR" bench/EventBurst.java "$1" "127.0.0.1:$FANZHA_KAFKA_PORT" \
        "jdbc:postgresql://127.0.0.1:$PG_PORT/${FANZHA_DB_PREFIX}reporting" "$EVENTS" 2>&1 | grep --line-buffered -v SLF4J
}

echo "== live: reporting-service consumes while $EVENTS events are published"
burst live
echo "== backlog: $EVENTS events wait on the topic, then reporting-service starts"
./fanzha stop reporting >/dev/null
burst backlog | while IFS= read -r line; do
    echo "$line"
    if [[ $line == published\;* ]]; then ./fanzha start reporting >/dev/null; fi
done
