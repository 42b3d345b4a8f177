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

exec "$(dirname "${BASH_SOURCE[0]}")/debian-image.sh" "${BROKER_IMAGE:-localhost/evn-rabbitmq:3.10}" deploy/broker
