#!/bin/sh
# The local broker image's entrypoint (deploy/broker/Containerfile), named as the official
# image's so that docker-compose.yml's `render-definitions.sh docker-entrypoint.sh` runs on
# either. `rabbitmq-server` started as root becomes the rabbitmq user, in the foreground with
# its logs on standard output (Debian's /usr/sbin wrapper would send them to a file). With
# RABBITMQ_ERLANG_COOKIE set, the nodes of a cluster share that cookie. Any other command runs
# as given.
set -eu

if [ "${1:-}" = rabbitmq-server ]; then
    shift
    cookie=/var/lib/rabbitmq/.erlang.cookie
    if [ "$(id -u)" = 0 ]; then
        if [ -n "${RABBITMQ_ERLANG_COOKIE:-}" ]; then
            printf '%s' "$RABBITMQ_ERLANG_COOKIE" >"$cookie"
            chmod 0400 "$cookie"
        fi
        chown -R rabbitmq:rabbitmq /var/lib/rabbitmq
        exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups \
            /usr/lib/rabbitmq/bin/rabbitmq-server "$@"
    fi
    exec /usr/lib/rabbitmq/bin/rabbitmq-server "$@"
fi
exec "$@"
