# shellcheck shell=bash
# What scripts/broker.sh, scripts/directory.sh and scripts/mailbox.sh share to run a server as a plain background
# process with its state under var/: sourced, never run.
#
#   pid_alive PID             a live process, not a zombie
#   marked_pids               the live processes whose environment holds the entry $MARKER
#                             (NAME=VALUE), set by the sourcing script: the ones it started
#   terminate LISTER          SIGTERM the pids the function LISTER prints, wait up to 10 s for
#                             them to end, then SIGKILL what is left (logged with `log`)
#   tcp_open PORT             something listens on 127.0.0.1:PORT
#   await_ready LAUNCHER TIMEOUT LOG NAME PORT
#                             poll the sourcing script's `ready` every 0.1 s until it succeeds;
#                             die (tail of LOG shown) when the process LAUNCHER ends first, or
#                             after TIMEOUT seconds (then `cmd_stop` what started)
#   write_local_tls DIR NAME  a CA (DIR/ca.pem, what clients trust) and a server certificate
#                             for localhost and 127.0.0.1 (DIR/server.pem, DIR/server.key) it
#                             signs, valid for ten years; made once and kept, so that clients
#                             that trust ca.pem keep trusting the server. NAME names the CA.

pid_alive() { # PID 1 here may reap orphans late: a zombie is not alive
    local stat
    [[ -n "${1:-}" ]] && stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ "${stat:0:1}" != Z ]]
}

marked_pids() {
    local f pid
    # One grep over all environments (NUL-separated entries, whole-entry match).
    grep -lsFxz -- "$MARKER" /proc/[0-9]*/environ 2>/dev/null | while IFS= read -r f; do
        pid=${f#/proc/}
        pid=${pid%/environ}
        pid_alive "$pid" && echo "$pid"
    done
    return 0
}

terminate() {
    local lister=$1 pids i
    mapfile -t pids < <("$lister")
    ((${#pids[@]})) || return 0
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        mapfile -t pids < <("$lister")
        ((${#pids[@]})) || return 0
        sleep 0.1
    done
    log "killing ${pids[*]}"
    kill -KILL "${pids[@]}" 2>/dev/null || true
    sleep 0.2
}

tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

await_ready() {
    local launcher=$1 timeout=$2 log_file=$3 name=$4 port=$5 deadline
    deadline=$((SECONDS + timeout))
    until ready; do
        if ! pid_alive "$launcher"; then
            tail -n 20 "$log_file" >&2
            die "$name exited during start-up"
        fi
        if ((SECONDS >= deadline)); then
            tail -n 20 "$log_file" >&2
            cmd_stop >/dev/null 2>&1 || true
            die "$name did not answer within ${timeout}s on 127.0.0.1:$port"
        fi
        sleep 0.1
    done
}

write_local_tls() {
    local dir=$1 name=$2
    [[ -s "$dir/server.pem" && -s "$dir/ca.pem" ]] && return 0
    command -v openssl >/dev/null || die "openssl is not installed (run scripts/install-deps.sh)"
    mkdir -p "$dir"
    (
        umask 077
        cd "$dir" || exit 1
        openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=$name" \
            -keyout ca.key -out ca.pem 2>/dev/null
        openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr 2>/dev/null
        printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >server.ext
        openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 3650 \
            -extfile server.ext -out server.pem 2>/dev/null
        rm -f server.csr server.ext ca.srl
    )
    chmod 644 "$dir/ca.pem" "$dir/server.pem"
}
