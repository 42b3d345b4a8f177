#!/usr/bin/env bash
# The operators' view of the services' logs, from the per-service files `make run` writes
# (var/log/<service>.log: each service's own lines, as it printed them).
#
#   scripts/logs.sh                 follow every service's log, interleaved, each line prefixed
#                                   with its service's name (as `make run` shows them); Ctrl-C stops
#   scripts/logs.sh CODE            one request's story: every line carrying CODE (a request code
#                                   like PC05TK-261129-000001, as request_code= or correlation_id=,
#                                   or a customer code like PC05TK0012345) from every service, in
#                                   time order (by each line's ts=, UTC, milliseconds)
#
# Settings (environment): LOG_DIR (var/log), LOG_LINES (lines of history when following, 20).
# With docker compose the logs are the containers' output: `docker compose logs -f`, and
# `docker compose logs --no-log-prefix | grep CODE | sort` for one request (see docs/operations.md).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
LOG_DIR=${LOG_DIR:-$ROOT/var/log}
LOG_LINES=${LOG_LINES:-20}

die() { printf 'logs: %s\n' "$*" >&2; exit 1; }

shopt -s nullglob
files=("$LOG_DIR"/*.log)
((${#files[@]})) || die "no service logs in $LOG_DIR (they are written while \`make run\` runs)"

width=0
for f in "${files[@]}"; do
    name=$(basename "$f" .log)
    ((${#name} > width)) && width=${#name}
done

follow() {
    local f name pids=()
    for f in "${files[@]}"; do
        name=$(basename "$f" .log)
        # --follow=name --retry: keeps following across `make run` restarts. $! is tail's
        # pid; its prefixer ends when it does.
        tail -n "$LOG_LINES" --follow=name --retry "$f" 2>/dev/null \
            > >(exec sed -u "s/^/$(printf "%-${width}s | " "$name")/") &
        pids+=($!)
    done
    trap 'kill "${pids[@]}" 2>/dev/null; exit 0' INT TERM
    wait
}

story() {
    local code=$1 f name
    [[ "$code" =~ ^[A-Z0-9][A-Z0-9-]*[A-Z0-9]$ ]] || die "not a request or customer code: $code"
    # The code as a whole word: PC05TK-261129-000001 is not PC05TK-261129-0000012.
    local pattern="(^|[^A-Za-z0-9-])$code([^A-Za-z0-9-]|\$)"
    local found
    found=$(
        for f in "${files[@]}"; do
            name=$(basename "$f" .log)
            # Each line's ts: logfmt starts `ts=…`, JSON starts `{"ts":"…"`. A line without one
            # sorts first and keeps its place among its service's lines (stable sort).
            grep -E -- "$pattern" "$f" | awk -v name="$name" '{
                ts = ""
                if (match($0, /^ts=[^ ]+/)) ts = substr($0, 4, RLENGTH - 3)
                else if (match($0, /^\{"ts":"[^"]+"/)) ts = substr($0, 8, RLENGTH - 8)
                printf "%s\t%s\t%s\n", ts, name, $0
            }' || true
        done | sort -s -t $'\t' -k1,1
    )
    [[ -n "$found" ]] || die "no line carries $code in $LOG_DIR"
    awk -F '\t' -v width="$width" '{ line = $0; sub(/^[^\t]*\t[^\t]*\t/, "", line); printf "%-*s | %s\n", width, $2, line }' <<<"$found"
}

case $# in
0) follow ;;
1) story "$1" ;;
*) echo "usage: $0 [REQUEST-CODE]" >&2; exit 2 ;;
esac
