#!/usr/bin/python3
"""Drives the compose stack as its users and operators meet it, through its published ports
only, and checks it as an operator would (scripts/containers/compose-test.sh runs it).

    compose_check.py flow STATE        scenario 1 (request -> signed contract, crm killed with
                                       SIGKILL mid-flow), an outage report becoming an incident,
                                       a households import and the re-pricing page; the request
                                       code and customer code go to STATE (JSON)
    compose_check.py containers        each service: healthy, its non-root user, a read-only root
    compose_check.py story STATE       the stack's logs grepped for the request code tell its story
    compose_check.py survived STATE    after `down` and `up`: the request, its contract and ticket
    compose_check.py prometheus        Prometheus scrapes every service and the broker: every target up

Settings from the environment: COMPOSE_PROJECT (evn), COMPOSE (the compose command with its
files, for `logs`), INTAKE_PUBLISH, CRM_PUBLISH, METERING_PUBLISH, HOUSEHOLDS_PUBLISH,
OUTAGE_PUBLISH, SIGNIN_PUBLISH, PROMETHEUS_PORT (the host ports of .env).
Python's standard library only; podman for exec, inspect and kill.
"""
import base64
import datetime
import json
import os
import random
import re
import shlex
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

PROJECT = os.environ.get("COMPOSE_PROJECT", "evn")
SERVICES = ["intake", "crm", "metering", "households", "outage", "notification", "signin"]
BRANCH = "PCDNHC"


def port(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


URL = {
    "intake": f"http://127.0.0.1:{port('INTAKE_PUBLISH', 18080)}",
    "crm": f"http://127.0.0.1:{port('CRM_PUBLISH', 18081)}",
    "metering": f"http://127.0.0.1:{port('METERING_PUBLISH', 18082)}",
    "households": f"http://127.0.0.1:{port('HOUSEHOLDS_PUBLISH', 18083)}",
    "outage": f"http://127.0.0.1:{port('OUTAGE_PUBLISH', 18084)}",
    "signin": f"http://127.0.0.1:{port('SIGNIN_PUBLISH', 18087)}",
    "prometheus": f"http://127.0.0.1:{port('PROMETHEUS_PORT', 18090)}",
}


class CheckFailed(Exception):
    pass


def say(message: str) -> None:
    print(f"compose-check: {message}", flush=True)


def container(service: str) -> str:
    return f"{PROJECT}_{service}_1"


def podman(*arguments: str) -> str:
    return subprocess.run(["podman", *arguments], check=True, capture_output=True, text=True).stdout


def call(method: str, url: str, body=None, token: str | None = None, content_type: str = "application/json",
         expect: int | None = None):
    """One HTTP call; answers (status, parsed JSON or text)."""
    data = None
    headers = {"Accept": "application/json"}
    if body is not None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        headers["Content-Type"] = content_type
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            status, raw, kind = answer.status, answer.read(), answer.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        status, raw, kind = error.code, error.read(), error.headers.get("Content-Type", "")
    text = raw.decode("utf-8", "replace")
    value = json.loads(text) if "json" in kind and text else text
    if expect is not None and status != expect:
        raise CheckFailed(f"{method} {url}: expected {expect}, got {status}: {text[:500]}")
    return status, value


def eventually(what: str, probe, timeout: float = 90, every: float = 1):
    """Polls `probe` until it answers something true; returns that."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = probe()
            if last:
                return last
        except (CheckFailed, urllib.error.URLError, ConnectionError, OSError) as error:
            last = error
        time.sleep(every)
    raise CheckFailed(f"not within {timeout:.0f} s: {what} (last: {str(last)[:400]})")


class StaffDesk:
    """Staff tokens from the stack's own sign-in: a service account per unit, created with
    signin's command line in its container, its token from POST /oauth/token."""

    ROLES = ["customer_service", "field_technician", "meter_stock", "dispatcher", "households_officer"]

    def __init__(self) -> None:
        self.tokens: dict[str, str] = {}

    def token(self, unit: str) -> str:
        if unit not in self.tokens:
            client = f"compose-check-{unit.lower()}-{random.randrange(10**6):06d}"
            roles = [argument for role in self.ROLES for argument in ("--role", role)]
            printed = podman("exec", container("signin"), "signin", "service-account", "create",
                             "--client-id", client, "--unit", unit, *roles)
            secret = re.search(r"client secret[^:]*: (\S+)", printed)
            if not secret:
                raise CheckFailed(f"signin service-account create printed no secret: {printed}")
            basic = base64.b64encode(f"{client}:{secret.group(1)}".encode()).decode()
            request = urllib.request.Request(
                f"{URL['signin']}/oauth/token", data=b"grant_type=client_credentials", method="POST",
                headers={"Authorization": f"Basic {basic}", "Content-Type": "application/x-www-form-urlencoded"})
            with urllib.request.urlopen(request, timeout=30) as answer:
                self.tokens[unit] = json.loads(answer.read())["access_token"]
        return self.tokens[unit]


def fresh_customer() -> dict:
    serial = random.randrange(10**7)
    citizen = f"0490{random.randrange(60, 100):02d}{random.randrange(10**6):06d}"
    return {
        "fullName": "Nguyễn Văn An", "idNumber": citizen, "phone": f"091{serial:07d}",
        "email": f"khach.{serial:07d}@khachhang.example.vn",
    }


def sms_texts(phone: str) -> list[str]:
    """What the customer's phone received: the gateway stand-in's record in its container."""
    try:
        lines = podman("exec", container("sms"), "cat", "/srv/sinks/messages.jsonl").splitlines()
    except subprocess.CalledProcessError:
        return []
    digits = phone[-9:]
    return [message["content"] for message in map(json.loads, lines) if message.get("phone", "").endswith(digits)]


def kill_and_await_restart(service: str) -> None:
    """SIGKILL the service's process, as the kernel's OOM killer would; its restart policy must
    bring it back, healthy."""
    name = container(service)
    before = podman("inspect", "--format", "{{.State.StartedAt}}", name).strip()
    pid = int(podman("inspect", "--format", "{{.State.Pid}}", name).strip())
    os.kill(pid, 9)
    say(f"{service}: process {pid} killed with SIGKILL")
    eventually(f"{service} restarted by its restart policy",
               lambda: podman("inspect", "--format", "{{.State.Running}} {{.State.StartedAt}}", name).strip()
               not in ("", f"true {before}") and podman("inspect", "--format", "{{.State.Running}}", name).strip() == "true",
               timeout=120)
    eventually(f"{service} answers /readyz again", lambda: call("GET", f"{URL[service]}/readyz")[0] == 200, timeout=120)
    say(f"{service}: restarted by its policy and ready")


def ticket(desk: StaffDesk, code: str, condition=lambda t: True, what: str = "crm opened the ticket") -> dict:
    token = desk.token(BRANCH)

    def probe():
        _, listing = call("GET", f"{URL['crm']}/api/v1/tickets?requestCode={code}", token=token, expect=200)
        tickets = listing.get("tickets") or []
        if len(tickets) > 1:
            raise SystemExit(f"compose-check: FAILED: {len(tickets)} tickets for {code}, one expected")
        if not tickets:
            return None
        _, detail = call("GET", f"{URL['crm']}/api/v1/tickets/{tickets[0]['ticketId']}", token=token, expect=200)
        return detail if condition(detail) else None

    return eventually(f"{code}: {what}", probe)


def scenario_one(desk: StaffDesk) -> dict:
    """Request -> signed contract, crm killed with SIGKILL between the installation request and
    the technician's work: the request must still end in one signed contract."""
    token = desk.token(BRANCH)
    today = datetime.date.today()
    serial = f"VN1P{random.randrange(10**7, 10**8)}"
    call("POST", f"{URL['metering']}/api/v1/meters", {
        "serial": serial, "phase": 1, "verifiedOn": str(today - datetime.timedelta(days=30)),
        "verificationValidUntil": str(today + datetime.timedelta(days=5 * 365)),
    }, token=token, expect=201)
    customer = fresh_customer()
    _, filed = call("POST", f"{URL['intake']}/api/v1/requests", {
        "kind": "new_lv_connection", "channel": "web", "applicant": customer,
        "site": {"province": "Đà Nẵng", "communeCode": "20242", "street": "12 Phan Chu Trinh, tổ 3"},
        "purpose": "residential", "householdCount": 1, "extraHouseholds": [], "consent": True,
    }, expect=201)
    code = filed["requestCode"]
    say(f"scenario 1: request {code} filed on the portal")
    found = ticket(desk, code, lambda t: (t.get("screening") or {}).get("outcome") == "clear", "screening is clear")
    ticket_id = found["ticketId"]
    call("POST", f"{URL['crm']}/api/v1/tickets/{ticket_id}/survey", {"outcome": "feasible", "phase": 1},
         token=token, expect=200)
    call("POST", f"{URL['crm']}/api/v1/tickets/{ticket_id}/installation", {}, token=token, expect=200)
    say(f"scenario 1: {code} surveyed, installation requested")

    kill_and_await_restart("crm")

    def work_order():
        _, answer = call("GET", f"{URL['metering']}/api/v1/work-orders?requestCode={code}", token=token, expect=200)
        return next((order for order in answer.get("workOrders") or [] if order.get("meterSerial")), None)

    order = eventually(f"metering opened a work order for {code}", work_order)
    meter = order["meterSerial"]
    call("POST", f"{URL['metering']}/api/v1/work-orders/{order['workOrderId']}/completion", {
        "meterSerial": meter, "initialReadingKWh": 5, "sealNumbers": [f"KD-{meter}-1", f"KD-{meter}-2"],
    }, token=token, expect=200)
    say(f"scenario 1: meter {meter} installed")

    def signing_code():
        for text in sms_texts(customer["phone"]):
            match = re.search(r"(?:Mã ký|Ma ky): (\d{6})", text)
            if match:
                return match.group(1)
        return None

    signing = eventually("the signing SMS reached the customer's phone", signing_code)
    call("POST", f"{URL['intake']}/api/v1/requests/{code}/signature",
         {"phone": customer["phone"], "signingCode": signing}, expect=200)
    closed = ticket(desk, code, lambda t: t.get("closure") is not None, "the contract is signed")
    customer_code = (closed.get("contract") or {}).get("customerCode")
    if not customer_code:
        raise CheckFailed(f"no customer code on the closed ticket {closed}")
    texts = sms_texts(customer["phone"])
    if len([text for text in texts if re.search(r"(?:Mã ký|Ma ky): ", text)]) != 1:
        raise CheckFailed(f"one signing SMS expected, the phone has {texts}")
    say(f"scenario 1: {code} is a signed contract, customer {customer_code}; one ticket, one signing SMS")
    return {"requestCode": code, "customerCode": customer_code, "phone": customer["phone"], "ticketId": ticket_id}


def outage_report(desk: StaffDesk) -> None:
    phone = f"090{random.randrange(10**7):07d}"
    _, receipt = call("POST", f"{URL['intake']}/api/v1/outage-reports",
                      {"channel": "web", "communeCode": "20257", "phone": phone, "consent": True}, expect=202)
    report = receipt["reportCode"]

    def incident():
        _, answer = call("GET", f"{URL['outage']}/api/v1/incidents", token=desk.token(BRANCH), expect=200)
        return next((i for i in answer.get("incidents") or [] if i.get("area") == "commune:20257"), None)

    found = eventually(f"outage opened an incident for report {report}", incident)
    say(f"outage: report {report} became incident {found['incidentId']}")


def households_import(desk: StaffDesk) -> None:
    corporation = desk.token("CORP")
    customer = f"{BRANCH}{random.randrange(10**7):07d}"
    csv = ("customer_code,name,address,branch,area_class,household_count\r\n"
           f"{customer},Phạm Thị Dung,\"Tổ 5, phường Hải Châu\",{BRANCH},urban,3\r\n")
    _, summary = call("POST", f"{URL['households']}/api/v1/customer-imports", csv, token=corporation,
                      content_type="text/csv", expect=200)
    if summary.get("rows") != 1 or summary.get("rejected"):
        raise CheckFailed(f"the import's summary: {summary}")
    _, page = call("GET", f"{URL['households']}/api/v1/repricing.html", token=corporation, expect=200)
    if customer not in page:
        raise CheckFailed(f"the re-pricing page does not list the imported {customer}")
    say(f"households: customer {customer} imported, listed on the re-pricing page")


def flow(state_file: str) -> None:
    desk = StaffDesk()
    state = scenario_one(desk)
    outage_report(desk)
    households_import(desk)
    with open(state_file, "w", encoding="utf-8") as file:
        json.dump(state, file)


def containers() -> None:
    for service in SERVICES:
        name = container(service)
        eventually(f"{service}'s health check reports healthy",
                   lambda: podman("inspect", "--format", "{{.State.Health.Status}}", name).strip() == "healthy",
                   timeout=180, every=3)
        uid = podman("exec", name, "id", "-u").strip()
        if uid != "10001":
            raise CheckFailed(f"{service} runs as uid {uid}, not the image's evn user (10001)")
        if podman("inspect", "--format", "{{.HostConfig.ReadonlyRootfs}}", name).strip() != "true":
            raise CheckFailed(f"{service}'s root filesystem is writable")
        written = subprocess.run(["podman", "exec", name, "touch", "/usr/local/bin/evn-written"], capture_output=True)
        if written.returncode == 0:
            raise CheckFailed(f"{service} could write to its root filesystem")
        say(f"{service}: healthy, uid 10001, read-only root filesystem")
    broker = podman("exec", container("rabbitmq"), "rabbitmqctl", "-q", "eval",
                    "{erlang:system_info(schedulers_online), erlang:system_info(logical_processors_available)}.")
    online, cpus = (int(n) for n in re.findall(r"\d+", broker)[:2])
    if not max(1, cpus // 2) <= online <= max(1, (cpus + 1) // 2):
        raise CheckFailed(f"rabbitmq runs {online} scheduler threads on {cpus} CPUs, not half of them")
    say(f"rabbitmq: {online} scheduler thread(s) on {cpus} CPUs, the rest left to the services")


def story(state_file: str) -> None:
    with open(state_file, encoding="utf-8") as file:
        code = json.load(file)["requestCode"]
    # Each line prefixed with its container's name (evn_crm_1), as `docker compose logs` does.
    logs = subprocess.run([*shlex.split(os.environ["COMPOSE"]), "logs", "--names"], capture_output=True, text=True)
    lines = [line for line in (logs.stdout + logs.stderr).splitlines() if code in line]
    told = {service for service in ["intake", "crm", "metering", "notification"]
            if any(container(service) in line for line in lines)}
    if told != {"intake", "crm", "metering", "notification"}:
        raise CheckFailed(f"the stack's logs tell {code}'s story in {sorted(told)} only ({len(lines)} lines)")
    say(f"logs: {len(lines)} lines about {code}, from intake, crm, metering and notification")


def survived(state_file: str) -> None:
    with open(state_file, encoding="utf-8") as file:
        state = json.load(file)
    for service in SERVICES:
        if service in URL:
            eventually(f"{service} ready after up", lambda: call("GET", f"{URL[service]}/readyz")[0] == 200, timeout=180)
    _, tracking = call("POST", f"{URL['intake']}/api/v1/requests/{state['requestCode']}/tracking",
                       {"phone": state["phone"]}, expect=200)
    closed = ticket(StaffDesk(), state["requestCode"], lambda t: t.get("closure") is not None, "the ticket is still closed")
    if (closed.get("contract") or {}).get("customerCode") != state["customerCode"]:
        raise CheckFailed(f"after down and up the contract is {closed.get('contract')}")
    say(f"down and up: {state['requestCode']} still tracked ({len(tracking.get('steps') or [])} steps), "
        f"contract {state['customerCode']} kept")


def prometheus() -> None:
    def all_up():
        _, answer = call("GET", f"{URL['prometheus']}/api/v1/targets", expect=200)
        targets = answer["data"]["activeTargets"]
        services = {t["labels"]["instance"] for t in targets
                    if t["labels"].get("job") == "evn-services" and t["health"] == "up"}
        broker = [t for t in targets if t["labels"].get("job") == "rabbitmq"]
        if services >= set(SERVICES) and broker and all(t["health"] == "up" for t in broker):
            return services
        return None

    up = eventually("Prometheus scrapes every service and the broker with health up", all_up, timeout=150, every=5)
    say(f"prometheus: every service up ({', '.join(sorted(up))}) and the broker")


def main() -> int:
    command, *arguments = sys.argv[1:] or ["help"]
    commands = {"flow": flow, "containers": containers, "story": story, "survived": survived, "prometheus": prometheus}
    if command not in commands:
        print(__doc__, file=sys.stderr)
        return 64
    try:
        commands[command](*arguments)
    except CheckFailed as failure:
        print(f"compose-check: FAILED: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
