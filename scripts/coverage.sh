#!/usr/bin/env bash
# The unit and timing phases (every suite but the integration and broker-restart ones) with line
# coverage, then the share of lines run, per library and per service.
#
# Built in its own folder, .build-coverage: instrumented code would otherwise replace the debug
# build the other phases and `make run` use (the first run builds everything once more).
#   scripts/coverage.sh [swift test arguments...]    e.g. scripts/coverage.sh --filter CRMTests
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"
SCRATCH="$ROOT/.build-coverage"

BIN="$SCRATCH/debug"
TOOLS=$(dirname "$(readlink -f "$(command -v swift)")")
# Every `swift test --enable-code-coverage` empties the codecov folder first, so each phase's
# profiles are moved here before the next phase runs, and merged from here. (A suite that
# scripts/test.sh runs once more after a failure empties it too: that phase then counts the
# second run's lines alone, and the run names the suite FLAKY.)
PROFILES="$SCRATCH/profiles"
rm -rf "$PROFILES"
mkdir -p "$PROFILES"
keep_profiles() { # phase: move the profiles the phase just wrote out of SwiftPM's reach
    local profile
    for profile in "$BIN"/codecov/*.profraw; do
        [[ -e "$profile" ]] && mv "$profile" "$PROFILES/$1-$(basename "$profile")"
    done
    return 0
}
# shellcheck source=scripts/lib/test-phases.sh
source "$ROOT/scripts/lib/test-phases.sh"
status=0
if (($# > 0)); then
    scripts/test.sh --scratch-path "$SCRATCH" --enable-code-coverage \
        --skip "$INTEGRATION_SUITES" --skip "$BROKER_RESTART_SUITES" "$@" || status=$?
    keep_profiles selected
else
    # As `make test` runs them: the timing suites after the others, one test at a time.
    scripts/test.sh --scratch-path "$SCRATCH" --enable-code-coverage \
        --skip "$INTEGRATION_SUITES" --skip "$BROKER_RESTART_SUITES" --skip "$TIMING_SUITES" || status=$?
    keep_profiles unit
    scripts/test.sh --scratch-path "$SCRATCH" --enable-code-coverage --skip-build --no-parallel \
        --filter "$TIMING_SUITES" || status=$((status ? status : $?))
    keep_profiles timing
fi

# Merged here rather than by SwiftPM, which writes no report when a test failed: the share of
# lines run is worth reading then too (the status still says the run failed).
shopt -s nullglob
profiles=("$PROFILES"/*.profraw)
if ((${#profiles[@]} == 0)); then
    echo "coverage: no profile in $PROFILES (the tests did not run)" >&2
    exit $((status ? status : 1))
fi
"$TOOLS/llvm-profdata" merge -sparse "${profiles[@]}" -o "$BIN/codecov/unit.profdata"
report="$BIN/codecov/unit-summary.json"
"$TOOLS/llvm-cov" export -summary-only -instr-profile "$BIN/codecov/unit.profdata" \
    "$BIN/evn-customer-servicePackageTests.xctest" > "$report"
python3 - "$report" "$ROOT" <<'PY'
import json, sys
from collections import defaultdict

report, root = sys.argv[1], sys.argv[2].rstrip("/") + "/"
covered, total = defaultdict(int), defaultdict(int)
for entry in json.load(open(report))["data"]:
    for file in entry["files"]:
        path = file["filename"]
        if not path.startswith(root):
            continue
        parts = path[len(root):].split("/")
        # Libraries/<module>/…, Services/<service>/{Library,Executable}/…; tests are not counted.
        if parts[0] in ("Libraries", "Services") and len(parts) > 2:
            module = f"{parts[0]}/{parts[1]}"
        else:
            continue
        lines = file["summary"]["lines"]
        covered[module] += lines["covered"]
        total[module] += lines["count"]
print(f"{'module':<34}{'lines':>9}{'run':>9}{'coverage':>10}")
for module in sorted(total):
    share = 100 * covered[module] / total[module] if total[module] else 0
    print(f"{module:<34}{total[module]:>9}{covered[module]:>9}{share:>9.1f}%")
all_lines, all_run = sum(total.values()), sum(covered.values())
print(f"{'all':<34}{all_lines:>9}{all_run:>9}{100 * all_run / max(all_lines, 1):>9.1f}%")
PY
if ((status != 0)); then echo "coverage: the tests failed (status $status); the shares above include the failed run" >&2; fi
exit "$status"
