#!/usr/bin/env bash
# The `bench-smoke` phase of `make test`: every benchmark at its --smoke size, on the debug
# build the tests made (a release build would cost CI 20 minutes), against the broker and the
# SMTP sink the test run started (scripts/test.sh exports AMQP_URL, BROKER_*, SMTP_* and
# EVN_ENV). Each run checks its own results (nothing lost, every count as expected) and exits
# non-zero when a check fails; missed performance targets are only printed (debug build, shared
# machine). Runs all four, names those that failed, and exits non-zero if any did.
#
#   scripts/bench-smoke.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"

BENCHMARKS=(bench-messaging bench-flow bench-storm bench-households)
BIN=$(swift build --show-bin-path)
# `swift test` builds every product, the benchmarks included; build only if one is missing.
for bench in "${BENCHMARKS[@]}"; do
    if [[ ! -x "$BIN/$bench" ]]; then
        swift build --build-tests
        break
    fi
done
# The full-size runs are release builds, and a release build refuses a `@testable import`: the
# debug build would not notice one in the code the benchmarks link, so look for it here.
if grep -rln '^@testable import' Benchmarks Tests/TestSupport Tests/FlowDriver >&2; then
    echo "bench-smoke: the files above use @testable import: make bench-* cannot build them in release" >&2
    exit 1
fi
# Read now, not when the test run started: the broker-restart suites may have restarted it.
BROKER_PID=$(scripts/broker.sh pid)
export BROKER_PID

failed=()
for bench in "${BENCHMARKS[@]}"; do
    echo "bench-smoke: $bench --smoke" >&2
    start=$SECONDS
    if "$BIN/$bench" --smoke; then
        echo "bench-smoke: $bench passed in $((SECONDS - start)) s" >&2
    else
        echo "bench-smoke: $bench FAILED after $((SECONDS - start)) s" >&2
        failed+=("$bench")
    fi
done
if ((${#failed[@]} > 0)); then
    echo "bench-smoke: failed: ${failed[*]}" >&2
    exit 1
fi
