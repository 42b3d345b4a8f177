#!/usr/bin/env bash
# Writes a complete settings file for docker-compose.yml into DIR (default var/compose): strong
# random broker passwords, personal-data keys and webhook secrets; the broker's TLS files
# (a CA of its own and a certificate naming the host `rabbitmq`, docs/operations.md "Broker
# TLS"); the staff sign-in's signing key and public key set, made by the image's own
# `evnctl staff-token-keys`; the SMS gateway and mail relay of deploy/compose/test.yml
# (the stand-ins `sms` and `smtp`); and the host ports the stack is published on. Keeps an
# existing DIR/.env (the stores' keys must outlive a restart); prints its path.
#
#   scripts/containers/compose-env.sh [DIR]
#
# Settings: EVN_IMAGE (localhost/evn-platform:latest), the published ports INTAKE_PUBLISH
# (18080), CRM_PUBLISH (18081), METERING_PUBLISH (18082), HOUSEHOLDS_PUBLISH (18083),
# OUTAGE_PUBLISH (18084), SIGNIN_PUBLISH (18087), COMPOSE_BROKER_MANAGEMENT_PORT (18092;
# written as the stack's BROKER_MANAGEMENT_PORT, which make test exports for its own broker),
# PROMETHEUS_PORT (18090).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
DIR=$(mkdir -p "${1:-$ROOT/var/compose}" && cd "${1:-$ROOT/var/compose}" && pwd -P)
EVN_IMAGE=${EVN_IMAGE:-localhost/evn-platform:latest}

if [[ -f "$DIR/.env" ]]; then
    echo "$DIR/.env"
    exit 0
fi

password() { openssl rand -hex 24; }
data_key() { openssl rand -base64 32; }

tls="$DIR/tls"
mkdir -p "$tls"
(
    cd "$tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=EVN broker CA" -keyout ca.key -out ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=rabbitmq" -keyout broker.key -out broker.csr 2>/dev/null
    printf 'subjectAltName=DNS:rabbitmq\nextendedKeyUsage=serverAuth\n' >broker.ext
    openssl x509 -req -in broker.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -extfile broker.ext \
        -out broker.pem 2>/dev/null
    # Read by the broker's own user in its container, whatever its uid in the image.
    chmod 0644 broker.key
)

keys="$DIR/staff-token-keys"
mkdir -p "$keys"
podman run --rm --user 0 --volume "$keys:/keys" "$EVN_IMAGE" evnctl staff-token-keys \
    --kid compose --private-key /keys/signing-key.pem --key-set /keys/keys.json >/dev/null
chmod 0644 "$keys/keys.json" "$keys/signing-key.pem"

cat >"$DIR/.env" <<ENV
EVN_IMAGE=$EVN_IMAGE
BROKER_ADMIN_USER=evn-admin
BROKER_ADMIN_PASSWORD=$(password)
OPS_BROKER_PASSWORD=$(password)
INTAKE_BROKER_PASSWORD=$(password)
CRM_BROKER_PASSWORD=$(password)
METERING_BROKER_PASSWORD=$(password)
HOUSEHOLDS_BROKER_PASSWORD=$(password)
OUTAGE_BROKER_PASSWORD=$(password)
NOTIFICATION_BROKER_PASSWORD=$(password)
SIGNIN_BROKER_PASSWORD=$(password)
BROKER_TLS_CA=$tls/ca.pem
BROKER_TLS_CERT=$tls/broker.pem
BROKER_TLS_KEY=$tls/broker.key
STAFF_TOKEN_KEYS_DIR=$keys
STAFF_TOKEN_SIGNING_KEY=$keys/signing-key.pem
STAFF_TOKEN_SIGNING_KEY_ID=compose
INTAKE_PERSONAL_DATA_KEY=$(data_key)
CRM_PERSONAL_DATA_KEY=$(data_key)
METERING_PERSONAL_DATA_KEY=$(data_key)
HOUSEHOLDS_PERSONAL_DATA_KEY=$(data_key)
OUTAGE_PERSONAL_DATA_KEY=$(data_key)
NOTIFICATION_PERSONAL_DATA_KEY=$(data_key)
SIGNIN_PERSONAL_DATA_KEY=$(data_key)
INTAKE_SMS_INBOUND_SECRET=$(password)
INTAKE_TELEPHONY_WEBHOOK_SECRET=$(password)
STAFF_DIRECTORY_URL=ldaps://directory:636
STAFF_DIRECTORY_BIND_DN=cn=signin,ou=services,dc=evn,dc=example
STAFF_DIRECTORY_BIND_PASSWORD=$(password)
STAFF_DIRECTORY_SEARCH_BASE=dc=evn,dc=example
STAFF_CONSOLE_ORIGINS=http://127.0.0.1:${CRM_PUBLISH:-18081}
STAFF_SIGN_IN_URL=http://127.0.0.1:${SIGNIN_PUBLISH:-18087}/sign-in
INTAKE_PUBLISH=${INTAKE_PUBLISH:-18080}
CRM_PUBLISH=${CRM_PUBLISH:-18081}
METERING_PUBLISH=${METERING_PUBLISH:-18082}
HOUSEHOLDS_PUBLISH=${HOUSEHOLDS_PUBLISH:-18083}
OUTAGE_PUBLISH=${OUTAGE_PUBLISH:-18084}
SIGNIN_PUBLISH=${SIGNIN_PUBLISH:-18087}
BROKER_MANAGEMENT_PORT=${COMPOSE_BROKER_MANAGEMENT_PORT:-18092}
PROMETHEUS_PORT=${PROMETHEUS_PORT:-18090}
SMS_GATEWAY_URL=http://sms:8086/send
SMS_GATEWAY_API_KEY=$(password)
SMS_GATEWAY_SECRET_KEY=$(password)
SMTP_HOST=smtp
SMTP_PORT=2525
SMTP_TLS=0
PORTAL_URL=http://127.0.0.1:${INTAKE_PUBLISH:-18080}
ENV
chmod 0600 "$DIR/.env"
echo "$DIR/.env"
