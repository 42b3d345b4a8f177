"""Writes the broker's permissions from the code: deploy/rabbitmq/definitions.json (compose)
and deploy/k8s/base/rabbitmq/topology.yaml (Kubernetes). Run it after a service starts to
consume or send another message (check-deploy says so), then review the diff:

  scripts/check-deploy.sh --write-permissions
"""

from __future__ import annotations

import json
from pathlib import Path

import permissions
import swift_facts


def _quote(pattern: str) -> str:
    return "'" + pattern.replace("'", "''") + "'"


def definitions(facts: swift_facts.Facts, kept_policies: list[dict] = ()) -> str:
    """The definitions for `facts`; `kept_policies` (the file's broker policies, such as the
    dead letters' retention, which the code does not imply) are written back unchanged."""
    vhost = facts.run_vhost
    users = [{"name": "${BROKER_ADMIN_USER}", "password": "${BROKER_ADMIN_PASSWORD}", "tags": ["administrator"]},
             {"name": "evn-ops", "password": "${OPS_BROKER_PASSWORD}", "tags": []}]
    perms = [{"user": "${BROKER_ADMIN_USER}", "vhost": vhost, "configure": ".*", "write": ".*", "read": ".*"}]
    ops = permissions.operator_need(facts)
    perms.append({"user": "evn-ops", "vhost": vhost, "configure": permissions.suggest(ops.configure),
                  "write": permissions.suggest(ops.write), "read": permissions.suggest(ops.read)})
    topics = []
    for service in facts.services.values():
        need = permissions.need(facts, service)
        users.append({"name": service.name, "password": "${%s_BROKER_PASSWORD}" % service.name.upper(), "tags": []})
        perms.append({"user": service.name, "vhost": vhost, "configure": permissions.suggest(need.configure),
                      "write": permissions.suggest(need.write), "read": permissions.suggest(need.read)})
        topics.append({"user": service.name, "vhost": vhost, "exchange": facts.exchanges["events"],
                       "write": "^%s\\." % service.name, "read": permissions.suggest(need.topic_read)})

    def rows(items: list[dict]) -> str:
        return ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in items)

    return ("{\n  \"rabbit_version\": \"3.13.7\",\n  \"vhosts\": [\n    " + json.dumps({"name": vhost}) + "\n  ],\n"
            f"  \"users\": [\n{rows(users)}\n  ],\n  \"permissions\": [\n{rows(perms)}\n  ],\n"
            f"  \"topic_permissions\": [\n{rows(topics)}\n  ]"
            + (f",\n  \"policies\": [\n{rows(list(kept_policies))}\n  ]" if kept_policies else "") + "\n}\n")


def topology(facts: swift_facts.Facts) -> str:
    vhost = facts.run_vhost
    docs = [f"""# The broker's vhost, users and permissions, applied by the RabbitMQ messaging topology
# operator (https://www.rabbitmq.com/kubernetes/operator/using-topology-operator), the same
# as docker-compose.yml's deploy/rabbitmq/definitions.json. Each service has its own user,
# allowed only what its code does; its credentials are the Secret evn-<service> (keys
# username, password), which the service's pod reads too.
# Written by `scripts/check-deploy.sh --write-permissions` from the code; check-deploy
# checks it against the code.
apiVersion: rabbitmq.com/v1beta1
kind: Vhost
metadata:
  name: {vhost}
  labels: {{app.kubernetes.io/part-of: evn}}
spec:
  name: {vhost}
  defaultQueueType: quorum
  rabbitmqClusterReference: {{name: evn-broker}}"""]

    def user(name: str, comment: str) -> str:
        return f"""# {comment}
apiVersion: rabbitmq.com/v1beta1
kind: User
metadata:
  name: {name}
  labels: {{app.kubernetes.io/part-of: evn}}
spec:
  tags: []
  importCredentialsSecret: {{name: {name}}}
  rabbitmqClusterReference: {{name: evn-broker}}"""

    def permission(name: str, need: permissions.Need) -> str:
        return f"""apiVersion: rabbitmq.com/v1beta1
kind: Permission
metadata:
  name: {name}
  labels: {{app.kubernetes.io/part-of: evn}}
spec:
  vhost: {vhost}
  userReference: {{name: {name}}}
  permissions:
    configure: {_quote(permissions.suggest(need.configure))}
    write: {_quote(permissions.suggest(need.write))}
    read: {_quote(permissions.suggest(need.read))}
  rabbitmqClusterReference: {{name: evn-broker}}"""

    docs.append(user("evn-ops", "The operators: list and replay dead letters (docs/operations.md)."))
    docs.append(permission("evn-ops", permissions.operator_need(facts)))
    for service in facts.services.values():
        need = permissions.need(facts, service)
        name = f"evn-{service.name}"
        docs.append(user(name, f"{service.name}'s own user."))
        docs.append(permission(name, need))
        docs.append(f"""apiVersion: rabbitmq.com/v1beta1
kind: TopicPermission
metadata:
  name: {name}
  labels: {{app.kubernetes.io/part-of: evn}}
spec:
  vhost: {vhost}
  userReference: {{name: {name}}}
  permissions:
    exchange: {facts.exchanges['events']}
    # Publish its own events only; bind only the events it consumes.
    write: {_quote('^' + service.name + chr(92) + '.')}
    read: {_quote(permissions.suggest(need.topic_read))}
  rabbitmqClusterReference: {{name: evn-broker}}""")
    return "\n---\n".join(docs) + "\n"


def write(root: Path) -> list[Path]:
    facts = swift_facts.read(root)
    current = root / "deploy/rabbitmq/definitions.json"
    policies = json.loads(current.read_text(encoding="utf-8")).get("policies", []) if current.exists() else []
    written = []
    for path, text in ((current, definitions(facts, policies)),
                       (root / "deploy/k8s/base/rabbitmq/topology.yaml", topology(facts))):
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
