"""What the Swift code and scripts/run.sh say about the runtime: read from the sources,
never typed twice, so that the deployment files are checked against the code itself.

- every environment variable a service reads (ServiceKit's ConfigurationKey, the
  service's own settings, and the data-table variables of the libraries it uses);
- the per-service HTTP ports (ConfigurationKey.httpPort and run.sh's HTTP_PORTS);
- the messaging names (exchanges, `<service>.inbox` / `.lookups` / `.dead`), what each service
  consumes (its MessageHandlers) and what it sends (the contracts its code uses);
- the settings `make run` gives the services (scripts/run.sh).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ENV_NAME = r"[A-Z][A-Z0-9_]{2,}"


class FactsError(Exception):
    """The sources no longer look the way this reader expects: fix the reader with them."""


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise FactsError(f"cannot read {path}: {error}") from error


def _swift_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.swift"))


def _strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


@dataclass
class Contract:
    type_name: str
    routing_key: str
    kind: str  # event | command | query


@dataclass
class ServiceFacts:
    name: str  # intake
    module: str  # Intake
    uses: list[str]
    env: set[str] = field(default_factory=set)  # variables of its own (not ServiceKit's)
    consumes: dict[str, Contract] = field(default_factory=dict)  # routing key -> contract
    sends: dict[str, Contract] = field(default_factory=dict)  # routing key -> contract

    @property
    def inbox(self) -> str:
        return f"{self.name}.inbox"

    @property
    def lookups(self) -> str:
        return f"{self.name}.lookups"

    @property
    def dead(self) -> str:
        return f"{self.name}.dead"

    def consumed(self, kind: str) -> list[str]:
        return sorted(k for k, c in self.consumes.items() if c.kind == kind)

    def sent(self, kind: str) -> list[str]:
        return sorted(k for k, c in self.sends.items() if c.kind == kind)


@dataclass
class Facts:
    common_env: list[str]  # ConfigurationKey.all, every service
    default_ports: dict[str, int]  # ConfigurationKey.httpPort
    exchanges: dict[str, str]  # events/commands/dead -> name
    reply_queue: str
    services: dict[str, ServiceFacts]
    run_services: list[str]  # run.sh SERVICES
    run_ports: dict[str, int]  # run.sh HTTP_PORTS
    run_env: dict[str, str]  # what run.sh exports to the services (raw shell values)
    run_vhost: str
    contracts: dict[str, Contract]  # type name -> contract

    def env_of(self, service: str) -> set[str]:
        return set(self.common_env) | self.services[service].env


def _configuration_keys(root: Path) -> tuple[list[str], dict[str, int]]:
    # The keys are declared by concern in `ConfigurationKey+<Concern>.swift`; `all` is in the main file.
    folder = root / "Libraries/ServiceKit/Configuration"
    path = folder / "ConfigurationKey.swift"
    files = [path, *sorted(folder.glob("ConfigurationKey+*.swift"))]
    text = "\n".join(_strip_comments(_read(file)) for file in files)
    names = re.findall(rf'name:\s*"({ENV_NAME})"', text)
    if not names:
        raise FactsError(f"{path}: no ConfigurationKey(name: \"...\") found")
    match = re.search(r'name:\s*"HTTP_PORT".*?perService\((.*?)otherwise', text, flags=re.S)
    if not match:
        raise FactsError(f"{path}: the per-service HTTP_PORT defaults were not found")
    ports = {s: int(p) for s, p in re.findall(r'\(\s*"([a-z]+)"\s*,\s*"(\d+)"\s*\)', match.group(1))}
    listed = re.search(r"static let all: \[ConfigurationKey\] = \[(.*?)\]", text, flags=re.S)
    if not listed:
        raise FactsError(f"{path}: ConfigurationKey.all was not found")
    # Every declared key must be in `all`, or the services would not read it.
    declared = re.findall(r"static let (\w+) = ConfigurationKey\(", text)
    in_all = re.findall(r"\.(\w+)", listed.group(1))
    missing = sorted(set(declared) - set(in_all))
    if missing:
        raise FactsError(f"{path}: keys declared but not in ConfigurationKey.all: {missing}")
    return names, ports


def _services(root: Path) -> list[ServiceFacts]:
    text = _strip_comments(_read(root / "Package.swift"))
    found = []
    for module, executable, uses in re.findall(
        r'ServiceModule\(\s*module:\s*"(\w+)",\s*executable:\s*"(\w+)",\s*uses:\s*\[(.*?)\]\s*\)', text, flags=re.S
    ):
        found.append(ServiceFacts(name=executable, module=module, uses=re.findall(r'"(\w+)"', uses)))
    if not found:
        raise FactsError("Package.swift: no ServiceModule(module:executable:uses:) found")
    return found


def _library_variables(root: Path) -> dict[str, dict[str, str]]:
    """library -> {declaring type -> variable} for `static let …Variable = "X"` constants."""
    result: dict[str, dict[str, str]] = {}
    for folder in sorted((root / "Libraries").iterdir()):
        if not folder.is_dir() or folder.name == "ServiceKit":
            continue
        for path in _swift_files(folder):
            text = _strip_comments(_read(path))
            for match in re.finditer(rf'static let \w*(?:Variable|Setting)\w*\s*=\s*"({ENV_NAME})"', text):
                types = re.findall(r"(?:struct|enum|class|extension)\s+(\w+)", text[: match.start()])
                if types:
                    result.setdefault(folder.name, {})[types[-1]] = match.group(1)
    return result


def _own_variables(text: str) -> set[str]:
    names = set(re.findall(rf'environment\[\s*"({ENV_NAME})"\s*\]', text))
    names |= set(re.findall(rf'\b(?:read|seconds)\(\s*"({ENV_NAME})"', text))
    names |= set(re.findall(rf'static let \w*(?:Variable|Setting)\w*\s*=\s*"({ENV_NAME})"', text))
    return names


def _contracts(root: Path) -> dict[str, Contract]:
    contracts = {}
    for path in _swift_files(root / "Libraries/Contracts"):
        text = _strip_comments(_read(path))
        key = re.search(r'static let routingKey\s*=\s*"([a-z0-9.-]+)"', text)
        kind = re.search(r"static let kind\s*=\s*MessageKind\.(\w+)", text)
        name = re.search(r"(?:struct|enum)\s+(\w+)\s*:[^{]*(?:MessageContract|QueryContract)", text)
        if key and kind and name:
            contracts[name.group(1)] = Contract(name.group(1), key.group(1), kind.group(1))
        elif key or kind:
            raise FactsError(f"{path}: a contract whose type, routingKey or kind this reader cannot find")
    if not contracts:
        raise FactsError("Libraries/Contracts: no contracts found")
    return contracts


def _messaging(root: Path) -> tuple[dict[str, str], str]:
    text = _strip_comments(_read(root / "Libraries/Messaging/Topology/Exchange.swift"))
    exchanges = dict(re.findall(r'static let (events|commands|dead)\s*=\s*"([a-z.]+)"', text))
    if set(exchanges) != {"events", "commands", "dead"}:
        raise FactsError("Libraries/Messaging/Topology/Exchange.swift: events/commands/dead not found")
    topology = _strip_comments(_read(root / "Libraries/Messaging/Topology/ServiceTopology.swift"))
    for queue in ('"\\(service).inbox"', '"\\(service).lookups"', '"\\(service).dead"'):
        if queue not in topology:
            raise FactsError(f"ServiceTopology.swift no longer names queues {queue}: update the checks")
    rpc = _strip_comments(_read(root / "Libraries/Messaging/RPC/RPCClient.swift"))
    reply = re.search(r'replyQueue\s*=\s*"([a-z.-]+)"', rpc)
    if not reply:
        raise FactsError("RPCClient.swift: the reply queue was not found")
    return exchanges, reply.group(1)


def _handlers_and_sends(service: ServiceFacts, root: Path, contracts: dict[str, Contract]) -> None:
    texts = [_strip_comments(_read(p)) for p in _swift_files(root / "Services" / service.module / "Library")]
    code = "\n".join(texts)
    service.env = _own_variables(code)
    # `handlers.on(X.self)` takes an event or a command, `handlers.answer(X.self)` a look-up.
    for registration, type_name in re.findall(r"\.(on|answer)\(\s*(\w+)\.self", code):
        contract = contracts.get(type_name)
        if contract is None:
            raise FactsError(f"{service.name}: handler for {type_name}, which is no contract")
        if (registration == "answer") != (contract.kind == "query"):
            raise FactsError(f"{service.name}: {registration}({type_name}.self) but {type_name} is a {contract.kind}")
        service.consumes[contract.routing_key] = contract
    handled = {c.type_name for c in service.consumes.values()}
    for type_name, contract in contracts.items():
        if type_name in handled or not re.search(rf"\b{type_name}\b", code):
            continue
        # A contract the service uses but does not consume is one it sends; the events of
        # another service it only reads (a reply type, say) would break the naming rule below.
        if contract.kind == "event" and not contract.routing_key.startswith(service.name + "."):
            continue
        service.sends[contract.routing_key] = contract


def _run_sh(root: Path) -> tuple[list[str], dict[str, int], dict[str, str], str]:
    text = _read(root / "scripts/run.sh")
    services = re.search(r"^SERVICES=\((.*?)\)", text, flags=re.M)
    ports = re.search(r"^declare -A HTTP_PORTS=\((.*?)\)", text, flags=re.M)
    vhost = re.search(r"^BROKER_VHOST=\$\{BROKER_VHOST:-(\w+)\}", text, flags=re.M)
    if not (services and ports and vhost):
        raise FactsError("scripts/run.sh: SERVICES, HTTP_PORTS or BROKER_VHOST not found")
    env: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("export ") and "=" in line:
            for name, value in re.findall(rf"({ENV_NAME})=(\S+)", line):
                env[name] = value.strip('"')
        elif re.match(rf"HTTP_PORT=\$\{{HTTP_PORTS", line):
            env["HTTP_PORT"] = "${HTTP_PORTS[$name]}"
    return (
        services.group(1).split(),
        {s: int(p) for s, p in re.findall(r"\[(\w+)\]=(\d+)", ports.group(1))},
        env,
        vhost.group(1),
    )


def read(root: Path) -> Facts:
    common, default_ports = _configuration_keys(root)
    contracts = _contracts(root)
    exchanges, reply = _messaging(root)
    library_vars = _library_variables(root)
    services = {}
    for service in _services(root):
        _handlers_and_sends(service, root, contracts)
        code = "\n".join(_strip_comments(_read(p)) for p in _swift_files(root / "Services" / service.module / "Library"))
        for library in service.uses:
            for type_name, variable in library_vars.get(library, {}).items():
                if re.search(rf"\b{type_name}\.load\(", code):
                    service.env.add(variable)
        services[service.name] = service
    run_services, run_ports, run_env, run_vhost = _run_sh(root)
    return Facts(common, default_ports, exchanges, reply, services, run_services, run_ports, run_env, run_vhost,
                 contracts)
