#!/usr/bin/env bash
# PyPI's podman-compose, pinned, in a virtualenv under var/ made on first use; the arguments go
# to it. Not Debian's 1.0.3: it ignores a file's project `name:`, has neither --env-file nor
# profiles, and fails on the broker's network alias (a KeyError on the `default` network).
#
#   scripts/containers/podman-compose.sh -f docker-compose.yml … up -d
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
VERSION=1.5.0
VENV="$ROOT/var/containers/podman-compose-venv"

if [[ "$("$VENV/bin/podman-compose" --version 2>/dev/null | sed -n 's/^podman-compose version //p')" != "$VERSION" ]]; then
    echo "podman-compose: installing $VERSION into ${VENV#"$ROOT"/}" >&2
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "podman-compose==$VERSION"
fi
exec "$VENV/bin/podman-compose" "$@"
