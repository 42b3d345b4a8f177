#!/usr/bin/env bash
# A local RabbitMQ (Debian's rabbitmq-server 3.10) for development and tests,
# listening on loopback only, with ALL of its state under var/rabbitmq/.
#
#   scripts/broker.sh start     start in the background, wait until AMQP and the
#                               management API answer (idempotent)
#   scripts/broker.sh stop      stop it cleanly (falls back to killing what it started)
#   scripts/broker.sh status    print whether it is up (exit 0 up, 3 down)
#   scripts/broker.sh reset     stop, then delete var/rabbitmq
#   scripts/broker.sh ctl ARGS  rabbitmqctl against this node, e.g.
#                               scripts/broker.sh ctl list_vhosts
#                               scripts/broker.sh ctl close_all_connections -p evn "test"
#   scripts/broker.sh env       print the settings in effect
#   scripts/broker.sh pid       print the Erlang VM's pid (exit 3 when it is not running);
#                               the benchmarks count its CPU time (BROKER_PID)
#
# Settings (environment):
#   BROKER_PORT             AMQP port                         (5672)
#   BROKER_TLS_PORT         AMQPS port (TLS)                  (BROKER_PORT - 1: 5671 by default)
#   BROKER_MANAGEMENT_PORT  management UI / HTTP API port     (15672)
#   BROKER_DIST_PORT        Erlang distribution port          (BROKER_PORT + 20000)
#   BROKER_NODENAME         Erlang node name                  (evn@localhost)
#   BROKER_USER / BROKER_PASSWORD   administrator             (evn / evn)
#   BROKER_VHOST            the services' vhost               (evn; "/" exists too)
#   BROKER_START_TIMEOUT    seconds to wait for readiness     (90)
#   BROKER_LOG_LEVEL        RabbitMQ's log level              (info)
#   BROKER_STATS_INTERVAL_MS  management statistics refresh   (1000)
#   BROKER_SCHEDULERS_PERCENT  Erlang scheduler threads, as a share of the CPUs (50)
#   BROKER_RUN_AS           OS user for the Erlang VM when started as root
#                           (default: rabbitmq if it can reach var/rabbitmq, else root)
#
# TLS: at the first start the script makes a CA and a server certificate for localhost and
# 127.0.0.1 under var/rabbitmq/tls/ (openssl CLI; ca.pem is what clients trust, e.g.
# AMQP_CA_FILE=var/rabbitmq/tls/ca.pem with amqps://…@localhost:BROKER_TLS_PORT/…) and opens
# an AMQPS listener beside the plain one. `reset` removes them with the rest.
#
# Why not /usr/sbin/rabbitmq-server: Debian's wrapper cd's to /var/lib/rabbitmq,
# redirects output to /var/log/rabbitmq and, as root, re-runs itself through
# `su rabbitmq`, which resets HOME (so the Erlang cookie would be
# /var/lib/rabbitmq/.erlang.cookie, outside var/). We call the upstream scripts
# in /usr/lib/rabbitmq/bin directly instead, under `setpriv` (keeps the whole
# environment) with HOME=var/rabbitmq, so the server and every `ctl` call share
# var/rabbitmq/.erlang.cookie.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
SELF="$SCRIPT_DIR/$(basename "${BASH_SOURCE[0]}")"
ROOT=$(cd "$SCRIPT_DIR/.." && pwd -P)
BASE="$ROOT/var/rabbitmq"
RMQ_BIN=/usr/lib/rabbitmq/bin

BROKER_PORT=${BROKER_PORT:-5672}
BROKER_TLS_PORT=${BROKER_TLS_PORT:-$((BROKER_PORT - 1))}
BROKER_MANAGEMENT_PORT=${BROKER_MANAGEMENT_PORT:-15672}
BROKER_DIST_PORT=${BROKER_DIST_PORT:-$((BROKER_PORT + 20000))}
BROKER_NODENAME=${BROKER_NODENAME:-evn@localhost}
BROKER_USER=${BROKER_USER:-evn}
BROKER_PASSWORD=${BROKER_PASSWORD:-evn}
BROKER_VHOST=${BROKER_VHOST:-evn}
BROKER_START_TIMEOUT=${BROKER_START_TIMEOUT:-90}

PID_FILE="$BASE/rabbitmq.pid"          # written by RabbitMQ: the Erlang VM's pid
LAUNCHER_PID_FILE="$BASE/launcher.pid" # the shell that runs the VM (our child)
LOG_DIR="$BASE/log"
TLS_DIR="$BASE/tls"                    # ca.pem (what clients trust), server.pem, server.key
STARTUP_LOG="$LOG_DIR/startup.log"     # stdout/stderr of the launcher
BROKER_LOG="$LOG_DIR/rabbit.log"       # RabbitMQ's own log
# Every process we start carries this in its environment: that is how stop/reset
# find them (the VM, erl_child_setup, inet_gethost, an epmd it spawned) by pid.
MARKER="EVN_BROKER_HOME=$BASE"

log() { printf 'broker: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# shellcheck source=scripts/lib/local-daemon.sh
. "$SCRIPT_DIR/lib/local-daemon.sh"

# --- who runs the VM -------------------------------------------------------------

run_as_user() {
    if [[ $(id -u) -ne 0 ]]; then
        id -un
        return
    fi
    if [[ -n "${BROKER_RUN_AS:-}" ]]; then
        echo "$BROKER_RUN_AS"
        return
    fi
    # The rabbitmq user must be able to traverse every parent of var/rabbitmq
    # (a clone under /root, mode 700, is not reachable): fall back to root.
    if id rabbitmq >/dev/null 2>&1 &&
        setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups test -x "$ROOT" 2>/dev/null; then
        echo rabbitmq
    else
        echo root
    fi
}

RUN_AS=$(run_as_user)

# RUNNER: prefix that runs a command as the VM's user, keeping the environment.
RUNNER=()
if [[ $(id -u) -eq 0 && "$RUN_AS" != root ]]; then
    RUNNER=(setpriv "--reuid=$RUN_AS" "--regid=$RUN_AS" --init-groups --)
fi

# The environment RabbitMQ's scripts (server and CLI) read. Everything points
# into var/rabbitmq; nothing is read from /etc/rabbitmq or /var/lib/rabbitmq.
broker_env() {
    export HOME="$BASE" # Erlang cookie: $BASE/.erlang.cookie
    export RABBITMQ_NODENAME="$BROKER_NODENAME"
    export RABBITMQ_USE_LONGNAME=false
    export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    export RABBITMQ_NODE_PORT="$BROKER_PORT"
    export RABBITMQ_DIST_PORT="$BROKER_DIST_PORT"
    export RABBITMQ_CONF_ENV_FILE="$BASE/rabbitmq-env.conf"
    export RABBITMQ_CONFIG_FILE="$BASE/rabbitmq.conf"
    export RABBITMQ_ADVANCED_CONFIG_FILE="$BASE/advanced.config"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$BASE/enabled_plugins"
    export RABBITMQ_MNESIA_BASE="$BASE/mnesia"
    export RABBITMQ_LOG_BASE="$LOG_DIR"
    export RABBITMQ_LOGS="$BROKER_LOG"
    export RABBITMQ_PID_FILE="$PID_FILE"
    # epmd (Erlang's port mapper, 4369) and the distribution listeners on loopback.
    export ERL_EPMD_ADDRESS=127.0.0.1
    # The broker shares the machine with the services: its VM runs scheduler threads for a
    # share of the CPUs (+SP), not one per CPU. On 2 cores that is one thread, which costs the
    # broker a quarter less CPU per request (docs/operations.md, "The broker's CPU").
    local schedulers=${BROKER_SCHEDULERS_PERCENT:-50}
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} +SP $schedulers:$schedulers"
    export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    # Each CLI call listens on one port of this range: leave room for parallel tests.
    export RABBITMQ_CTL_DIST_PORT_MIN=$((BROKER_PORT + 30000))
    export RABBITMQ_CTL_DIST_PORT_MAX=$((BROKER_PORT + 30100))
}

# --- files -----------------------------------------------------------------------

json_string() { # minimal JSON string escaping (\ and ")
    local s=${1//\\/\\\\}
    s=${s//\"/\\\"}
    printf '"%s"' "$s"
}

write_config() {
    mkdir -p "$BASE/mnesia" "$LOG_DIR"
    write_local_tls "$TLS_DIR" "EVN local broker CA"
    : >"$BASE/rabbitmq-env.conf"
    # Plugins enabled offline: the file rabbitmq-plugins --offline would write.
    echo '[rabbitmq_management].' >"$BASE/enabled_plugins"

    local u p v
    u=$(json_string "$BROKER_USER")
    p=$(json_string "$BROKER_PASSWORD")
    v=$(json_string "$BROKER_VHOST")
    # Imported at every boot: the user, its password and both vhosts always match
    # the current BROKER_* settings, even on an existing node.
    cat >"$BASE/definitions.json" <<EOF
{
  "users": [{"name": $u, "password": $p, "tags": "administrator"}],
  "vhosts": [{"name": "/"}, {"name": $v}],
  "permissions": [
    {"user": $u, "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"},
    {"user": $u, "vhost": $v, "configure": ".*", "write": ".*", "read": ".*"}
  ],
  "policies": [
    {"vhost": $v, "name": "dead-letter-retention", "pattern": "^[a-z0-9]+(\\\\.[a-z0-9]+)?\\\\.dead\$", "apply-to": "queues",
     "priority": 0, "definition": {"message-ttl": 604800000, "ha-mode": "all", "ha-sync-mode": "automatic"}}
  ]
}
EOF
    chmod 600 "$BASE/definitions.json"

    # default_* would seed a fresh node (empty database), but with definitions to
    # import RabbitMQ skips them ("Will not seed default virtual host and user:
    # have definitions to load"); they stay as the documented fallback.
    cat >"$BASE/rabbitmq.conf" <<EOF
# Generated by scripts/broker.sh at every start; edit the script, not this file.
listeners.tcp.default = 127.0.0.1:$BROKER_PORT
listeners.ssl.default = 127.0.0.1:$BROKER_TLS_PORT
ssl_options.cacertfile = $TLS_DIR/ca.pem
ssl_options.certfile = $TLS_DIR/server.pem
ssl_options.keyfile = $TLS_DIR/server.key
# Clients authenticate with their password, not a certificate.
ssl_options.verify = verify_none
ssl_options.fail_if_no_peer_cert = false
management.tcp.ip = 127.0.0.1
management.tcp.port = $BROKER_MANAGEMENT_PORT
# Only loopback listeners, so letting any user in from loopback is fine.
loopback_users = none

default_vhost = $BROKER_VHOST
default_user = $BROKER_USER
default_pass = $BROKER_PASSWORD
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*

definitions.import_backend = local_filesystem
definitions.local.path = $BASE/definitions.json

# The management API's counters (e.g. a queue's "messages") refresh at this
# interval (RabbitMQ's default is 5000 ms); tests poll them.
collect_statistics_interval = ${BROKER_STATS_INTERVAL_MS:-1000}

log.file.level = ${BROKER_LOG_LEVEL:-info}
log.console = false
EOF
    if [[ ! -s "$BASE/.erlang.cookie" ]]; then
        (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F' >"$BASE/.erlang.cookie")
    fi
    chmod 400 "$BASE/.erlang.cookie"
    if [[ $(id -u) -eq 0 ]]; then
        chown -R "$RUN_AS:" "$BASE"
    fi
}

# --- processes -------------------------------------------------------------------

has_marker() { # pid: was it started by this script for this folder?
    grep -qsFxz -- "$MARKER" "/proc/$1/environ" 2>/dev/null
}

proc_name() { cat "/proc/$1/comm" 2>/dev/null || true; }

# Every live process we started from this data folder (epmd excluded).
our_pids() {
    local pid
    for pid in $(marked_pids); do
        [[ "$(proc_name "$pid")" == epmd ]] || echo "$pid"
    done
}

# The epmd our VM spawned (if any): it inherited the marker from the VM.
our_epmd_pids() {
    local pid
    for pid in $(marked_pids); do
        [[ "$(proc_name "$pid")" == epmd ]] && echo "$pid"
    done
    return 0
}

vm_pid() { # the Erlang VM's pid if it is alive and ours
    local pid
    [[ -r "$PID_FILE" ]] || return 1
    pid=$(tr -dc '0-9' <"$PID_FILE")
    pid_alive "$pid" && has_marker "$pid" && echo "$pid"
}

management_ok() {
    curl -fsS -o /dev/null --max-time 5 -u "$BROKER_USER:$BROKER_PASSWORD" \
        "http://127.0.0.1:$BROKER_MANAGEMENT_PORT/api/overview" 2>/dev/null
}

ready() { tcp_open "$BROKER_PORT" && management_ok; }

tail_log() {
    local f
    for f in "$STARTUP_LOG" "$BROKER_LOG"; do
        if [[ -s "$f" ]]; then
            echo "----- last lines of $f -----" >&2
            tail -n 40 "$f" >&2
        fi
    done
}

ctl() {
    [[ -d "$BASE" ]] || die "no broker data in $BASE (run: scripts/broker.sh start)"
    broker_env
    # Stay in the caller's folder (relative paths in ARGS keep working) unless
    # the VM's user cannot enter it.
    if ((${#RUNNER[@]})) && ! "${RUNNER[@]}" test -x "$PWD" 2>/dev/null; then
        cd "$BASE"
    fi
    "${RUNNER[@]}" "$RMQ_BIN/rabbitmqctl" -n "$BROKER_NODENAME" "$@"
}

# --- commands --------------------------------------------------------------------

cmd_status() {
    local pid
    if pid=$(vm_pid); then
        if ready; then
            echo "broker: running (pid $pid, node $BROKER_NODENAME, amqp 127.0.0.1:$BROKER_PORT, management http://127.0.0.1:$BROKER_MANAGEMENT_PORT, data $BASE)"
            return 0
        fi
        echo "broker: starting or unhealthy (pid $pid; AMQP or management API not answering)"
        return 1
    fi
    echo "broker: not running"
    return 3
}

wait_ready() { # launcher_pid
    local launcher=$1 deadline=$((SECONDS + BROKER_START_TIMEOUT))
    while ((SECONDS < deadline)); do
        if ready; then return 0; fi
        if [[ -n "$launcher" ]] && ! pid_alive "$launcher"; then
            log "RabbitMQ exited during start-up"
            tail_log
            return 1
        fi
        sleep 0.2
    done
    log "RabbitMQ did not become ready within ${BROKER_START_TIMEOUT}s (AMQP 127.0.0.1:$BROKER_PORT, management 127.0.0.1:$BROKER_MANAGEMENT_PORT)"
    tail_log
    return 1
}

cmd_start() {
    local t0=$SECONDS pid launcher=""
    [[ -x "$RMQ_BIN/rabbitmq-server" ]] || die "rabbitmq-server is not installed (run scripts/install-deps.sh)"
    command -v curl >/dev/null || die "curl is not installed (run scripts/install-deps.sh)"

    if pid=$(vm_pid); then
        launcher=$(tr -dc '0-9' <"$LAUNCHER_PID_FILE" 2>/dev/null || true)
        pid_alive "$launcher" || launcher=""
        if ready; then
            log "already running (pid $pid)"
            return 0
        fi
        # The VM is up but not serving: booting, or its app was stopped with
        # `ctl stop_app` (e.g. by a test that died before its start_app).
        local state
        state=$(ctl eval 'rabbit_boot_state:get().' 2>/dev/null | tr -d '[:space:]' || true)
        if [[ "$state" == stopped ]]; then
            log "node is up but the RabbitMQ application is stopped (stop_app): start_app"
            ctl start_app >/dev/null
        else
            log "already started (pid $pid, state ${state:-unknown}), waiting until it is ready"
        fi
        wait_ready "$launcher" || die "broker is not healthy; try: scripts/broker.sh stop && scripts/broker.sh start"
        log "ready"
        return 0
    fi

    # Leftovers of a crashed run: a stale pid file, orphaned helpers.
    rm -f "$PID_FILE" "$LAUNCHER_PID_FILE"
    kill_ours

    local port
    for port in "$BROKER_PORT" "$BROKER_TLS_PORT" "$BROKER_MANAGEMENT_PORT" "$BROKER_DIST_PORT"; do
        if tcp_open "$port"; then
            die "port 127.0.0.1:$port is already in use by another process (another broker?); set BROKER_PORT / BROKER_TLS_PORT / BROKER_MANAGEMENT_PORT / BROKER_DIST_PORT"
        fi
    done

    write_config
    broker_env

    log "starting RabbitMQ node $BROKER_NODENAME as user $RUN_AS (data in $BASE)"
    {
        echo "===== $(date '+%F %T') start ====="
    } >>"$STARTUP_LOG"
    # setsid: own session, so a Ctrl-C in the terminal that ran `make` does not hit it;
    # the launcher (rabbitmq-server, not -detached) turns SIGTERM into a clean stop.
    (
        cd "$BASE"
        export EVN_BROKER_HOME="$BASE" # = $MARKER
        exec setsid "${RUNNER[@]}" "$RMQ_BIN/rabbitmq-server"
    ) </dev/null >>"$STARTUP_LOG" 2>&1 &
    launcher=$!
    echo "$launcher" >"$LAUNCHER_PID_FILE"

    if ! wait_ready "$launcher"; then
        cmd_stop >/dev/null 2>&1 || true
        die "start failed"
    fi
    log "ready in $((SECONDS - t0))s: amqp://$BROKER_USER:***@127.0.0.1:$BROKER_PORT/$BROKER_VHOST, amqps://localhost:$BROKER_TLS_PORT (CA $TLS_DIR/ca.pem), management http://127.0.0.1:$BROKER_MANAGEMENT_PORT"
}

kill_ours() { # TERM, wait, KILL every process carrying our marker; then our epmd
    local pids pid
    terminate our_pids
    # An epmd our VM spawned: stop it too, unless another node still uses it.
    command -v epmd >/dev/null || return 0
    mapfile -t pids < <(our_epmd_pids)
    for pid in "${pids[@]}"; do
        local names
        names=$(ERL_EPMD_ADDRESS=127.0.0.1 epmd -names 2>/dev/null | grep -c '^name ' || true)
        if [[ "$names" == 0 ]]; then
            kill -TERM "$pid" 2>/dev/null || true
        fi
    done
}

cmd_stop() {
    local pid i
    if pid=$(vm_pid); then
        log "stopping RabbitMQ (pid $pid)"
        # `rabbitmqctl stop PIDFILE` also waits for the VM to exit.
        if ! (timeout 30 "$SELF" ctl stop "$PID_FILE" >/dev/null 2>&1); then
            log "rabbitmqctl stop failed; sending SIGTERM"
            kill -TERM "$pid" 2>/dev/null || true
        fi
        for ((i = 0; i < 300; i++)); do
            pid_alive "$pid" || break
            sleep 0.1
        done
    fi
    kill_ours
    rm -f "$PID_FILE" "$LAUNCHER_PID_FILE"
    if [[ -n "$(our_pids)" ]]; then
        die "some broker processes are still alive: $(our_pids | tr '\n' ' ')"
    fi
    log "stopped"
}

cmd_reset() {
    cmd_stop
    rm -rf "$BASE"
    log "removed $BASE"
}

cmd_env() {
    cat <<EOF
BROKER_PORT=$BROKER_PORT
BROKER_TLS_PORT=$BROKER_TLS_PORT
BROKER_MANAGEMENT_PORT=$BROKER_MANAGEMENT_PORT
BROKER_DIST_PORT=$BROKER_DIST_PORT
BROKER_NODENAME=$BROKER_NODENAME
BROKER_USER=$BROKER_USER
BROKER_VHOST=$BROKER_VHOST
BROKER_RUN_AS=$RUN_AS
BROKER_DATA=$BASE
AMQP_URL=amqp://$BROKER_USER:$BROKER_PASSWORD@127.0.0.1:$BROKER_PORT/$BROKER_VHOST
BROKER_TLS_URL=amqps://$BROKER_USER:$BROKER_PASSWORD@localhost:$BROKER_TLS_PORT/$BROKER_VHOST
BROKER_CA_FILE=$TLS_DIR/ca.pem
BROKER_MANAGEMENT_URL=http://$BROKER_USER:$BROKER_PASSWORD@127.0.0.1:$BROKER_MANAGEMENT_PORT
EOF
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
reset) cmd_reset ;;
ctl) shift; ctl "$@" ;;
env) cmd_env ;;
pid) vm_pid || exit 3 ;;
*)
    echo "usage: $0 start|stop|status|reset|env|pid|ctl RABBITMQCTL-ARGS..." >&2
    exit 2
    ;;
esac
