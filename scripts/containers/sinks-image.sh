#!/usr/bin/env bash
# Builds the image of the compose test's SMS gateway and mail relay stand-ins
# (deploy/compose/sinks/Containerfile, on the local base image of base-image.sh) as
# $SINKS_IMAGE, unless it exists. Prints the image's name.
#
#   scripts/containers/sinks-image.sh
#
# Settings: SINKS_IMAGE (localhost/evn-sinks:bookworm), BASE_IMAGE (see base-image.sh).
set -euo pipefail

exec "$(dirname "${BASH_SOURCE[0]}")/debian-image.sh" "${SINKS_IMAGE:-localhost/evn-sinks:bookworm}" deploy/compose/sinks
