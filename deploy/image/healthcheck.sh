#!/bin/sh
# The image's HEALTHCHECK: GET /healthz (or the path given, e.g. readyz) of the service
# this container runs, on loopback.
#
# The port is HTTP_PORT when the container sets it (docker-compose.yml and the Kubernetes
# manifests do); else the service's own default, found from the name of the service's
# process: the same defaults as ConfigurationKey.httpPort and scripts/run.sh.
set -eu

path=${1:-healthz}
port=${HTTP_PORT:-}

default_port() {
    case "$1" in
    intake) echo 8080 ;;
    crm) echo 8081 ;;
    metering) echo 8082 ;;
    households) echo 8083 ;;
    outage) echo 8084 ;;
    notification) echo 8085 ;;
    signin) echo 8087 ;;
    *) return 1 ;;
    esac
}

if [ -z "$port" ]; then
    for comm in /proc/[0-9]*/comm; do
        name=$(cat "$comm" 2>/dev/null) || continue
        if port=$(default_port "$name"); then break; fi
        port=""
    done
fi
if [ -z "$port" ]; then
    echo "evn-healthcheck: no service process found and HTTP_PORT is not set" >&2
    exit 1
fi

exec curl --fail --silent --show-error --output /dev/null --max-time 4 "http://127.0.0.1:$port/$path"
