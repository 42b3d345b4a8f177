#!/usr/bin/env bash
# The platform as it is deployed, tested: makes podman usable (podman-setup.sh), builds the
# images (the platform's from the shipped Dockerfile, the broker's, the stand-ins'), writes a
# settings file with fresh secrets (compose-env.sh), brings up docker-compose.yml with
# podman-compose and deploy/compose/test.yml over it, and checks it through its published ports
# (compose_check.py): scenario 1 with crm killed by SIGKILL mid-flow, an outage report, a
# households import and the re-pricing page; every service healthy, as its non-root user, on a
# read-only root; the logs telling a request's story; the data surviving `down` and `up`;
# Prometheus scraping every service. Removes the stack's containers, volumes and network at the
# end, also on failure. Prints the image's build time and size.
#
#   scripts/containers/compose-test.sh
#
# Settings: EVN_IMAGE, BROKER_IMAGE, SINKS_IMAGE, BASE_IMAGE (the images' scripts); the
# published ports (compose-env.sh); COMPOSE_ENV_DIR (var/compose-test: .env, TLS files, keys;
# made afresh for each run).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
started=$SECONDS

scripts/containers/podman-setup.sh
EVN_IMAGE=$(scripts/containers/platform-image.sh)
BROKER_IMAGE=$(scripts/containers/broker-image.sh)
SINKS_IMAGE=$(scripts/containers/sinks-image.sh)
BASE_IMAGE=$(scripts/containers/base-image.sh)
export EVN_IMAGE BROKER_IMAGE SINKS_IMAGE BASE_IMAGE

env_dir=${COMPOSE_ENV_DIR:-$ROOT/var/compose-test}
rm -rf "$env_dir"
env_file=$(scripts/containers/compose-env.sh "$env_dir")
# The published ports, for the checks.
set -a
# shellcheck disable=SC1090
source "$env_file"
set +a

COMPOSE="scripts/containers/podman-compose.sh --env-file $env_file -f docker-compose.yml -f deploy/compose/test.yml --profile monitoring"
export COMPOSE COMPOSE_PROJECT=evn
ticker=""
check() { /usr/bin/python3 scripts/containers/compose_check.py "$@"; }

remove_stack() { # the stack's containers, volumes and network
    $COMPOSE down --volumes >/dev/null 2>&1 || true
    podman volume ls --quiet --filter label=io.podman.compose.project=evn | xargs -r podman volume rm -f >/dev/null || true
    podman network rm -f evn_default >/dev/null 2>&1 || true
}

# shellcheck disable=SC2317 # called from a trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    kill "$ticker" 2>/dev/null || true
    if ((rc != 0)); then
        $COMPOSE ps >&2 || true
        $COMPOSE logs --names --tail 40 >&2 2>&1 || true
    fi
    remove_stack
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Podman runs health checks from systemd timers; without systemd (a CI container) nobody
# would. This loop stands in for the timers: every container of the stack with a health
# check has it run every 10 s, so its status and `depends_on: service_healthy` move on.
health_ticker() {
    local name
    while sleep 10; do
        for name in $(podman ps --filter label=io.podman.compose.project=evn --format '{{.Names}}'); do
            podman healthcheck run "$name" >/dev/null 2>&1 || true
        done
    done
}
health_ticker &
ticker=$!

# podman before 4.6 cannot wait for a container to be healthy, so podman-compose starts the
# services beside the broker instead of after it: start the broker, wait for its health check
# to pass (as `depends_on: service_healthy` would), then the rest.
up() { # log-name
    $COMPOSE up -d rabbitmq >"$env_dir/$1.log" 2>&1 || { cat "$env_dir/$1.log" >&2; return 1; }
    local deadline=$((SECONDS + 180))
    until podman healthcheck run evn_rabbitmq_1 >/dev/null 2>&1; do
        ((SECONDS < deadline)) || { echo "compose-test: the broker is not healthy after 180 s" >&2; return 1; }
        sleep 3
    done
    $COMPOSE up -d >>"$env_dir/$1.log" 2>&1 || { cat "$env_dir/$1.log" >&2; return 1; }
}

state="$env_dir/state.json"
remove_stack # what an interrupted run may have left
echo "compose-test: up (broker $BROKER_IMAGE, platform $EVN_IMAGE)" >&2
up up
check containers
check flow "$state"
check story "$state"
check prometheus
echo "compose-test: down and up again" >&2
$COMPOSE down >"$env_dir/down.log" 2>&1
up up-again
check survived "$state"
size=$(podman image inspect --format '{{.Size}}' "$EVN_IMAGE")
echo "compose-test: passed in $((SECONDS - started)) s; image $EVN_IMAGE $((size / 1000000)) MB" >&2
