#!/usr/bin/env bash
# Builds the gateway if needed and starts it. Without PG_URL it runs on the embedded default.
set -euo pipefail
cd "$(dirname "$0")"
jar=gateway/target/creditgate-gateway-all.jar
if [ ! -f "$jar" ] || [ -n "$(find common scoring gateway -newer "$jar" \( -name '*.java' -o -name '*.json' -o -name '*.sql' -o -name 'pom.xml' \) -print -quit)" ]; then
  mvn -q -pl gateway -am package -DskipTests
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
