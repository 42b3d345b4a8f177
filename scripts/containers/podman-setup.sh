#!/usr/bin/env bash
# Makes podman usable on this host for the container tests and `make images`: installs Debian's
# podman, podman-compose, debootstrap and the network helpers when missing, and writes the two
# engine settings a host with a hybrid cgroup layout and fixed resource limits needs
# (/etc/containers/containers.conf): the runc runtime (crun refuses such a layout) and no
# default ulimits (raising RLIMIT_NOFILE/RLIMIT_NPROC in a container is refused there).
# An existing containers.conf is left as it is. Idempotent; needs root (or sudo).
#
#   scripts/containers/podman-setup.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)

DEPS_PACKAGES="podman podman-compose debootstrap runc netavark aardvark-dns iptables uidmap" \
    "$ROOT/scripts/install-deps.sh"

SUDO=()
[[ $(id -u) -eq 0 ]] || SUDO=(sudo)
conf=/etc/containers/containers.conf
if [[ ! -e "$conf" ]]; then
    "${SUDO[@]}" mkdir -p /etc/containers
    printf '[containers]\ndefault_ulimits = []\n\n[engine]\nruntime = "runc"\n' | "${SUDO[@]}" tee "$conf" >/dev/null
    echo "podman-setup: wrote $conf (runc, no default ulimits)" >&2
fi
