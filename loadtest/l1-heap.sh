#!/usr/bin/env bash
# Heap per cached account, alone: the figure bench.sh reports as "heap per cached account", measured the same way
# (gateway with L1_MAX_ACCOUNTS = 2 x ACCOUNTS and a one-hour TTL, live bytes after a full GC before and after
# priming L1 with every account by wrk in sequential order, divided by the accounts loaded from Redis or
# Postgres, against the mean Redis payload of 1 000 accounts), plus where those bytes went: the class
# histogram's difference per class, in bytes per cached account. One difference from bench.sh: the histogram
# is taken once the decision audit's queue has drained (see below). Then the bytes one warm limit-check
# allocates. No other run: three to four minutes. Writes results.md under loadtest/target/l1-heap/<timestamp>/.
#
# Needs: Postgres and Redis on the local standard ports, wrk, curl, jcmd, psql, redis-cli, python3.
# Knobs (environment): ACCOUNTS (100000), WARMUP_SECONDS (10), WARM_SECONDS (20), CONNECTIONS (64),
# JAVA_OPTS (ParallelGC 1 GiB, as bench.sh), GATEWAY_JAR (another build to compare), SKIP_BUILD=1, SKIP_SEED=1,
# DB (creditgate_l1heap), REDIS_KEY_PREFIX (cgl1heap:), GATEWAY_PORT (28380),
# PRIME_SECONDS (ACCOUNTS / 4000 + WARMUP_SECONDS, as bench.sh), REQUEST_DEADLINE_MILLIS (50, the default): on a
# loaded box, raise the last two so that every account gets cached (breakers that open during the priming leave
# accounts out of L1; the figure is per cached account either way, but the Caffeine frequency sketch is only
# allocated once L1 is half full, i.e. with all 100 000 accounts in an L1 of 200 000).
set -euo pipefail
cd "$(dirname "$0")/.."

ACCOUNTS=${ACCOUNTS:-100000}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
CONNECTIONS=${CONNECTIONS:-64}
JAVA_OPTS=${JAVA_OPTS:--XX:+UseParallelGC -XX:MaxTenuringThreshold=1 -Xms1g -Xmx1g -XX:MaxDirectMemorySize=256m}
read -r -a JAVA_ARGS <<< "$JAVA_OPTS"
DB=${DB:-creditgate_l1heap}
PG_URL="postgresql://postgres@127.0.0.1:5432/${DB}"
REDIS_URL=redis://127.0.0.1:6379
REDIS_KEY_PREFIX=${REDIS_KEY_PREFIX:-cgl1heap:}
GATEWAY_PORT=${GATEWAY_PORT:-28380}
GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
API_KEY=cg_demo_3f9a1c7e5b2d4680
GATEWAY_JAR=${GATEWAY_JAR:-gateway/target/creditgate-gateway-all.jar}
OUT="loadtest/target/l1-heap/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
SERVER_PID=

log() { printf '[l1-heap %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
trap stop_server EXIT

for tool in wrk curl jcmd psql redis-cli python3; do
  command -v "$tool" >/dev/null || { echo "l1-heap.sh needs $tool" >&2; exit 2; }
done
if curl -s -o /dev/null "$GATEWAY/"; then
  echo "port $GATEWAY_PORT is taken by another server: stop it first" >&2
  exit 2
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building"
  mvn -q -pl gateway -am -DskipTests package
fi
if [ "${SKIP_SEED:-0}" != 1 ]; then
  log "fresh database $DB and Redis prefix $REDIS_KEY_PREFIX, seeding $ACCOUNTS accounts"
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  redis-cli --scan --pattern "${REDIS_KEY_PREFIX}*" | xargs -r -n 1000 redis-cli del > /dev/null
  java "${JAVA_ARGS[@]}" -jar "$GATEWAY_JAR" seed --accounts "$ACCOUNTS" \
    --pg-url "$PG_URL" --redis-url "$REDIS_URL" --redis-prefix "$REDIS_KEY_PREFIX" > "$OUT/seed.txt"
fi

log "starting the gateway"
env PG_URL="$PG_URL" REDIS_URL="$REDIS_URL" REDIS_KEY_PREFIX="$REDIS_KEY_PREFIX" HTTP_PORT="$GATEWAY_PORT" \
  RISK_CONFIG_POLL_MILLIS=60000 REQUEST_DEADLINE_MILLIS="${REQUEST_DEADLINE_MILLIS:-50}" L1_MAX_ACCOUNTS=$(( ACCOUNTS * 2 )) L1_TTL_MILLIS=3600000 \
  java "${JAVA_ARGS[@]}" -jar "$GATEWAY_JAR" > "$OUT/gateway.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 1200); do
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "the gateway exited; see $OUT/gateway.log" >&2; exit 1; }
  curl -fsS -o /dev/null "$GATEWAY/health/ready" 2>/dev/null && break
  sleep 0.1
done

jcmd "$SERVER_PID" GC.class_histogram > "$OUT/histogram-before.txt"
curl -fsS "$GATEWAY/metrics" > "$OUT/metrics-before.txt"
prime_seconds=${PRIME_SECONDS:-$(( ACCOUNTS / 4000 + WARMUP_SECONDS ))}
log "priming L1 with every account, ${prime_seconds} s"
wrk -t1 -c"$CONNECTIONS" -d"${prime_seconds}s" --timeout 5s -H "Authorization: Bearer $API_KEY" \
  -s loadtest/bench/post.lua "$GATEWAY" -- /v1/limit-checks limit-check "$ACCOUNTS" 1 "$CONNECTIONS" sequential \
  > "$OUT/prime.wrk.txt"
# bench.sh takes the histogram at once; here the decision audit's queue (records waiting for Postgres, each with
# its own feature vector) first drains, up to a minute, so that the difference is the L1's
for _ in $(seq 1 60); do
  backlog=$(curl -fsS "$GATEWAY/metrics" | awk '/^creditgate_audit_backlog / {print int($2)}')
  [ "${backlog:-0}" = 0 ] && break
  sleep 1
done
log "audit backlog before the histogram: ${backlog:-0}"
curl -fsS "$GATEWAY/metrics" > "$OUT/metrics-after.txt"
jcmd "$SERVER_PID" GC.class_histogram > "$OUT/histogram-after.txt"
redis-cli --scan --pattern "${REDIS_KEY_PREFIX}acct:*" | awk 'NR <= 1000' | sed 's/^/STRLEN /' | redis-cli \
  | awk '{s += $1; n++} END {printf "%.1f\n", s / n}' > "$OUT/payload.txt"

# Then what a warm limit-check allocates: Micrometer's jvm_gc_memory_allocated_bytes_total between two forced
# full GCs (each adds what the young generation filled since the last one) around WARM_SECONDS of wrk on the
# primed L1, divided by the requests wrk got answered. The whole process counts (audit writer included).
allocated() { curl -fsS "$GATEWAY/metrics" | awk '/^jvm_gc_memory_allocated_bytes_total / {printf "%.0f\n", $2}'; }
jcmd "$SERVER_PID" GC.run > /dev/null
allocated > "$OUT/allocated-before.txt"
log "warm limit-checks, ${WARM_SECONDS:-20} s"
wrk -t1 -c"$CONNECTIONS" -d"${WARM_SECONDS:-20}s" --timeout 5s -H "Authorization: Bearer $API_KEY" \
  -s loadtest/bench/post.lua "$GATEWAY" -- /v1/limit-checks limit-check "$ACCOUNTS" 1 "$CONNECTIONS" \
  > "$OUT/warm.wrk.txt"
jcmd "$SERVER_PID" GC.run > /dev/null
allocated > "$OUT/allocated-after.txt"
curl -fsS "$GATEWAY/metrics" > "$OUT/metrics-warm.txt"
stop_server

python3 - "$OUT" <<'EOF' | tee "$OUT/results.md"
import json, os, re, sys
out = sys.argv[1]

def histogram(name):
    classes, total = {}, 0
    for line in open(os.path.join(out, name)):
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m:
            classes[m.group(3)] = (int(m.group(1)), int(m.group(2)))
        elif line.startswith("Total"):
            total = int(line.split()[2])
    return classes, total

def lookups(name):
    values = {}
    for line in open(os.path.join(out, name)):
        m = re.match(r'creditgate_account_lookups_total\{(.*)\} (\S+)', line)
        if m:
            labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
            values[labels["level"] + "." + labels["result"]] = float(m.group(2))
    return values

warm = json.loads([l for l in open(os.path.join(out, "warm.wrk.txt")) if l.startswith("{")][-1])
allocated = int(open(os.path.join(out, "allocated-after.txt")).read()) - int(
    open(os.path.join(out, "allocated-before.txt")).read())
lw = lookups("metrics-warm.txt")
(before, total_before), (after, total_after) = histogram("histogram-before.txt"), histogram("histogram-after.txt")
lb, la = lookups("metrics-before.txt"), lookups("metrics-after.txt")
cached = sum(la.get(k, 0) - lb.get(k, 0) for k in ("redis.hit", "postgres.hit"))
payload = float(open(os.path.join(out, "payload.txt")).read())
per = (total_after - total_before) / max(1, cached)
print("accounts cached: %d; live bytes after full GC: %d -> %d" % (cached, total_before, total_after))
print("heap per cached account: %.0f B; Redis payload (mean of 1 000): %.1f B; heap / payload: %.2f"
      % (per, payload, per / payload))
print("warm run: %d limit-checks (%.0f/s, %d non-2xx), L1 hits %d, misses %d; allocated %.0f B per limit-check"
      % (warm["requests"], warm["rps"], warm["non2xx"], lw.get("l1.hit", 0) - la.get("l1.hit", 0),
         lw.get("l1.miss", 0) - la.get("l1.miss", 0), allocated / max(1, warm["requests"])))
print()
print("| class | instances per account | bytes per account |")
print("|---|---|---|")
rows = []
for name in set(before) | set(after):
    n0, b0 = before.get(name, (0, 0))
    n1, b1 = after.get(name, (0, 0))
    rows.append((b1 - b0, n1 - n0, name))
rows.sort(reverse=True)
shown = 0
for db, dn, name in rows:
    if abs(db) / max(1, cached) >= 1:
        print("| %s | %.2f | %.1f |" % (name, dn / max(1, cached), db / max(1, cached)))
        shown += db
print("| (every other class) | | %.1f |" % ((total_after - total_before - shown) / max(1, cached)))
EOF
log "results in $OUT/results.md"
