#!/bin/sh
# Renders the broker's definitions (vhost, one user per service, permissions) from
# definitions.json, replacing each ${NAME} with the environment variable NAME, then
# runs the given command (the image's own entrypoint). Without a command it only renders.
#
#   render-definitions.sh [docker-entrypoint.sh rabbitmq-server]
#
# Settings: DEFINITIONS_TEMPLATE (/etc/rabbitmq/definitions.template.json),
# DEFINITIONS_FILE (/tmp/evn-rabbitmq/definitions.json, as rabbitmq.conf loads it).
#
# Values go into JSON here and into amqp:// URLs in the services, so they must be
# non-empty and made of URL-safe characters only: A-Z a-z 0-9 . _ ~ -
# (`openssl rand -hex 24` gives one).
set -eu

template=${DEFINITIONS_TEMPLATE:-/etc/rabbitmq/definitions.template.json}
target=${DEFINITIONS_FILE:-/tmp/evn-rabbitmq/definitions.json}

fail() {
    echo "render-definitions: $*" >&2
    exit 1
}

[ -r "$template" ] || fail "cannot read $template"
# shellcheck disable=SC2016 # the ${NAME} placeholders are literal text here
names=$(grep -o '\${[A-Z_][A-Z0-9_]*}' "$template" | tr -d '${}' | sort -u)

script=""
for name in $names; do
    value=$(printenv "$name" || true)
    [ -n "$value" ] || fail "$name is not set (see .env.example)"
    case "$value" in
    *[!A-Za-z0-9._~-]*) fail "$name holds a character other than A-Z a-z 0-9 . _ ~ -" ;;
    esac
    [ "$value" != guest ] || fail "$name must not be guest"
    [ "${#value}" -ge 12 ] || [ "$name" = BROKER_ADMIN_USER ] || fail "$name must have 12 characters or more"
    script="${script}s|\${$name}|$value|g
"
done

mkdir -p "$(dirname "$target")"
(umask 077 && sed "$script" "$template" >"$target.tmp")
# The image's entrypoint drops from root to the rabbitmq user: let that user read it.
if [ "$(id -u)" = 0 ] && id rabbitmq >/dev/null 2>&1; then
    # The folder too: compose's tmpfs for it is root's, mode 0700, and the node runs as rabbitmq.
    chown rabbitmq:rabbitmq "$(dirname "$target")" "$target.tmp"
fi
mv "$target.tmp" "$target"
echo "render-definitions: wrote $target" >&2

[ "$#" -eq 0 ] || exec "$@"
