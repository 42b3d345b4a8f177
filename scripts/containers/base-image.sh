#!/usr/bin/env bash
# Builds the local Debian 12 base image the container tests use where no image registry is
# reachable: `debootstrap --variant=minbase bookworm` into var/containers/rootfs, imported into
# podman as $BASE_IMAGE. The shipped Dockerfile and compose file keep their public defaults
# (debian:bookworm-slim, swift:6.3-bookworm, rabbitmq:3.13-management); the tests pass the
# local images as build arguments and a compose override instead. Does nothing when the image
# exists. Prints the image's name.
#
#   scripts/containers/base-image.sh
#
# Settings: BASE_IMAGE (localhost/evn-debian:bookworm), DEBIAN_MIRROR (http://deb.debian.org/debian).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
BASE_IMAGE=${BASE_IMAGE:-localhost/evn-debian:bookworm}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if podman image exists "$BASE_IMAGE"; then
    echo "$BASE_IMAGE"
    exit 0
fi

work="$ROOT/var/containers/rootfs"
rm -rf "$work"
mkdir -p "$work"
echo "base-image: debootstrap bookworm (minbase) into $work" >&2
debootstrap --variant=minbase bookworm "$work" "$MIRROR" >"$ROOT/var/containers/debootstrap.log" 2>&1 \
    || { tail -20 "$ROOT/var/containers/debootstrap.log" >&2; exit 1; }
# The same suites as a Debian image: security and point-release fixes with the release.
cat >"$work/etc/apt/sources.list" <<SOURCES
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
# Keep images small: no documentation, no apt caches (as Debian's own slim images).
rm -rf "$work"/var/cache/apt/archives/*.deb "$work"/var/lib/apt/lists/*
tar -C "$work" -c . | podman import --change 'CMD ["/bin/bash"]' - "$BASE_IMAGE" >/dev/null
rm -rf "$work"
echo "$BASE_IMAGE"
