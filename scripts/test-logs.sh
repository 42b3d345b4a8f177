#!/usr/bin/env bash
# Tests scripts/logs.sh on synthetic service logs in a temporary folder: one request's story
# in time order across services (logfmt and JSON lines), whole-code matching, the error
# for an unknown code, and following the files as lines are appended.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
LOGS="$ROOT/scripts/logs.sh"
dir=$(mktemp -d)
follower=""
cleanup() {
    if [[ -n "$follower" ]]; then kill "$follower" 2>/dev/null || true; wait "$follower" 2>/dev/null || true; fi
    rm -rf "$dir"
}
trap cleanup EXIT

failures=0
fail() { printf 'test-logs: FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }

code=PC05TK-261129-000001
cat >"$dir/intake.log" <<LOG
ts=2026-11-29T01:00:00.100Z level=info service=intake msg="request submitted" correlation_id=$code request_code=$code
ts=2026-11-29T01:00:00.200Z level=info service=intake msg="request submitted" correlation_id=${code}2 request_code=${code}2
ts=2026-11-29T01:05:00.000Z level=info service=intake msg="signature captured" correlation_id=$code request_code=$code
LOG
cat >"$dir/crm.log" <<LOG
ts=2026-11-29T01:00:00.150Z level=info service=crm msg="ticket opened" correlation_id=$code message_id=6f1c request_code=$code
ts=2026-11-29T01:00:01.000Z level=info service=crm msg="unrelated" correlation_id=PC05HA-261129-000001
LOG
cat >"$dir/notification.log" <<LOG
{"ts":"2026-11-29T01:00:00.180Z","level":"info","service":"notification","msg":"notice queued","correlation_id":"$code"}
LOG

out=$(LOG_DIR=$dir "$LOGS" "$code")
expected="intake       | ts=2026-11-29T01:00:00.100Z level=info service=intake msg=\"request submitted\" correlation_id=$code request_code=$code
crm          | ts=2026-11-29T01:00:00.150Z level=info service=crm msg=\"ticket opened\" correlation_id=$code message_id=6f1c request_code=$code
notification | {\"ts\":\"2026-11-29T01:00:00.180Z\",\"level\":\"info\",\"service\":\"notification\",\"msg\":\"notice queued\",\"correlation_id\":\"$code\"}
intake       | ts=2026-11-29T01:05:00.000Z level=info service=intake msg=\"signature captured\" correlation_id=$code request_code=$code"
[[ "$out" == "$expected" ]] || fail "the story of $code:"$'\n'"$out"$'\n'"expected:"$'\n'"$expected"

if LOG_DIR=$dir "$LOGS" PC05TK-261129-999999 >/dev/null 2>"$dir/err"; then
    fail "an unknown code must exit non-zero"
fi
grep -q "no line carries PC05TK-261129-999999" "$dir/err" || fail "an unknown code must be named: $(cat "$dir/err")"
if LOG_DIR=$dir "$LOGS" 'x;rm' >/dev/null 2>&1; then fail "a malformed code must be refused"; fi
if LOG_DIR="$dir/none" "$LOGS" "$code" >/dev/null 2>&1; then fail "no log folder must exit non-zero"; fi

# Following: history first, then a line appended to one file appears prefixed with its service.
LOG_DIR=$dir LOG_LINES=1 "$LOGS" >"$dir/follow.out" 2>&1 &
follower=$!
for _ in $(seq 50); do
    [[ $(wc -l <"$dir/follow.out") -ge 3 ]] && break
    sleep 0.1
done
echo "ts=2026-11-29T02:00:00.000Z level=info service=crm msg=\"appended\"" >>"$dir/crm.log"
for _ in $(seq 50); do
    grep -q 'appended' "$dir/follow.out" && break
    sleep 0.1
done
grep -qx 'crm          | ts=2026-11-29T02:00:00.000Z level=info service=crm msg="appended"' "$dir/follow.out" ||
    fail "following did not show the appended line: $(cat "$dir/follow.out")"
grep -q '^notification | {"ts"' "$dir/follow.out" || fail "following did not show notification's history"
kill "$follower" 2>/dev/null || true
wait "$follower" 2>/dev/null || true
follower=""

if ((failures)); then
    echo "test-logs: $failures failed" >&2
    exit 1
fi
echo "test-logs: ok"
