#!/usr/bin/env bash
# What the decision log costs Postgres through the gateway: starts the gateway jar $1 on database DBNAME
# (creditgate_bench, seeded by loadtest/bench.sh or `java -jar ... seed`), primes L1 (30 s sequential), warms up
# 15 s, drives warm limit-checks for $2 s (20) with wrk, and prints the CPU seconds of every Postgres backend of
# the database over the run plus the time of merging the account indexes' GIN pending lists right after, per
# 100 000 audit rows written, and the gateway's CPU per request. Run it alternately for the jars to compare, each
# on a database of its own (DBNAME, PREFIX for the Redis keys). Needs no active holds in the database (the hold
# sweeper's writes would count).
# Usage: tools/audit-insert-bench/gateway-audit-cpu.sh JAR [SECONDS]
set -euo pipefail
JAR=$1; SECS=${2:-20}; PORT=28380
cd "$(dirname "$0")/../.."
env PG_URL=postgresql://postgres@127.0.0.1:5432/${DBNAME:-creditgate_bench} REDIS_URL=redis://127.0.0.1:6379 REDIS_KEY_PREFIX=${PREFIX:-cgbench:} HTTP_PORT=$PORT \
  RISK_CONFIG_POLL_MILLIS=60000 PG_POOL_SIZE=8 L1_MAX_ACCOUNTS=200000 L1_TTL_MILLIS=3600000 \
  java -XX:+UseParallelGC -Xms1g -Xmx1g -jar "$JAR" > /tmp/auditcpu/gw.log 2>&1 &
GW=$!
sleep 0.5
trap 'kill $GW 2>/dev/null; while kill -0 $GW 2>/dev/null; do sleep 0.2; done' EXIT
for i in $(seq 1 600); do curl -fs -o /dev/null http://127.0.0.1:$PORT/health/ready && break; sleep 0.2; done
W="wrk -t1 -c64 --timeout 5s -H 'Authorization: Bearer cg_demo_3f9a1c7e5b2d4680' -s loadtest/bench/post.lua http://127.0.0.1:$PORT"
eval "$W -d30s -- /v1/limit-checks limit-check 100000 1 64 sequential" > /dev/null   # prime + JIT
eval "$W -d15s -- /v1/limit-checks limit-check 100000 1 64" > /dev/null
pids=$(psql -h 127.0.0.1 -U postgres -Atc "select pid from pg_stat_activity where datname='${DBNAME:-creditgate_bench}'")
cpu() { local t=0 f; for p in $pids; do f=$(cat /proc/$p/stat 2>/dev/null | rev | cut -d')' -f1 | rev || true); [ -n "$f" ] || continue; set -- $f; t=$((t + ${12} + ${13})); done; echo $t; }
gwcpu() { set -- $(cat /proc/$GW/stat | rev | cut -d')' -f1 | rev); echo $((${12} + ${13})); }
w0=$(curl -fs http://127.0.0.1:$PORT/metrics | awk '/^creditgate_audit_written_total/ {print $2}')
pids=$(psql -h 127.0.0.1 -U postgres -Atc "select pid from pg_stat_activity where datname='${DBNAME:-creditgate_bench}'")
c0=$(cpu); g0=$(gwcpu)
eval "$W -d${SECS}s -- /v1/limit-checks limit-check 100000 1 64" | grep -E 'Requests/sec' 
c1=$(cpu); g1=$(gwcpu)
# the GIN pending list's merge, which a later insert (or vacuum) would do: its time, on one backend, counts here
clean=$(psql -h 127.0.0.1 -U postgres -d ${DBNAME:-creditgate_bench} -Atc "\\timing on" -c "select count(gin_clean_pending_list(i.indexrelid)) from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname like '%account_ids_idx'" 2>/dev/null | awk '/^Time/ {print $2}')
clean=${clean:-0}
sleep 1
w1=$(curl -fs http://127.0.0.1:$PORT/metrics | awk '/^creditgate_audit_written_total/ {print $2}')
python3 -c "
rows=$w1-$w0; pg=($c1-$c0)/100 + $clean/1000; gw=($g1-$g0)/100
print(f'gin clean {$clean/1000:.2f} s; rows {rows:.0f}, postgres backends {pg:.2f} CPU-s = {pg/rows*1e5:.2f} per 100k rows; gateway {gw:.2f} CPU-s = {gw/rows*1e6:.1f} us per request')"
