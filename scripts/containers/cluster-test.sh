#!/usr/bin/env bash
# The three-node broker test: starts the broker of docker-compose.yml +
# docker-compose.cluster.yml (with scripts/containers/cluster-test.compose.yml: the local
# broker image, ports on the host's loopback) as podman containers, waits until the three
# nodes form one cluster, then runs BrokerClusterFailoverTests: the services of the debug build
# the tests made, given the three nodes, under a steady load of filings while the first node
# is killed (SIGKILL), started again, and the second killed. Prints each service's fail-over
# time. Removes the containers, network and volumes whatever the outcome.
#
#   scripts/containers/cluster-test.sh
#
# Settings: BROKER_IMAGE (see broker-image.sh), CLUSTER_AMQPS_PORT_1..3 (5691-5693),
# CLUSTER_MANAGEMENT_PORT_3 (15693), SMTP_PORT (the SMTP sink the services send to, as
# scripts/test.sh starts it).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
# shellcheck source=scripts/lib/local-daemon.sh
source "$ROOT/scripts/lib/local-daemon.sh"

export CLUSTER_AMQPS_PORT_1=${CLUSTER_AMQPS_PORT_1:-5691}
export CLUSTER_AMQPS_PORT_2=${CLUSTER_AMQPS_PORT_2:-5692}
export CLUSTER_AMQPS_PORT_3=${CLUSTER_AMQPS_PORT_3:-5693}
export CLUSTER_MANAGEMENT_PORT_3=${CLUSTER_MANAGEMENT_PORT_3:-15693}
PROJECT=evn-cluster-test-$CLUSTER_AMQPS_PORT_1
WORK="$ROOT/var/cluster-test"
say() { printf 'cluster-test: %s\n' "$*" >&2; }

command -v podman >/dev/null || "$ROOT/scripts/containers/podman-setup.sh"
BROKER_IMAGE=$("$ROOT/scripts/containers/broker-image.sh")
export BROKER_IMAGE

# The SMTP sink the services of the test send to, before .env's names are filled in for compose.
SINK_HOST=${SMTP_HOST:-127.0.0.1}
# Likewise the staff directory scripts/test.sh started (empty when run alone: the development default).
TEST_DIRECTORY_URL=${STAFF_DIRECTORY_URL:-}
# What compose needs from .env: the test's own values, never a deployment's.
rm -rf "$WORK"
mkdir -p "$WORK/staff-token-keys"
write_local_tls "$WORK/tls" "EVN cluster test CA"
chmod 644 "$WORK/tls/server.key" # read by the image's rabbitmq user
while IFS= read -r name; do
    export "$name=cluster-test-${name,,}"
done < <(sed -n 's/^\([A-Z][A-Z0-9_]*\)=$/\1/p' .env.example)
export BROKER_ADMIN_USER=evn-admin BROKER_TLS_CA="$WORK/tls/ca.pem" BROKER_TLS_CERT="$WORK/tls/server.pem" \
    BROKER_TLS_KEY="$WORK/tls/server.key" STAFF_TOKEN_KEYS_DIR="$WORK/staff-token-keys" \
    BROKER_MANAGEMENT_PORT=$((CLUSTER_MANAGEMENT_PORT_3 - 2))
compose() {
    scripts/containers/podman-compose.sh -p "$PROJECT" -f docker-compose.yml -f docker-compose.cluster.yml \
        -f scripts/containers/cluster-test.compose.yml "$@"
}
NODES=(rabbitmq rabbitmq-2 rabbitmq-3)

# shellcheck disable=SC2317 # called from the trap
cleanup() {
    say "removing the cluster's containers, network and volumes"
    compose down -v >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 143' TERM INT

say "starting ${NODES[*]} ($BROKER_IMAGE)"
t0=$SECONDS
compose up -d "${NODES[@]}" >"$WORK/compose-up.log" 2>&1 || { cat "$WORK/compose-up.log" >&2; exit 1; }
containers=()
for node in "${NODES[@]}"; do
    containers+=("$(podman ps -a --filter "label=com.docker.compose.project=$PROJECT" \
        --filter "label=com.docker.compose.service=$node" --format '{{.Names}}' | head -n 1)")
done
running_nodes() {
    podman exec "${containers[2]}" rabbitmqctl -q cluster_status --formatter json 2>/dev/null \
        | python3 -c 'import json,sys; print(len(json.load(sys.stdin).get("running_nodes", [])))' 2>/dev/null || echo 0
}
until [[ $(running_nodes) == 3 ]]; do
    if ((SECONDS - t0 > 240)); then
        say "the three nodes did not form a cluster within 240 s"
        for c in "${containers[@]}"; do podman logs --tail 30 "$c" >&2 || true; done
        exit 1
    fi
    sleep 2
done
until podman exec "${containers[2]}" rabbitmq-diagnostics -q check_port_connectivity >/dev/null 2>&1; do sleep 1; done
say "cluster of 3 running nodes in $((SECONDS - t0)) s"

hosts="localhost:$CLUSTER_AMQPS_PORT_1,localhost:$CLUSTER_AMQPS_PORT_2,localhost:$CLUSTER_AMQPS_PORT_3"
# The services run on the test's staff directory settings, not the names filled in for compose.
env -u STAFF_DIRECTORY_BIND_DN -u STAFF_DIRECTORY_BIND_PASSWORD -u STAFF_DIRECTORY_SEARCH_BASE \
    STAFF_DIRECTORY_URL="$TEST_DIRECTORY_URL" EVN_ENV=development \
    CLUSTER_AMQP_URL="amqps://$BROKER_ADMIN_USER:$BROKER_ADMIN_PASSWORD@$hosts/evn" \
    CLUSTER_CONTAINERS="$(IFS=,; echo "${containers[*]}")" \
    AMQP_URL="amqps://$BROKER_ADMIN_USER:$BROKER_ADMIN_PASSWORD@localhost:$CLUSTER_AMQPS_PORT_3/evn" \
    AMQP_CA_FILE="$WORK/tls/ca.pem" \
    SMTP_HOST="$SINK_HOST" \
    BROKER_MANAGEMENT_URL="http://$BROKER_ADMIN_USER:$BROKER_ADMIN_PASSWORD@127.0.0.1:$CLUSTER_MANAGEMENT_PORT_3" \
    swift test --skip-build --filter BrokerClusterFailoverTests 2>&1 | tee "$WORK/swift-test.log"
# A filter that matches nothing passes: the suite must have run.
grep -q '✔ Suite BrokerClusterFailoverTests passed' "$WORK/swift-test.log" || { say "BrokerClusterFailoverTests did not pass"; exit 1; }
say "passed in $((SECONDS - t0)) s"
