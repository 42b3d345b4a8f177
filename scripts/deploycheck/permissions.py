"""The broker permissions each service needs, derived from what its code declares,
binds, publishes and consumes (see swift_facts), and a check of given regexes against them.

RabbitMQ's rules, for the operations the Messaging library performs:
- exchange.declare (every service declares the three exchanges at connect): configure on the exchange;
- queue.declare `<service>.inbox` / `<service>.dead`, and `<service>.lookups` for a service that
  answers look-ups: configure on the queue; declaring the inbox with x-dead-letter-exchange also
  needs write on evn.dead and read on the inbox;
- queue.bind and queue.unbind (the inbox drops look-up keys an older release bound to it): write
  on the queue, read on the exchange, and on a topic exchange the topic permission `read` must
  match the binding key;
- basic.publish: write on the exchange (the default exchange is `amq.default`: replies to
  look-ups, dead-letter replay), and on a topic exchange the topic permission `write` must
  match the routing key;
- basic.consume / basic.get on a queue: read on it. The direct reply-to pseudo-queue
  (`amq.rabbitmq.reply-to`) needs no permission.

A service that runs as shards (docs/scaling.md) has queues per shard, `<service>.<shard>.inbox`
and so on, whose shard names the operator chooses: they are granted as a pattern. Events go
out as `<key>.<PC>` (the provincial power company) or `<key>`; an unsharded consumer binds
`<key>.#`, a shard `<key>` and `<key>.<PC>` for each of its companies (or `<key>.#`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from swift_facts import Facts, ServiceFacts

DEFAULT_EXCHANGE = "amq.default"

# The services deployed as shards by provincial power company (docs/scaling.md); the others
# keep global parts that decide against it, and get no shard queues.
SHARDED = {"crm"}
# A shard's name (ServiceKit's Shard) and a company code in an event's routing key (CompanyRouting).
SHARD_NAME = r"[a-z0-9]{1,16}"
COMPANY = r"[A-Z0-9]{4}"
EXAMPLE_SHARDS = ("pc05", "pcdn")
EXAMPLE_COMPANIES = ("PC05", "PCDN")


@dataclass(frozen=True)
class Family:
    """Names given by a pattern (a regular expression without anchors), not one by one: a
    shard's queues, a shard's binding keys. `examples` are what the check requires it to allow."""
    pattern: str
    examples: frozenset[str]


# Exact names and families of names.
Names = set["str | Family"]


def shard_queues(service: str, kinds: list[str]) -> Family:
    """The queues `kinds` (inbox, dead, lookups) of every shard of `service`."""
    names = sorted(kinds)
    pattern = re.escape(service) + r"\." + SHARD_NAME + r"\." + (names[0] if len(names) == 1 else f"({'|'.join(names)})")
    return Family(pattern, frozenset(f"{service}.{shard}.{kind}" for shard in EXAMPLE_SHARDS for kind in kinds))


def binding_keys(keys: list[str], sharded: bool) -> Family:
    """The keys an inbox binds on the events exchange for the events `keys`: `<key>.#`, and for a
    shard also `<key>` and `<key>.<PC>`."""
    alternatives = "(" + "|".join(re.escape(k) for k in sorted(keys)) + ")"
    if not sharded:
        return Family(alternatives + r"\.#", frozenset(f"{k}.#" for k in keys))
    return Family(alternatives + r"(\.#|\." + COMPANY + ")?",
                  frozenset(set(keys) | {f"{k}.#" for k in keys}
                            | {f"{k}.{company}" for k in keys for company in EXAMPLE_COMPANIES}))


def examples(names: Names) -> set[str]:
    """The exact names `names` stands for: families by their examples."""
    result = set()
    for name in names:
        result |= set(name.examples) if isinstance(name, Family) else {name}
    return result


@dataclass
class Need:
    configure: Names
    write: Names
    read: Names
    topic_write: set[str]  # routing keys published on the events exchange (without the company)
    topic_read: Names  # binding keys on the events exchange


def need(facts: Facts, service: ServiceFacts) -> Need:
    x = facts.exchanges
    own = {service.inbox, service.dead}
    if service.consumed("query"):
        own.add(service.lookups)
    if service.name in SHARDED:
        own.add(shard_queues(service.name, ["dead", "inbox"] + (["lookups"] if service.consumed("query") else [])))
    write = {x["dead"]} | own
    if service.sent("event"):
        write.add(x["events"])
    if service.sent("command") or service.sent("query"):
        write.add(x["commands"])
    if service.consumed("query"):
        write.add(DEFAULT_EXCHANGE)
    read = {x["dead"]} | own
    if service.consumed("event"):
        read.add(x["events"])
    if service.consumed("command") or service.consumed("query"):
        read.add(x["commands"])
    return Need(
        configure=set(x.values()) | own,
        write=write,
        read=read,
        topic_write=set(service.sent("event")),
        topic_read={binding_keys(service.consumed("event"), service.name in SHARDED)} if service.consumed("event") else set(),
    )


def operator_need(facts: Facts) -> Need:
    """The operators' user: list and replay dead letters (`dead-letters list|replay`)."""
    dead: Names = {s.dead for s in facts.services.values()}
    dead |= {shard_queues(name, ["dead"]) for name in SHARDED if name in facts.services}
    return Need(configure=dead, write={DEFAULT_EXCHANGE}, read=dead, topic_write=set(), topic_read=set())


def universe(facts: Facts) -> set[str]:
    """Every resource name a regex is tried against: what it must not match is the rest."""
    names = set(facts.exchanges.values()) | {DEFAULT_EXCHANGE, "amq.topic", "amq.direct", "evn"}
    for s in facts.services.values():
        names |= {s.inbox, s.lookups, s.dead, s.name}
        # Any service's shard queues, and names a shard pattern must not let through.
        names |= {f"{s.name}.{shard}.{kind}" for shard in EXAMPLE_SHARDS for kind in ("inbox", "lookups", "dead")}
        names |= {f"{s.name}.PC05.inbox", f"{s.name}.pc05.other", f"{s.name}.pc05.inbox.x"}
    return names


def event_keys(facts: Facts) -> set[str]:
    keys = {c.routing_key for c in facts.contracts.values() if c.kind == "event"}
    # Keys of the same shape that no contract has (yet): a regex must not let them through either.
    for s in facts.services.values():
        keys.add(f"{s.name}.something.happened")
    return keys


def binding_candidates(facts: Facts) -> set[str]:
    """Every binding key a topic read regex is tried against: each event key bare, with a
    company, with `#`, and with a word that is no company."""
    return {variant for key in event_keys(facts)
            for variant in (key, f"{key}.#", f"{key}.PC05", f"{key}.pc05", f"{key}.PC05.x")}


def suggest(names: Names) -> str:
    if not names:
        return "^$"
    exact = sorted(re.escape(n) for n in names if not isinstance(n, Family))
    patterns = sorted(n.pattern for n in names if isinstance(n, Family))
    return "^(" + "|".join(exact + patterns) + ")$"


def check_regex(what: str, pattern: str, wanted: Names, candidates: set[str]) -> list[str]:
    """Problems with `pattern`: a required name it refuses, or a name beyond them it allows."""
    required = examples(wanted)
    try:
        compiled = re.compile(pattern)
    except re.error as error:
        return [f"{what}: {pattern!r} is not a regular expression ({error})"]
    # RabbitMQ matches with re:run, i.e. a search anywhere in the name, like re.search.
    problems = []
    refused = sorted(n for n in required if not compiled.search(n))
    allowed = sorted(n for n in candidates - required if compiled.search(n))
    if refused:
        problems.append(f"{what}: {pattern!r} refuses {refused}, which the code needs")
    if allowed:
        problems.append(f"{what}: {pattern!r} also allows {allowed}, which the code does not need")
    if problems:
        problems.append(f"{what}: expected for example {suggest(wanted)!r}")
    return problems


def check(facts: Facts, user: str, wanted: Need, given: dict, where: str) -> list[str]:
    """`given`: {"configure","write","read","topic_write","topic_read"} -> regex (topic ones may be None)."""
    everything = universe(facts)
    problems = []
    for kind in ("configure", "write", "read"):
        problems += check_regex(f"{where}: {user} {kind}", given.get(kind) or "", getattr(wanted, kind),
                                everything)
    keys = event_keys(facts)
    # Publishing: the naming rule (`^<service>\.`) is as good as the exact list, so only other
    # services' keys must be refused. Binding: exactly the keys the service consumes.
    own_prefix = f"{user}."
    for kind, required, candidates in (
        ("topic_write", wanted.topic_write, {k for k in keys if not k.startswith(own_prefix)} | wanted.topic_write),
        ("topic_read", wanted.topic_read, binding_candidates(facts)),
    ):
        pattern = given.get(kind)
        if pattern is None:
            if user in facts.services:
                problems.append(f"{where}: {user} has no topic permission on {facts.exchanges['events']} "
                                f"({kind.replace('_', ' ')}); expected for example {suggest(required)!r}")
            continue
        problems += check_regex(f"{where}: {user} {kind.replace('_', ' ')} on {facts.exchanges['events']}",
                                pattern, required, candidates)
    return problems
