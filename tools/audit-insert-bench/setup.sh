#!/usr/bin/env bash
# Creates database $1 with the gateway's migrations up to and including $2 (e.g. V010), then prefill.sql.
# Usage: setup.sh DB LAST_MIGRATION IDKIND [ROWS] [BATCHES]   (IDKIND: v4text | v7uuid)
set -euo pipefail
db=$1 last=$2 idkind=$3 rows=${4:-1000000} batches=${5:-200}
here=$(cd "$(dirname "$0")" && pwd)
migrations=$here/../../gateway/src/main/resources/db/migration
psql() { command psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
createdb -h 127.0.0.1 -U postgres "$db"
while read -r name; do
  [ -n "$name" ] || continue
  psql -d "$db" -1 -f "$migrations/$name"
  [[ $name == "$last"__* ]] && break
done < "$migrations/index.txt"
psql -d "$db" -v day=2026-12-05 -v rows="$rows" -v batches="$batches" -v batch=2000 -v idkind="$idkind" \
  -f "$here/prefill.sql"
