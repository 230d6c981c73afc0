#!/usr/bin/env bash
# Open-loop tail of two gateway builds or settings, A and B, side by side on one box: both gateways up at once on
# the database bench.sh seeded, each primed (every account into L1), then alternating open-loop rounds (A, B, A,
# B, ...) at one fixed rate, so the box's drift falls on both sides alike. Prints each round's p50/p90/p99/p99.9
# and the medians, and each side's young-collection pauses (-Xlog:gc). The open-loop client is bench.sh's
# (loadtest/target/openloop: run bench.sh once, or gcc -O2 -o loadtest/target/openloop loadtest/src/main/c/openloop.c).
#
# Usage: loadtest/openloop-ab.sh JAR_A JAR_B   (the same jar twice to compare settings)
# Knobs (environment): RATE (20000 req/s), ROUNDS (4), ROUND_SECONDS (10, after 3 s at the rate unrecorded),
# JAVA_OPTS_A / JAVA_OPTS_B (appended to the bench's ParallelGC flags; a later flag wins), ENV_A / ENV_B (extra
# VAR=value settings of each gateway), DB (creditgate_bench), REDIS_KEY_PREFIX (cgbench:), ACCOUNTS (100000),
# PORT_A (28080), PORT_B (28082). Results under loadtest/target/openloop-ab/<timestamp>/.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR_A=${1:?usage: openloop-ab.sh JAR_A JAR_B}
JAR_B=${2:?usage: openloop-ab.sh JAR_A JAR_B}
RATE=${RATE:-20000}
ROUNDS=${ROUNDS:-4}
ROUND_SECONDS=${ROUND_SECONDS:-10}
DB=${DB:-creditgate_bench}
REDIS_KEY_PREFIX=${REDIS_KEY_PREFIX:-cgbench:}
ACCOUNTS=${ACCOUNTS:-100000}
PORT_A=${PORT_A:-28080}
PORT_B=${PORT_B:-28082}
API_KEY=cg_demo_3f9a1c7e5b2d4680
OPEN_LOOP_BINARY=loadtest/target/openloop
OUT="loadtest/target/openloop-ab/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
[ -x "$OPEN_LOOP_BINARY" ] || { echo "no $OPEN_LOOP_BINARY: run bench.sh once, or build it with gcc" >&2; exit 2; }

PIDS=()
stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait
}
trap stop_all EXIT

launch() { # side port jar java-opts env-assignments
  local side=$1 port=$2 jar=$3 opts=$4 extra=$5
  local -a java_opts env_extra
  read -r -a java_opts \
    <<< "-XX:+UseParallelGC -XX:MaxTenuringThreshold=1 -Xms1g -Xmx1g -XX:MaxDirectMemorySize=256m $opts"
  read -r -a env_extra <<< "$extra"
  env PG_URL="postgresql://postgres@127.0.0.1:5432/$DB" REDIS_URL=redis://127.0.0.1:6379 \
    REDIS_KEY_PREFIX="$REDIS_KEY_PREFIX" HTTP_PORT="$port" RISK_CONFIG_POLL_MILLIS=60000 \
    L1_MAX_ACCOUNTS=$(( ACCOUNTS * 2 )) L1_TTL_MILLIS=3600000 "${env_extra[@]}" \
    java "${java_opts[@]}" "-Xlog:gc:file=$OUT/gc-$side.log:uptime" -jar "$jar" > "$OUT/gateway-$side.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 1200); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "gateway $side did not become ready; see $OUT/gateway-$side.log" >&2
  exit 1
}

closed_loop() { # port connections seconds mode
  wrk -t1 -c"$2" -d"$3s" --timeout 5s -H "Authorization: Bearer $API_KEY" -s loadtest/bench/post.lua \
    "http://127.0.0.1:$1" -- /v1/limit-checks limit-check "$ACCOUNTS" 1 "$2" "$4" 0 | grep '^{'
}

launch A "$PORT_A" "$JAR_A" "${JAVA_OPTS_A:-}" "${ENV_A:-}"
launch B "$PORT_B" "$JAR_B" "${JAVA_OPTS_B:-}" "${ENV_B:-}"
for port in "$PORT_A" "$PORT_B"; do
  closed_loop "$port" 4 10 sequential > /dev/null
  closed_loop "$port" 64 $(( ACCOUNTS / 4000 + 5 )) sequential > /dev/null
  closed_loop "$port" 64 10 random > "$OUT/peak-$port.json"
done
for round in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    port=$PORT_A
    [ "$side" = B ] && port=$PORT_B
    "$OPEN_LOOP_BINARY" "http://127.0.0.1:$port" /v1/limit-checks limit-check "$ACCOUNTS" "$RATE" \
      "$ROUND_SECONDS" 3 64 "$API_KEY" | grep '^{' > "$OUT/$side-r$round.json"
  done
done
python3 - "$OUT" "$ROUNDS" "$RATE" "$PORT_A" "$PORT_B" <<'PY' | tee "$OUT/results.txt"
import json, os, re, statistics, sys
out, rounds, rate, port_a, port_b = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
keys = ("p50Millis", "p90Millis", "p99Millis", "p999Millis", "maxMillis")
print("open loop at %s req/s, %d alternated rounds each" % (rate, rounds))
for side, port in (("A", port_a), ("B", port_b)):
    peak = json.load(open(os.path.join(out, "peak-%s.json" % port)))["rps"]
    runs = [json.load(open(os.path.join(out, "%s-r%d.json" % (side, r)))) for r in range(1, rounds + 1)]
    for r, run in enumerate(runs, 1):
        print("%s round %d: p50 %.3f p90 %.3f p99 %.3f p99.9 %.3f max %.1f ms"
              % ((side, r) + tuple(run[k] for k in keys)))
    pauses = [float(m.group(1)) for m in (re.search(r"Pause Young.* ([0-9.]+)ms$", line.strip())
              for line in open(os.path.join(out, "gc-%s.log" % side))) if m]
    last = pauses[-30:] or [0.0]
    print("%s: closed-loop peak %.0f req/s; medians p90 %.2f p99 %.2f p99.9 %.2f ms; young pauses %d, last 30 mean "
          "%.1f max %.1f ms" % (side, peak, statistics.median(r["p90Millis"] for r in runs),
                                statistics.median(r["p99Millis"] for r in runs),
                                statistics.median(r["p999Millis"] for r in runs), len(pauses),
                                sum(last) / len(last), max(last)))
PY
