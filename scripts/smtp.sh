#!/usr/bin/env bash
# A real SMTP server on loopback for tests (Debian's python3-aiosmtpd via
# scripts/smtp_sink.py). Each received message becomes one file
# var/smtp/mail/<time>-<seq>.eml (envelope in X-Envelope-From / X-Envelope-To headers).
#
#   scripts/smtp.sh start | stop | status | clear (delete received mail)
#
#   SMTP_PORT   port on 127.0.0.1 (2525)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BASE="$ROOT/var/smtp"
MAIL_DIR="$BASE/mail"
PID_FILE="$BASE/smtp.pid"
LOG_FILE="$BASE/smtp.log"
SMTP_PORT=${SMTP_PORT:-2525}
# Debian's interpreter: `python3` on PATH may be another build without aiosmtpd.
PYTHON=/usr/bin/python3

log() { printf 'smtp: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

pid_alive() {
    local stat
    [[ -n "${1:-}" ]] && stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ "${stat:0:1}" != Z ]]
}

# The pid in the pid file, if that process is alive and is our sink.
running_pid() {
    local pid
    [[ -r "$PID_FILE" ]] || return 1
    pid=$(tr -dc '0-9' <"$PID_FILE")
    pid_alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -Fq "smtp_sink.py" && echo "$pid"
}

smtp_ready() { # reads the 220 greeting
    local line
    { exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT"; } 2>/dev/null || return 1
    IFS= read -r -t 2 line <&3 || true
    printf 'QUIT\r\n' >&3 2>/dev/null || true
    exec 3<&- 3>&-
    [[ "$line" == 220* ]]
}

cmd_start() {
    local pid i
    if pid=$(running_pid); then
        log "already running (pid $pid) on 127.0.0.1:$SMTP_PORT, mail in $MAIL_DIR"
        return 0
    fi
    rm -f "$PID_FILE"
    "$PYTHON" -c 'import aiosmtpd' 2>/dev/null || die "python3-aiosmtpd is not installed (run scripts/install-deps.sh)"
    if (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; then
        die "port 127.0.0.1:$SMTP_PORT is already in use; set SMTP_PORT"
    fi
    mkdir -p "$MAIL_DIR"
    echo "===== $(date '+%F %T') start =====" >>"$LOG_FILE"
    setsid "$PYTHON" -u "$ROOT/scripts/smtp_sink.py" --host 127.0.0.1 --port "$SMTP_PORT" --dir "$MAIL_DIR" \
        </dev/null >>"$LOG_FILE" 2>&1 &
    pid=$!
    echo "$pid" >"$PID_FILE"
    for ((i = 0; i < 100; i++)); do
        if smtp_ready; then
            log "running (pid $pid) on 127.0.0.1:$SMTP_PORT, mail in $MAIL_DIR"
            return 0
        fi
        if ! pid_alive "$pid"; then
            tail -n 20 "$LOG_FILE" >&2
            rm -f "$PID_FILE"
            die "the SMTP sink exited during start-up"
        fi
        sleep 0.1
    done
    tail -n 20 "$LOG_FILE" >&2
    cmd_stop
    die "the SMTP sink did not answer on 127.0.0.1:$SMTP_PORT within 10s"
}

cmd_stop() {
    local pid i
    if pid=$(running_pid); then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            pid_alive "$pid" || break
            sleep 0.1
        done
        if pid_alive "$pid"; then
            log "killing $pid"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        log "stopped"
    else
        log "not running"
    fi
    rm -f "$PID_FILE"
}

cmd_status() {
    local pid
    if pid=$(running_pid); then
        echo "smtp: running (pid $pid) on 127.0.0.1:$SMTP_PORT, mail in $MAIL_DIR"
        return 0
    fi
    echo "smtp: not running"
    return 3
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
clear) rm -f "$MAIL_DIR"/*.eml ;;
*)
    echo "usage: $0 start|stop|status|clear" >&2
    exit 2
    ;;
esac
