#!/usr/bin/env bash
# Builds IMAGE from the Containerfile in CONTEXT on the local Debian 12 base image
# (base-image.sh, passed as BASE_IMAGE), unless IMAGE exists; prints IMAGE. What the local
# images' scripts share: broker-image.sh, builder-image.sh, sinks-image.sh.
#
#   scripts/containers/debian-image.sh IMAGE CONTEXT
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
image=$1
context=$2

if podman image exists "$image"; then
    echo "$image"
    exit 0
fi
base=$("$ROOT/scripts/containers/base-image.sh")
echo "$(basename "$context"): building $image on $base" >&2
podman build --quiet --build-arg BASE_IMAGE="$base" -t "$image" "$ROOT/$context" >/dev/null
echo "$image"
