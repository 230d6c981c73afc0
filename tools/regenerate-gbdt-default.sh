#!/usr/bin/env bash
# Regenerates scoring/src/main/resources/models/gbdt-default.json with xgboost4j (the test-scope oracle):
# 100 trees, depth 6, binary:logistic, trained on a seeded synthetic population (SyntheticPopulation).
# Usage: tools/regenerate-gbdt-default.sh [output.json]
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -q -pl scoring -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
java -cp "scoring/target/test-classes:scoring/target/classes:$(cat "$classpath_file")" \
  com.creditgate.scoring.model.gbdt.DefaultGbdtModelGenerator \
  "${1:-scoring/src/main/resources/models/gbdt-default.json}"
