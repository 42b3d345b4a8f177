#!/usr/bin/env bash
# Builds the local Swift build image (deploy/builder/Containerfile: the C toolchain and headers a
# Swift build needs, on the local base image of scripts/containers/base-image.sh) as
# $BUILDER_IMAGE, unless it exists. The toolchain is not in it: the image build mounts the
# host's /opt/swift (scripts/containers/platform-image.sh). Prints the image's name.
#
#   scripts/containers/builder-image.sh
#
# Settings: BUILDER_IMAGE (localhost/evn-swift-builder:bookworm), BASE_IMAGE (see base-image.sh).
set -euo pipefail

exec "$(dirname "${BASH_SOURCE[0]}")/debian-image.sh" "${BUILDER_IMAGE:-localhost/evn-swift-builder:bookworm}" deploy/builder
