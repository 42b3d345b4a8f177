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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from swift_facts import Facts, ServiceFacts

DEFAULT_EXCHANGE = "amq.default"


@dataclass
class Need:
    configure: set[str]
    write: set[str]
    read: set[str]
    topic_write: set[str]  # routing keys published on the events exchange
    topic_read: set[str]  # binding keys on the events exchange


def need(facts: Facts, service: ServiceFacts) -> Need:
    x = facts.exchanges
    own = {service.inbox, service.dead}
    if service.consumed("query"):
        own.add(service.lookups)
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
        topic_read=set(service.consumed("event")),
    )


def operator_need(facts: Facts) -> Need:
    """The operators' user: list and replay dead letters (`dead-letters list|replay`)."""
    dead = {s.dead for s in facts.services.values()}
    return Need(configure=dead, write={DEFAULT_EXCHANGE}, read=dead, topic_write=set(), topic_read=set())


def universe(facts: Facts) -> set[str]:
    """Every resource name a regex is tried against: what it must not match is the rest."""
    names = set(facts.exchanges.values()) | {DEFAULT_EXCHANGE, "amq.topic", "amq.direct", "evn"}
    for s in facts.services.values():
        names |= {s.inbox, s.lookups, s.dead, s.name}
    return names


def event_keys(facts: Facts) -> set[str]:
    keys = {c.routing_key for c in facts.contracts.values() if c.kind == "event"}
    # Keys of the same shape that no contract has (yet): a regex must not let them through either.
    for s in facts.services.values():
        keys.add(f"{s.name}.something.happened")
    return keys


def suggest(names: set[str]) -> str:
    if not names:
        return "^$"
    return "^(" + "|".join(re.escape(n) for n in sorted(names)) + ")$"


def check_regex(what: str, pattern: str, required: set[str], candidates: set[str]) -> list[str]:
    """Problems with `pattern`: a required name it refuses, or a name beyond them it allows."""
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
        problems.append(f"{what}: expected for example {suggest(required)!r}")
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
        ("topic_read", wanted.topic_read, keys),
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
