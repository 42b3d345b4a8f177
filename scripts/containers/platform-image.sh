#!/usr/bin/env bash
# Builds the platform's image from the shipped Dockerfile (its multi-stage release build) as
# $EVN_IMAGE on the local images, where no image registry is reachable: the Swift build stage
# is the local builder image (builder-image.sh) with the host's toolchain and package copies
# mounted read-only, the runtime stage the local Debian base image (base-image.sh). Prints the
# image's name; reports the build's time and the image's size on standard error.
#
#   scripts/containers/platform-image.sh
#
# Settings: EVN_IMAGE (localhost/evn-platform:latest), SWIFT_ROOT (/opt/swift), SWIFT_PACKAGES
# (/opt/swift-packages: git's copies of the packages, found through /etc/gitconfig's insteadOf),
# BUILDER_IMAGE and BASE_IMAGE (see those scripts).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
EVN_IMAGE=${EVN_IMAGE:-localhost/evn-platform:latest}
SWIFT_ROOT=${SWIFT_ROOT:-/opt/swift}
SWIFT_PACKAGES=${SWIFT_PACKAGES:-/opt/swift-packages}

builder=$("$ROOT/scripts/containers/builder-image.sh")
base=$("$ROOT/scripts/containers/base-image.sh")
mounts=(--volume "$SWIFT_ROOT:/opt/swift:ro")
[[ -d "$SWIFT_PACKAGES" ]] && mounts+=(--volume "$SWIFT_PACKAGES:$SWIFT_PACKAGES:ro")
[[ -f /etc/gitconfig ]] && mounts+=(--volume /etc/gitconfig:/etc/gitconfig:ro)

log="$ROOT/var/containers/platform-image.log"
mkdir -p "$(dirname "$log")"
echo "platform-image: building $EVN_IMAGE (log: $log)" >&2
started=$SECONDS
# --format docker: podman's default OCI format has no HEALTHCHECK and drops the Dockerfile's.
podman build --format docker "${mounts[@]}" --build-arg SWIFT_IMAGE="$builder" --build-arg RUNTIME_IMAGE="$base" \
    -t "$EVN_IMAGE" "$ROOT" >"$log" 2>&1 || { tail -40 "$log" >&2; exit 1; }
size=$(podman image inspect --format '{{.Size}}' "$EVN_IMAGE")
echo "platform-image: $EVN_IMAGE built in $((SECONDS - started)) s, $((size / 1000000)) MB" >&2
echo "$EVN_IMAGE"
