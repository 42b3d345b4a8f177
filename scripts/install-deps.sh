#!/usr/bin/env bash
# Installs the system packages the project needs (Debian 12 / bookworm), with apt.
# Idempotent: when everything is installed it prints nothing and touches nothing.
# `apt-get update` runs only when something is missing.
#
#   scripts/install-deps.sh            install what is missing
#   scripts/install-deps.sh --check    only report what is missing (exit 1 if anything is)
#
# DEPS_PACKAGES (space-separated) overrides the package list (used to test this script).
set -euo pipefail

PACKAGES=(
    rabbitmq-server      # the broker (3.10 on bookworm)
    librabbitmq-dev      # rabbitmq-c 0.11, used by Libraries/CRabbitMQ
    libssl-dev           # OpenSSL under rabbitmq-c's TLS socket (amqps://, Libraries/CAMQPShim)
    openssl              # CLI: scripts/broker.sh makes the local broker's TLS certificates
    libcurl4-openssl-dev # notification: SMTP / HTTP gateway via libcurl
    libsqlite3-dev       # per-service stores
    sqlite3              # CLI, for operators and debugging
    python3-aiosmtpd     # local SMTP sink for tests (scripts/sink.sh)
    curl                 # broker readiness checks (management API)
    python3-venv         # the deployment checks' and browser tests' virtualenvs
    chromium             # the browser tests (scripts/browser-test.sh), headless
    chromium-driver      # WebDriver for Selenium
    slapd                # OpenLDAP: the staff directory in development and tests (scripts/directory.sh)
    ldap-utils           # ldapadd, ldapsearch: seeding and inspecting that directory
    libldap-dev          # OpenLDAP's client library, used by Libraries/CLDAP
    dovecot-imapd        # the customer-care mailbox in development and tests (scripts/mailbox.sh), IMAP
    dovecot-lmtpd        # ... and its LMTP delivery, how mail reaches it there
    swaks                # delivering a mail into that mailbox by hand (README)
    prometheus           # promtool: scripts/check-deploy.sh checks deploy/prometheus and its alert tests
)
if [[ -n "${DEPS_PACKAGES:-}" ]]; then
    read -r -a PACKAGES <<<"$DEPS_PACKAGES"
fi

check_only=0
[[ "${1:-}" == "--check" ]] && check_only=1

missing=()
for pkg in "${PACKAGES[@]}"; do
    # Status "install ok installed" is the only state that counts as present
    # (a removed-but-not-purged package reports "deinstall ok config-files").
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "install-deps: missing packages: ${missing[*]}" >&2
if ((check_only)); then
    exit 1
fi

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo)
    else
        echo "install-deps: not root and no sudo; install them by hand: apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
# No service manager here (no systemd, invoke-rc.d denied): tell the packages'
# maintainer scripts not to try to start their daemons (rabbitmq-server would).
# policy-rc.d exiting 101 means "action forbidden"; we only add it for the
# duration of the install and only if there is none already.
policy=/usr/sbin/policy-rc.d
added_policy=0
if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null
    "${SUDO[@]}" chmod 755 "$policy"
    added_policy=1
fi
cleanup() {
    if ((added_policy)); then "${SUDO[@]}" rm -f "$policy"; fi
}
trap cleanup EXIT

# slapd's postinst would otherwise build a system directory under /etc/ldap and
# /var/lib/ldap from the host name: scripts/directory.sh keeps its own under var/directory.
echo 'slapd slapd/no_configuration boolean true' | "${SUDO[@]}" debconf-set-selections

echo "install-deps: apt-get update" >&2
"${SUDO[@]}" apt-get update -qq
echo "install-deps: apt-get install ${missing[*]}" >&2
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
