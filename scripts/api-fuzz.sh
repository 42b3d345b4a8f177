#!/usr/bin/env bash
# intake's API against its OpenAPI document: schemathesis (PyPI, in var/api-fuzz-venv, made
# here) runs every check, the coverage and fuzzing phases and at least API_FUZZ_EXAMPLES (100)
# examples per operation on a running intake with a store of its own, and fails on any
# failure. crm, outage and metering do not run: their look-ups answer what they answer when
# those services are down, as the document declares. Settings: scripts/api-fuzz.toml.
# Run by scripts/test.sh after the Swift tests; alone (builds intake if needed):
#   scripts/with-broker.sh scripts/api-fuzz.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"

VENV="$ROOT/var/api-fuzz-venv"
SCHEMATHESIS=schemathesis==4.32.5
FOLDER="$ROOT/var/api-fuzz"
PORT=${API_FUZZ_PORT:-8180}
EXAMPLES=${API_FUZZ_EXAMPLES:-100}
: "${AMQP_URL:?set AMQP_URL (scripts/with-broker.sh does)}"

say() { echo "api-fuzz: $*" >&2; }

if ! "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('schemathesis') != '${SCHEMATHESIS##*==}')" 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "$SCHEMATHESIS"
fi

BIN_DIR=${SERVICE_BIN_DIR:-$(swift build --show-bin-path)}
[[ -x "$BIN_DIR/intake" ]] || swift build --product intake

# The environment intake runs with for the fuzzing.
INTAKE_ENVIRONMENT=(
    EVN_ENV=development
    HTTP_HOST=127.0.0.1 HTTP_PORT="$PORT" DATA_DIR="$FOLDER/data" LOG_FORMAT=logfmt
    # Look-ups of services that do not run here: answer 503 at once instead of waiting.
    CRM_LOOKUP_TIMEOUT_MS=100 OUTAGE_LOOKUP_TIMEOUT_MS=100 METERING_LOOKUP_TIMEOUT_MS=100
    # The abuse limits (per client, per phone): high enough that fuzzing is not refused as abuse.
    FILING_LIMIT_PER_CLIENT=1000000/1s FILING_LIMIT_PER_PHONE=1000000/1s
    ACCESS_LIMIT_PER_CLIENT=1000000/1s LOOKUP_LIMIT_PER_CLIENT=1000000/1s
)

rm -rf "$FOLDER"
mkdir -p "$FOLDER/data"
intake_pid=""
# shellcheck disable=SC2317 # called from a trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "$intake_pid" ]]; then
        kill -TERM "$intake_pid" 2>/dev/null || true
        wait "$intake_pid" 2>/dev/null || true
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Without the customer-care mailbox (make test exports MAILBOX_URL for the mail tests): the
# fuzzing is of the HTTP API alone.
env -u MAILBOX_URL "${INTAKE_ENVIRONMENT[@]}" "$BIN_DIR/intake" > "$FOLDER/intake.log" 2>&1 </dev/null &
intake_pid=$!
for _ in $(seq 1 300); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/readyz" 2>/dev/null; then break; fi
    kill -0 "$intake_pid" 2>/dev/null || { say "intake did not start:"; tail -n 20 "$FOLDER/intake.log" >&2; exit 1; }
    sleep 0.1
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/readyz" || { say "intake not ready after 30 s"; exit 1; }

say "schemathesis against http://127.0.0.1:$PORT (log: $FOLDER/intake.log)"
# One worker: CPython 3.11's ast.parse, which Hypothesis calls to describe filters, is not
# thread-safe. filter_too_much, too_slow, data_too_large: the filed forms' rules (one extra household per
# household, one branch for a code and a commune) are met by filtering, and ten households'
# forms make large bodies: both past what Hypothesis otherwise lets run.
status=0
"$VENV/bin/schemathesis" --config-file "$ROOT/scripts/api-fuzz.toml" run \
    "http://127.0.0.1:$PORT/api/v1/openapi.json" \
    --checks all --phases coverage,fuzzing --max-examples "$EXAMPLES" \
    --suppress-health-check filter_too_much,too_slow,data_too_large --workers 1 --report junit --report-dir "$FOLDER/report" \
    | tee "$FOLDER/schemathesis.log" || status=$?
if ((status != 0)); then
    # What failed, each line marked so that the test summary (scripts/test.sh) shows it: the
    # failures and errors with the requests that reproduce them, the seed, and intake's own errors
    # (and how it ended, when it stopped answering).
    sed -n '/= \(FAILURES\|ERRORS\) =/,/= SUMMARY =/p' "$FOLDER/schemathesis.log" | grep -v '^\s*$' | head -n 40 | sed 's/^/api-fuzz: /' >&2
    grep -E '^Seed:' "$FOLDER/schemathesis.log" | sed 's/^/api-fuzz: /' >&2 || true
    grep -E 'level=(error|critical)|Fatal error|Illegal instruction|Trace/breakpoint' "$FOLDER/intake.log" | tail -n 5 | sed 's/^/api-fuzz: intake: /' >&2 || true
    if ! kill -0 "$intake_pid" 2>/dev/null; then
        ended=0
        wait "$intake_pid" 2>/dev/null || ended=$?
        say "intake is no longer running: it exited with status $ended"
        intake_pid=""
    fi
    exit "$status"
fi
