#!/usr/bin/env bash
# Builds the local RabbitMQ image (deploy/broker/Containerfile: Debian's rabbitmq-server on the
# local base image of scripts/containers/base-image.sh) as $BROKER_IMAGE, unless it exists.
# The container tests run the compose stack's broker and the three-node cluster on it.
# Prints the image's name.
#
#   scripts/containers/broker-image.sh
#
# Settings: BROKER_IMAGE (localhost/evn-rabbitmq:3.10), BASE_IMAGE (see base-image.sh).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
BROKER_IMAGE=${BROKER_IMAGE:-localhost/evn-rabbitmq:3.10}

if podman image exists "$BROKER_IMAGE"; then
    echo "$BROKER_IMAGE"
    exit 0
fi
base=$("$ROOT/scripts/containers/base-image.sh")
echo "broker-image: building $BROKER_IMAGE on $base" >&2
podman build --quiet --build-arg BASE_IMAGE="$base" -t "$BROKER_IMAGE" "$ROOT/deploy/broker" >/dev/null
echo "$BROKER_IMAGE"
