#!/usr/bin/env python3
"""The web channel in a real browser: headless Chromium driven by Selenium against the real
services (intake, crm, metering, households, notification) and the staff sign-in on the test
broker and the development staff directory.

A customer files a new connection on the portal, sees a validation error beside its field and
corrects it, tracks the request, and after the branch's steps signs with the SMS code and
downloads the signed copy, whose SHA-256 the branch's ticket page shows too. Staff
sign in at the staff sign-in (`signin`) with their directory account and password (the
seeded development directory, deploy/directory/staff.ldif): a wrong password is refused and,
repeated, locks the account out; a branch officer works the ticket on the branch console,
signs out and is sent to sign in again; a field technician, on a phone-sized screen, opens the
work order from the day's list, has a misread serial refused beside its field and completes the
installation; a dispatcher sees a customer's outage report on the live board, sends a crew and
restores the incident, which the board then lists with its cause; a call-centre operator files for a caller on the
console, sees a ringing caller's page appear by itself, but is refused the branch console; a branch head watches the wall board show the new
ticket, enrols the office's TV, which shows the board from its device credential, and revokes
it, which stops the board; a households officer opens a dossier with tenants, is refused them on
a second meter and sees the duplicate a supervisor allowed; a landlord whose tenants left reports
their household by its reference, the branch head approves and the dossier shows it ended; a
technician records the customer's meter verification on a phone and the customer's tracking page
and SMS give the verdict; a stock keeper receives meters and sees their validity; a technician
installs a split household's own meter; a dispatcher loads supply points and schedules an urgent
planned outage; a households officer records why tenants have not split, a supervisor allows a
duplicate through the form and the expiry list shows who was reminded; an officer's own list
alerts them to their late ticket. Every page passed through is saved as a screenshot under
artifacts/browser/.

Run by scripts/browser-test.sh (from `make test`), which provides the virtualenv, the
broker and the built services; scripts/test.sh runs the staff directory and names it in
STAFF_DIRECTORY_URL. Exits non-zero, naming the failed check, when a check fails.
"""
import base64
import hashlib
import hmac
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

# The scenario's parts kept in modules of their own use this file's helpers as `portal_flow.…`:
# run as a script, this file is that module, not a second copy of it.
sys.modules.setdefault("portal_flow", sys.modules[__name__])
import email_answer  # noqa: E402
import papers_flow  # noqa: E402
import deadline_digest  # noqa: E402
import holder_change  # noqa: E402
import households_officer  # noqa: E402
import leaving_households  # noqa: E402
import meter_split  # noqa: E402
import meter_stock  # noqa: E402
import meter_visit  # noqa: E402
import officer_alert  # noqa: E402
import planned_outages  # noqa: E402
import signed_copy  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
# Every person's password in the development directory (deploy/directory/staff.ldif).
STAFF_PASSWORD = "evn-dev-staff"
# Failed sign-ins of one account after which the sign-in locks it out (STAFF_SIGN_IN_ACCOUNT_FAILURES).
LOCK_OUT_AFTER = 5
BIN = Path(os.environ.get("SERVICE_BIN_DIR", ROOT / ".build" / "debug"))
SHOTS = ROOT / "artifacts" / "browser"
SERVICES = ["intake", "crm", "metering", "households", "outage", "notification"]
BROKER = {
    "host": "127.0.0.1",
    "port": int(os.environ.get("BROKER_PORT", "5672")),
    "management": int(os.environ.get("BROKER_MANAGEMENT_PORT", "15672")),
    "user": os.environ.get("BROKER_USER", "evn"),
    "password": os.environ.get("BROKER_PASSWORD", "evn"),
}


class CheckFailed(Exception):
    pass


def check(condition, what):
    if not condition:
        raise CheckFailed(what)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http(method, url, body=None, token=None, auth=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    if auth:
        request.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text.startswith(("{", "[")) else text)
    except urllib.error.HTTPError as error:
        text = error.read().decode()
        return error.code, (json.loads(text) if text.startswith("{") else text)


def ring(platform, call):
    """The PBX's webhook: `call` rings at an agent's extension, signed with the development secret."""
    body = json.dumps(call).encode()
    signature = hmac.new(b"dev-only-telephony-webhook-secret", body, hashlib.sha256).hexdigest()
    request = urllib.request.Request(f"{platform.url('intake')}/api/webhooks/telephony/calls", data=body, method="POST",
                                     headers={"Content-Type": "application/json", "X-Signature": f"sha256={signature}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, json.loads(response.read().decode())


def ticket_page(platform, code):
    """The crm console's page of request `code`'s ticket, once crm opened it."""
    desk = platform.token("customer_service", "PC05TK")
    crm = platform.url("crm")
    ticket = eventually(f"crm opened the ticket of {code}", lambda: (
        http("GET", f"{crm}/api/v1/tickets?requestCode={code}", token=desk)[1].get("tickets") or [None])[0])
    return f"{crm}/phieu/{ticket['ticketId']}"


def eventually(what, probe, timeout=40):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(0.3)
    raise CheckFailed(f"timed out: {what}")


def citizen_id():
    """A valid 12-digit CCCD: Quảng Nam's province code, born in the 1960s–90s."""
    return f"049{random.randint(0, 1)}{random.randint(60, 99):02d}{random.randint(0, 999999):06d}"


def mobile():
    return f"091{random.randint(0, 9999999):07d}"


class Platform:
    """The services and the staff sign-in as processes on their own vhost, a loopback SMS gateway,
    staff tokens for the APIs that machines call (the development key, which the services trust
    with EVN_ENV=development); people sign in at the sign-in against the staff directory
    (STAFF_DIRECTORY_URL, scripts/directory.sh)."""

    def __init__(self, folder):
        self.folder = folder
        self.vhost = f"browser-{uuid.uuid4().hex[:8]}"
        self.processes = {}
        self.ports = {name: free_port() for name in SERVICES}
        self.sms_port = free_port()
        self.sign_in_port = free_port()
        self.sms_file = folder / "sms.jsonl"
        self.mail_folder = f"browser-{uuid.uuid4().hex[:8]}"

    def url(self, service):
        return f"http://127.0.0.1:{self.ports[service]}"

    def start(self):
        management = f"http://{BROKER['host']}:{BROKER['management']}/api"
        auth = f"{BROKER['user']}:{BROKER['password']}"
        status, _ = http("PUT", f"{management}/vhosts/{self.vhost}", body={}, auth=auth)
        check(status in (201, 204), f"vhost {self.vhost} created ({status})")
        status, _ = http("PUT", f"{management}/permissions/{self.vhost}/{BROKER['user']}",
                         body={"configure": ".*", "write": ".*", "read": ".*"}, auth=auth)
        check(status in (201, 204), f"permissions on {self.vhost} ({status})")
        logs = self.folder / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        self.processes["sms"] = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "sms_sink.py"), "--host", "127.0.0.1", "--port",
             str(self.sms_port), "--file", str(self.sms_file), "--api-key", "browser-api-key",
             "--secret-key", "browser-secret-key"],
            stdout=open(logs / "sms.log", "w"), stderr=subprocess.STDOUT)
        shared = {
            "AMQP_URL": f"amqp://{BROKER['user']}:{BROKER['password']}@{BROKER['host']}:{BROKER['port']}/{self.vhost}",
            "DATA_DIR": str(self.folder / "data"), "HTTP_HOST": "127.0.0.1", "LOG_FORMAT": "logfmt",
            "EVN_ENV": "development",
            "PERSONAL_DATA_KEY": base64.b64encode(os.urandom(32)).decode(),
            "SMS_GATEWAY_URL": f"http://127.0.0.1:{self.sms_port}/sms", "SMS_GATEWAY_API_KEY": "browser-api-key",
            "SMS_GATEWAY_SECRET_KEY": "browser-secret-key", "SMS_BRANDNAME": "EVNCPC",
            "SMTP_HOST": "127.0.0.1", "SMTP_PORT": os.environ.get("SMTP_PORT", "2525"),
            "MAIL_FROM": "cskh@evncpc.example.vn", "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PORTAL_URL": self.url("intake"),
            "INTAKE_STAFF_URL": self.url("intake"),
            # crm's deadline digest from midnight, its links to this run's crm; crm and the
            # sign-in read the staff directory.
            "DEADLINE_DIGEST_AT": "00:00", "CRM_STAFF_URL": self.url("crm"),
            "STAFF_DIRECTORY_URL": os.environ.get("STAFF_DIRECTORY_URL", "ldap://127.0.0.1:3389"),
            "STAFF_SIGN_IN_URL": self.sign_in_url(),
        }
        for name in SERVICES:
            environment = dict(shared, HTTP_PORT=str(self.ports[name]))
            if name == "intake":
                environment.update(email_answer.mailbox_settings(self.mail_folder))
            self.processes[name] = subprocess.Popen([str(BIN / name)], env=environment,
                                                    stdout=open(logs / f"{name}.log", "w"), stderr=subprocess.STDOUT)
        self.processes["signin"] = subprocess.Popen(
            [str(BIN / "signin")], env=dict(
                shared, HTTP_PORT=str(self.sign_in_port),
                STAFF_CONSOLE_ORIGINS=",".join(self.url(name) for name in SERVICES),
                STAFF_CONSOLE_URLS=",".join(f"{name}={self.url(name)}"
                                            for name in ["intake", "crm", "metering", "households", "outage"]),
                STAFF_SIGN_IN_ACCOUNT_FAILURES=str(LOCK_OUT_AFTER)),
            stdout=open(logs / "signin.log", "w"), stderr=subprocess.STDOUT)
        for name in SERVICES:
            eventually(f"{name} is ready", lambda name=name: self.ready(self.url(name)), timeout=60)
        eventually("signin is ready", lambda: self.ready(self.sign_in_url()), timeout=60)

    def sign_in_url(self):
        return f"http://127.0.0.1:{self.sign_in_port}"

    def ready(self, url):
        try:
            return http("GET", f"{url}/readyz")[0] == 200
        except OSError:
            return False

    def token(self, role, unit, staff=None):
        output = subprocess.run(
            [str(BIN / "evnctl"), "staff-token", "--staff", staff or f"{unit.lower()}-{role}", "--role", role,
             "--unit", unit, "--hours", "1"],
            env={"EVN_ENV": "development", "PATH": os.environ.get("PATH", "")},
            capture_output=True, text=True, check=True)
        return output.stdout.strip()

    def sms_to(self, phone):
        if not self.sms_file.exists():
            return []
        digits = phone[-9:]
        return [json.loads(line)["content"] for line in self.sms_file.read_text().splitlines()
                if (json.loads(line).get("phone") or "").endswith(digits)]

    def stop(self):
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        management = f"http://{BROKER['host']}:{BROKER['management']}/api"
        http("DELETE", f"{management}/vhosts/{self.vhost}", auth=f"{BROKER['user']}:{BROKER['password']}")


class Browser:
    """A headless Chromium the size of a phone, saving a screenshot of each page it checks."""

    def __init__(self):
        options = Options()
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=vi-VN"]:
            options.add_argument(argument)
        driver = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
        binary = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        if os.path.exists(binary):
            options.binary_location = binary
        self.driver = webdriver.Chrome(service=Service(driver), options=options)
        self.driver.set_window_size(412, 915)
        self.driver.implicitly_wait(5)
        self.shots = 0
        SHOTS.mkdir(parents=True, exist_ok=True)

    def shot(self, name):
        self.shots += 1
        path = SHOTS / f"{self.shots:02d}-{name}.png"
        width, height = self.driver.get_window_size()["width"], self.driver.get_window_size()["height"]
        base = 915 if width < 1000 else 1080
        self.driver.set_window_size(width, base)
        content = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(width, max(base, min(content + 140, 4000)))
        self.driver.save_screenshot(str(path))
        self.driver.set_window_size(width, height)
        print(f"browser: screenshot {path.relative_to(ROOT)}", flush=True)

    def find(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def finds(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def finds_now(self, selector):
        """The elements matching `selector` on the page as it is, without the implicit wait."""
        self.driver.implicitly_wait(0)
        try:
            return self.finds(selector)
        finally:
            self.driver.implicitly_wait(5)

    def reloaded(self, url, selector):
        """Loads `url` afresh and answers what matches `selector` on it now (for `eventually`)."""
        self.driver.get(url)
        return self.finds_now(selector)

    def sign_in(self, platform, page, username, password=STAFF_PASSWORD):
        """Opens the staff page `page`, is sent to the staff sign-in, signs in as `username` and
        comes back to `page`."""
        self.driver.get(page)
        check(self.driver.current_url.startswith(f"{platform.sign_in_url()}/dang-nhap?next="),
              f"{page} sends a visitor who is not signed in to the staff sign-in: {self.driver.current_url}")
        self.type("username", username)
        self.type("password", password)
        self.click("#sign-in")
        check(self.driver.current_url.split("?")[0] == page.split("?")[0],
              f"signing in as {username} leads back to {page}: {self.driver.current_url}")
        check(username in self.find("#signed-in-as").get_attribute("textContent"), f"the page names {username}")

    def sign_out(self, platform):
        """Signs out with the page's button: the sign-in says so."""
        self.click("#sign-out")
        check(self.driver.current_url.startswith(f"{platform.sign_in_url()}/dang-nhap"), "sign-out ends at the sign-in")
        check(self.finds("#signed-out"), "the sign-in says the person has signed out")

    def type(self, field_id, text):
        element = self.find(f"#{field_id}")
        element.clear()
        element.send_keys(text)

    def pick(self, field_id, value):
        """Sets a date or time input, as its picker would, to `value` as the page posts it
        (`2026-12-10`, `2026-12-10T07:30`): typed keys would depend on the browser's locale."""
        self.driver.execute_script(
            "arguments[0].value = arguments[1];"
            "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
            "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            self.find(f"#{field_id}"), value)

    def submit(self):
        self.click("#submit")

    def click(self, selector):
        """Clicks and waits for the page it leads to, so that no check reads the page before."""
        page = self.find("html")
        self.find(selector).click()
        WebDriverWait(self.driver, 20).until(lambda _: self.left(page))

    @staticmethod
    def left(page):
        """Whether `page` (its `html` element) is no longer the document: Chromium answers a
        look at an element of a page just replaced either as stale or as not in the document."""
        try:
            page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground, background):
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def check_accessible(browser, page):
    """Every field has a label, the submit button is reached with the keyboard alone, and text
    has a contrast of at least 4.5:1 against what is behind it (WCAG 2.1 AA)."""
    unlabelled = browser.driver.execute_script("""
        return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
          .filter(e => !(e.id && document.querySelector('label[for="' + e.id + '"]')) && !e.getAttribute('aria-label'))
          .map(e => e.name);""")
    check(not unlabelled, f"{page}: every field has a label (not: {unlabelled})")
    browser.driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    body = browser.find("body")
    for _ in range(80):
        body = browser.driver.switch_to.active_element
        if body.get_attribute("type") == "submit":
            break
        body.send_keys(Keys.TAB)
    check(browser.driver.switch_to.active_element.get_attribute("type") == "submit",
          f"{page}: the submit button is reached with the Tab key")
    pairs = browser.driver.execute_script("""
        const colour = c => (c.match(/\\d+/g) || []).slice(0, 3).map(Number);
        const behind = e => { for (; e; e = e.parentElement) { const b = getComputedStyle(e).backgroundColor;
            if (!b.startsWith('rgba(0, 0, 0, 0)')) return colour(b); } return [255, 255, 255]; };
        return [...document.querySelectorAll('h1, label, p, a, button, .field-error, td, li')]
          .filter(e => e.offsetParent !== null && e.textContent.trim())
          .map(e => [e.tagName + '.' + e.className, colour(getComputedStyle(e).color), behind(e)]);""")
    poor = [(name, round(contrast(fg, bg), 2)) for name, fg, bg in pairs if contrast(fg, bg) < 4.5]
    check(not poor, f"{page}: text contrast is 4.5:1 or more (not: {poor[:5]})")


def file_new_connection(browser, platform, customer, phone_first):
    browser.driver.get(f"{platform.url('intake')}/yeu-cau/cap-dien-moi")
    check(browser.find("h1").text == "Đăng ký cấp điện mới", "the form is in Vietnamese by default")
    browser.type("applicant-fullName", customer["name"])
    browser.type("applicant-idNumber", customer["id"])
    browser.type("applicant-phone", phone_first)
    browser.type("applicant-email", customer["email"])
    Select(browser.find("#site-communeCode")).select_by_value("20350")
    browser.type("site-street", "12 Phan Chu Trinh, tổ 3")
    browser.find("#consent").click()


def open_dossier(browser, code, holder, lodger, phone="0905123456", valid_until="2031-12-31", book="HK-0042"):
    """Fills the open-dossier page (already open) for meter `code`: holder `holder` of household
    book `book`, one group of three tenants headed by `lodger` whose residence confirmation ends on
    `valid_until`, reminders to `phone`; and submits it."""
    for field, value in [("customerCode", code), ("contactPhone", phone),
                         ("holder-fullName", "Lê Văn Hùng"), ("holder-idNumber", holder),
                         ("holder-householdBook", book),
                         ("subHouseholds-0-fullName", "Phạm Thị Dung"), ("subHouseholds-0-idNumber", lodger),
                         ("subHouseholds-0-persons", "3"),
                         ("subHouseholds-0-permanentAddress", "Thôn 3, xã Tam Thăng, Quảng Nam"),
                         ("subHouseholds-0-residenceConfirmation-issuer", "Công an xã Tam Thăng"),
                         ("subHouseholds-0-residenceConfirmation-number", "XN-0042"),
                         ("subHouseholds-0-residenceConfirmation-issuedOn", "2026-06-01"),
                         ("subHouseholds-0-residenceConfirmation-validUntil", valid_until)]:
        browser.type(field, value)
    browser.click("#open-submit")


def scenario(browser, platform):
    meter_token = platform.token("meter_stock", "PC05TK")
    status, _ = http("POST", f"{platform.url('metering')}/api/v1/meters", token=meter_token, body={
        "serial": f"VN1P{random.randint(10_000_000, 99_999_999)}", "phase": 1,
        "verifiedOn": time.strftime("%Y-%m-%d", time.gmtime(time.time() - 30 * 86400)),
        "verificationValidUntil": time.strftime("%Y-%m-%d", time.gmtime(time.time() + 5 * 365 * 86400))})
    check(status == 201, f"a verified meter is in stock ({status})")

    # The customer files, with a landline by mistake, and is told beside the field.
    customer = {"name": "Nguyễn Văn An", "id": citizen_id(), "phone": mobile(),
                "email": f"khach.{uuid.uuid4().hex[:8]}@khachhang.example.vn"}
    file_new_connection(browser, platform, customer, phone_first="0235 3852 999")
    browser.submit()
    error = browser.find("#applicant-phone-error")
    check("di động" in error.text, f"the phone's error is shown beside it: {error.text!r}")
    check(browser.find("#applicant-phone").get_attribute("aria-invalid") == "true", "the phone is marked invalid")
    check(browser.find("#applicant-fullName").get_attribute("value") == customer["name"], "what was typed is kept")
    check_accessible(browser, "the new-connection form with errors")
    browser.shot("portal-validation-error")
    browser.type("applicant-phone", customer["phone"])
    browser.submit()
    code = browser.find("#request-code").text.strip()
    check(re.fullmatch(r"PC05TK-\d{6}-\d{6}", code), f"the receipt shows the request code: {code!r}")
    browser.shot("portal-receipt")

    # The customer follows the link in the first SMS: the tracking form, the code filled in, asks the phone.
    check(browser.find("#go-track").get_attribute("href").endswith(f"/tra-cuu?code={code}"),
          "the receipt links to the tracking page")
    link = eventually("the first SMS brought the tracking link", lambda: next(
        (m.group(0) for text in platform.sms_to(customer["phone"]) for m in [re.search(r"http\S+/track/\S+", text)] if m),
        None))
    check(link == f"{platform.url('intake')}/track/{code}", f"the SMS links to this request's page: {link!r}")
    browser.driver.get(link)
    check(browser.find("#code").get_attribute("value") == code, "the link fills in the request code")
    check(browser.find("#phone").get_attribute("value") == "", "the phone is asked for")
    browser.shot("portal-track-link")
    browser.type("phone", customer["phone"])
    browser.submit()
    check(browser.find("#request-code").text == code, "the tracking page is this request's")
    check(len(browser.finds("#timeline li")) >= 1, "the timeline shows the received step")
    check("Tam Kỳ" in browser.find("#branch").text, "the owning branch is named")
    browser.shot("portal-tracking")

    # The branch's steps, through their APIs.
    desk = platform.token("customer_service", "PC05TK")
    crm = f"{platform.url('crm')}/api/v1/tickets"
    ticket = eventually("crm opened the ticket", lambda: (http("GET", f"{crm}?requestCode={code}", token=desk)[1]
                                                          .get("tickets") or [None])[0])
    ticket_id = ticket["ticketId"]
    eventually("screening is clear", lambda: (http("GET", f"{crm}/{ticket_id}", token=desk)[1].get("screening")
                                              or {}).get("outcome") == "clear")
    # A wrong password is refused with one message that does not say whether the account exists.
    browser.driver.set_window_size(1280, 900)
    browser.driver.get(f"{platform.url('crm')}/phieu")
    def attempt(username, password):
        browser.type("username", username)
        browser.type("password", password)
        browser.click("#sign-in")
        return browser.find("#sign-in-error").text
    refusal = attempt("tk-cs-01", "not-the-password")
    check(refusal, "a wrong password shows the sign-in's error")
    check(browser.find("#username").get_attribute("value") == "tk-cs-01", "the username is kept for another try")
    browser.shot("staff-sign-in-refused")
    check(attempt("khong-co-ai", "not-the-password") == refusal, "an unknown account gets the very same words")
    # Repeated, wrong passwords lock the account out: then even its right password is refused,
    # again in words that do not say whether the account exists.
    for number in range(1, LOCK_OUT_AFTER):
        check(attempt("tk-kho-01", f"wrong-{number}") == refusal, f"failure {number} is an ordinary refusal")
    locked = attempt("tk-kho-01", f"wrong-{LOCK_OUT_AFTER}")
    check(locked != refusal and "quá nhiều lần thử" in locked, f"failure {LOCK_OUT_AFTER} locks the account out: {locked!r}")
    check(attempt("tk-kho-01", STAFF_PASSWORD) == locked, "the locked-out account's right password is refused too")
    browser.shot("staff-sign-in-locked-out")
    # A branch officer signs in with their directory password and works the ticket on the
    # console: open it from the list, record the steps.
    browser.sign_in(platform, f"{platform.url('crm')}/phieu", "tk-cs-01")
    browser.shot("console-tickets")
    browser.click(f'#tickets tr[data-code="{code}"] a')
    browser.type("contact-note", "Đã gọi khách hàng, hẹn khảo sát sáng mai")
    browser.click("#record-contact")
    Select(browser.find("#outcome")).select_by_value("feasible")
    browser.click("#record-survey")
    browser.click("#request-installation")
    timeline = browser.find("#timeline").text
    for step in ["Nhân viên đã liên hệ khách hàng", "Đã khảo sát hiện trường", "Đã yêu cầu lắp đặt công tơ"]:
        check(step in timeline, f"the ticket's timeline shows {step!r}")
    check(not browser.finds("#request-installation"), "the installation is asked for once")
    browser.shot("console-ticket")
    ticket_page = browser.driver.current_url
    browser.sign_out(platform)
    browser.driver.get(ticket_page)
    check(browser.driver.current_url.startswith(f"{platform.sign_in_url()}/dang-nhap?next="),
          f"after signing out the ticket page sends the officer to sign in again: {browser.driver.current_url}")
    browser.driver.set_window_size(412, 915)
    field = platform.token("field_technician", "PC05TK")
    orders = f"{platform.url('metering')}/api/v1/work-orders"
    order = eventually("the work order has a meter", lambda: next(
        (o for o in http("GET", f"{orders}?requestCode={code}", token=field)[1].get("workOrders", [])
         if o.get("meterSerial")), None))
    # The branch head gives the order to a technician of the branch, chosen by name on the
    # dispatch list.
    job = order["workOrderId"]
    browser.sign_in(platform, f"{platform.url('metering')}/giao-viec", "tk-gd-01")
    Select(browser.find(f'select[id="{job}-technicianId"]')).select_by_value("tk-kt-01")
    check_accessible(browser, "the dispatch list")
    browser.click(f'button[id="{job}-assign"]')
    check(browser.find(f'span[id="{job}-assigned-to"]').text == "tk-kt-01", "the dispatch list names the technician")
    browser.shot("head-dispatch")
    browser.sign_out(platform)
    # The technician, on a phone, finds the order among the jobs given to them and completes it
    # on site: a serial misread from the plate is refused beside the field, the right one
    # installs the meter.
    browser.driver.set_window_size(390, 844)
    browser.sign_in(platform, f"{platform.url('metering')}/lenh-cong-tac", "tk-kt-01")
    check(browser.find("#mine-heading").text == "Việc được giao cho tôi", "the day's list starts with the technician's own jobs")
    listed = f'#mine a[data-order="{job}"]'
    check(browser.find(listed).get_attribute("href") == f"{platform.url('metering')}/lenh-cong-tac/{job}",
          "the day's list links to the work order given to the technician")
    check(not browser.finds_now(f'#to-do a[data-order="{job}"]'), "the order is no longer among the unassigned")
    browser.shot("technician-work-orders")
    browser.click(listed)
    check(order["meterSerial"] in browser.find("#reserved-meter").text, "the order names the reserved meter")
    browser.type("meterSerial", "VN1P00000001")
    browser.type("initialReadingKWh", "0")
    browser.type("sealNumbers-0", "NP-1")
    browser.type("sealNumbers-1", "NP-2")
    browser.click("#complete")
    check(order["meterSerial"] in browser.find("#meterSerial-error").text,
          "another meter's serial is refused beside the field, naming the reserved one")
    check_accessible(browser, "the work order with an error")
    browser.shot("technician-work-order-refused")
    browser.type("meterSerial", order["meterSerial"])
    browser.click("#complete")
    check(browser.find("#status").text == "Đã nghiệm thu", "the order reads completed")
    check(browser.find("#seals").text == "NP-1, NP-2", "the seals are recorded")
    browser.shot("technician-work-order-completed")
    browser.sign_out(platform)
    browser.driver.set_window_size(412, 915)

    # The customer signs with the code the SMS brought.
    signing_code = eventually("the signing code reached the phone", lambda: next(
        (m.group(1) for text in platform.sms_to(customer["phone"])
         for m in [re.search(r"(?:Mã ký|Ma ky): (\d{6})", text)] if m), None))
    browser.driver.get(f"{platform.url('intake')}/ky-hop-dong?code={code}")
    browser.type("phone", customer["phone"])
    # The customer asks for a new code on the page: it replaces the first.
    browser.click("#new-code")
    check("10 phút" in browser.find("#new-code-sent").text, "the page says a new code is on its way and for how long")
    check(browser.find("#code").get_attribute("value") == code, "the request code stays filled in")
    check_accessible(browser, "the signing page after a new code")
    browser.shot("portal-new-signing-code")
    codes = lambda: [m.group(1) for text in platform.sms_to(customer["phone"])
                     for m in [re.search(r"(?:Mã ký|Ma ky): (\d{6})", text)] if m]
    signing_code = eventually("the new signing code reached the phone", lambda: (codes()[1:] or [None])[0])
    # Before signing, the customer reads the contract: the parties, the supply point, the tariff, the households.
    browser.type("phone", customer["phone"])
    browser.click("#view-contract")
    check(browser.find("#buyer").text == customer["name"], "the contract names the customer as the buyer")
    check("12 Phan Chu Trinh" in browser.find("#address").text, "the contract gives the supply point")
    check("bậc thang" in browser.find("#tariff-group").text, "the tariff group is named, not coded")
    check(browser.find("#households").text == "1", "the contract gives the households sharing the meter")
    check(browser.find("#term").text == "Không thời hạn", "a household's contract says it has no end date")
    check(len(browser.finds("#terms li")) >= 5 and browser.finds("button.print"), "the terms follow, printable")
    browser.shot("portal-contract")
    browser.type("phone", customer["phone"])
    browser.type("signingCode", signing_code)
    browser.submit()
    contract = browser.find("#contract-number").text.strip()
    check(contract.startswith("HĐ-PC05TK-"), f"the contract number is shown: {contract!r}")
    browser.shot("portal-signed")
    signed_copy.signed_copy(browser, platform, ticket_id)

    # The customer's look-ups and further requests, on the same portal.
    customer_code = http("GET", f"{crm}/{ticket_id}", token=desk)[1]["contract"]["customerCode"]
    browser.driver.get(f"{platform.url('intake')}/")
    browser.click("#go-reading")
    browser.type("customerCode", customer_code)

    def reading_known():
        browser.submit()
        return browser.finds("#next-reading")
    eventually("the meter-reading schedule is known", reading_known)
    check(re.fullmatch(r"\d\d/\d\d/\d{4}", browser.find("#next-reading").text), "the next reading day is shown")
    browser.shot("portal-reading-schedule")
    browser.driver.get(f"{platform.url('intake')}/uoc-tinh-tien-dien?kWh=250&households=2")
    check(len(browser.finds("#bill tbody tr")) == 3, "250 kWh on a meter of two households reaches tier 3")
    check(browser.find("#total").text.endswith(" đ"), "the bill's total is in đồng")
    browser.shot("portal-tariff")
    browser.driver.get(f"{platform.url('intake')}/lich-cat-dien?communeCode=20350")
    check(browser.finds("#no-outage") or browser.finds("#outages li"), "the planned-outage schedule answers")
    browser.shot("portal-planned-outages")
    browser.driver.get(f"{platform.url('intake')}/yeu-cau/dich-vu")
    browser.click("#kind-meter_verification")
    browser.type("customerCode", customer_code)
    browser.type("requester-fullName", customer["name"])
    browser.type("requester-idNumber", customer["id"])
    browser.type("requester-phone", customer["phone"])
    browser.type("note", "Hóa đơn tăng bất thường")
    browser.submit()
    check(browser.find("#consent-error").is_displayed(), "the consent is asked for beside its box")
    check_accessible(browser, "a service request form")
    browser.shot("portal-service-request-error")
    browser.find("#consent").click()
    browser.submit()
    verification = browser.find("#request-code").text.strip()
    check(re.fullmatch(r"PC05TK-\d{6}-\d{6}", verification), f"the verification's code: {verification!r}")
    browser.shot("portal-service-request-receipt")
    browser.driver.get(f"{platform.url('intake')}/bao-mat-dien")
    Select(browser.find("#communeCode")).select_by_value("20350")
    browser.type("phone", customer["phone"])
    browser.type("note", "Mất điện cả khu phố")
    browser.find("#consent").click()
    browser.submit()
    check(browser.find("#report-code").text.startswith("PC05TK-"), "the outage report is answered with its code")
    browser.shot("portal-outage-reported")

    # The branch's dispatcher sees the report on the live board, sends a crew and records the
    # restoration with its cause: the board then lists the incident restored, with that cause.
    board = f"{platform.url('outage')}/su-co"
    browser.sign_in(platform, board, "tk-dd-01")

    def incident_listed():
        browser.driver.get(board)
        return browser.finds("#live tr[id^=incident-] a")
    incident = eventually("the report is on the dispatcher's board", incident_listed)[0].text
    check("Tân Thạnh" in browser.find(f"#incident-{incident}").text, "the board names the area")
    browser.shot("dispatch-board")
    browser.click(f"#incident-{incident} a")
    browser.type("crew", "Tổ sửa chữa 2")
    browser.click("#assign-crew")
    check(browser.find("#crew").text == "Tổ sửa chữa 2", "the incident names the crew")
    browser.type("cause", "Đứt dây hạ thế")
    browser.click("#restore")
    check(browser.find("#status").text == "Đã khôi phục cấp điện", "the incident reads restored")
    check_accessible(browser, "the restored incident")
    browser.driver.get(board)
    restored = browser.find(f"#restored #incident-{incident}").text
    check("Đã khôi phục cấp điện" in restored and "Đứt dây hạ thế" in restored,
          f"the board lists the incident restored with its cause: {restored!r}")
    browser.shot("dispatch-board-restored")
    browser.sign_out(platform)

    # A call-centre operator of the corporation's hotline signs in and files for a caller.
    browser.sign_in(platform, f"{platform.url('intake')}/tong-dai", "hq-cc-01")
    browser.shot("console-signed-in")
    check("hq-cc-01" in browser.find("#operator").text, "the console names the operator")
    browser.type("phone", customer["phone"])
    browser.submit()
    rows = browser.finds(f'#caller-requests tr[data-code="{code}"]')
    check(rows, f"the caller's requests list {code}")
    cells = rows[0].find_elements(By.CSS_SELECTOR, "td")
    check(cells[2].text.strip() and re.fullmatch(r"\d\d/\d\d/\d{4}", cells[3].text.strip()),
          f"the request shows its latest step and due date: {rows[0].text!r}")
    check(browser.finds(f'#caller-requests tr[data-code="{verification}"]'), "the caller's verification is listed too")
    check_accessible(browser, "the call-centre console")
    browser.shot("console-caller")

    # The PBX reports the customer's call ringing at the operator's extension: the console, open
    # and idle, shows the caller's page by itself, without a reload.
    browser.driver.get(f"{platform.url('intake')}/tong-dai")
    browser.type("extension", "2101")
    browser.find("#extension-form button").click()
    eventually("the console listens at extension 2101", lambda: browser.find("#listening").is_displayed())
    browser.driver.execute_script("window.notReloaded = true;")
    status, answer = ring(platform, {"callId": f"call-{uuid.uuid4().hex[:8]}", "caller": customer["phone"],
                                     "called": "19001909", "extension": "2101"})
    check(status == 202 and answer["consoles"] == 1, f"the webhook reached the console: {status} {answer}")
    eventually("the caller's page appears on the console", lambda: browser.finds(f'#caller-requests tr[data-code="{code}"]'))
    check(browser.driver.execute_script("return window.notReloaded === true;"), "the console was not reloaded")
    check("phone=" in browser.driver.current_url, f"the address names the caller: {browser.driver.current_url}")
    check("/tong-dai/bao-mat-dien?phone=" in browser.find("#file-outage").get_attribute("href"),
          "the outage report form is filled with the caller's phone")
    browser.shot("console-incoming-call")
    browser.click("#file-connection")
    check("hq-cc-01" in browser.find("#operator").text, "the form names the operator")
    caller = {"name": "Trần Thị Bích", "id": citizen_id(), "phone": mobile(),
              "email": f"goi.{uuid.uuid4().hex[:8]}@khachhang.example.vn"}
    file_new_connection(browser, platform, caller, phone_first=caller["phone"])
    browser.shot("console-form")
    browser.submit()
    caller_code = browser.find("#request-code").text.strip()
    check(re.fullmatch(r"PC05TK-\d{6}-\d{6}", caller_code), f"the caller's request code: {caller_code!r}")
    browser.shot("console-receipt")
    # The operator's session does not reach the branch console: a 403 page naming its roles.
    browser.driver.get(f"{platform.url('crm')}/phieu")
    check(browser.driver.current_url == f"{platform.url('crm')}/phieu", "no redirect, so no loop through the sign-in")
    needed = browser.find("#needed-roles").text
    check("customer_service" in needed and "branch_head" in needed,
          f"the branch console names the roles it needs: {needed!r}")
    check(not browser.finds("#tickets"), "the operator sees no ticket")
    browser.shot("console-forbidden")
    browser.sign_out(platform)

    # The branch head opens the branch's wall board, which shows the caller's new ticket.
    browser.driver.set_window_size(1920, 1080)
    browser.sign_in(platform, f"{platform.url('crm')}/bang-tin", "tk-gd-01")
    eventually("the sign-in leads to the wall board",
               lambda: browser.driver.current_url.endswith("/bang-tin") and browser.finds("#board"))

    def board_shows():
        cards = browser.finds_now(f'#board li[data-code="{caller_code}"]')
        if not cards:
            browser.driver.refresh()
        return cards
    cards = eventually("the wall board shows the caller's ticket", board_shows)
    check("sla-on_track" in cards[0].get_attribute("class"), "a new ticket is on track")
    check(code not in browser.find("#board").text, "the signed (closed) request is off the board")
    check(browser.find("meta[http-equiv=refresh]").get_attribute("content") == "30", "the board refreshes itself")
    check(re.search(r"\d", browser.find("#due-today-count").text), "the board counts the tickets due today")
    browser.shot("wall-board")
    wall_board_device(browser, platform, caller_code)
    browser.driver.set_window_size(1280, 900)
    browser.driver.get(f"{platform.url('crm')}/phieu")
    browser.sign_out(platform)

    # The unit's households officer opens a dossier with a group of tenants on the page, is
    # refused the same tenants on a second meter, and once a supervisor allowed them there (with
    # the reason), sees the duplicate on the duplicates page; then the list, the expiry list,
    # the re-pricing list and the split report.
    households = f"{platform.url('households')}/api/v1"
    codes = [f"PC05TK0{random.randint(100000, 999999)}" for _ in range(2)]
    holders = [citizen_id() for _ in codes]
    lodger = citizen_id()
    browser.driver.set_window_size(1280, 900)

    browser.sign_in(platform, f"{platform.url('households')}/ho-dung-chung/mo-ho-so", "tk-qlhp-01")
    open_dossier(browser, codes[0], holders[0], lodger)
    check(codes[0] in browser.find("h2").text, f"the dossier of {codes[0]} is opened and shown")
    check("1¾" in browser.find("#allowance").text, "the holder and three tenants at ¼ each count 1¾ households")
    members = browser.find("#members").text
    check("3 người thuê" in members and "XN-0042" in members and "31/12/2031" in members,
          f"the tenants, their confirmation and its end are shown: {members!r}")
    browser.shot("households-opened")
    browser.click("#open-dossier")
    open_dossier(browser, codes[1], holders[1], lodger)
    conflict = browser.find("#screening-conflict").text
    check(codes[0] in conflict, f"the tenants are refused on the second meter, naming where they are: {conflict!r}")
    check(browser.finds("#supervisor-needed"), "the officer is told a supervisor decides")
    browser.shot("households-duplicate")

    supervisor = platform.token("households_supervisor", "PC05TK", staff="tk-gs-01")
    status, _ = http("POST", f"{households}/dossiers", token=supervisor, body={
        "customerCode": codes[1], "holder": {"fullName": "Lê Văn Hùng", "idNumber": holders[1]},
        "subHouseholds": [{"fullName": "Phạm Thị Dung", "idNumber": lodger, "persons": 3,
                           "permanentAddress": "Thôn 3, xã Tam Thăng, Quảng Nam",
                           "residenceConfirmation": {"issuer": "Công an xã Tam Thăng", "number": "XN-0042",
                                                     "issuedOn": "2026-06-01", "validUntil": "2031-12-31"}}],
        "override": {"reason": "Nhóm thuê trọ ở cả hai nhà của cùng chủ, đã xác minh"}})
    check(status == 201, f"the supervisor registers the tenants on the second meter anyway ({status})")
    browser.click("#duplicates")
    cases = browser.find("#cases").text
    check(codes[0] in cases and codes[1] in cases, f"the duplicate names both dossiers: {cases!r}")
    overrides = browser.find("#overrides").text
    check("tk-gs-01" in overrides and "đã xác minh" in overrides, f"the override shows who and why: {overrides!r}")
    browser.shot("households-duplicates-page")

    browser.click("#dossiers-link")
    browser.type("q", codes[1])
    browser.submit()
    rows = browser.finds("#dossiers tbody tr")
    check(len(rows) == 1 and codes[1] in rows[0].text, "the unit's dossiers are searched by customer code")
    browser.shot("households-dossiers")
    browser.click("#expiry")
    check(browser.find("h1").text.startswith("Xác nhận cư trú"), "the expiry list opens")
    browser.shot("households-expiry")
    browser.click("#repricing")
    check("danh sách khách hàng cần điều chỉnh số hộ" in browser.find("h1").text.lower(), "the re-pricing list prints")
    browser.shot("households-repricing")
    browser.driver.get(f"{platform.url('households')}/ho-dung-chung")
    browser.click("#split-report")
    check(browser.finds("#splits-done"), "the monthly split report is shown")
    browser.shot("households-split-report")

    meter_visit.technician_verifies(browser, platform, verification, customer)
    email_answer.answer_emailed_inquiry(browser, platform)
    papers_flow.papers(browser, platform)
    deadline_digest.branch_head_morning(browser, platform)
    holder_change.holder_change(browser, platform, customer_code, customer, ticket_id)
    leaving_households.leaving_households(browser, platform)
    meter_stock.stock_keeper_receives(browser, platform)
    meter_split.split_installed(browser, platform)
    planned_outages.dispatcher_plans(browser, platform)
    households_officer.households_day(browser, platform)
    officer_alert.officer_alerted(browser, platform)

    # English on the switch.
    browser.driver.set_window_size(412, 915)
    browser.driver.get(f"{platform.url('intake')}/")
    browser.click("header .switch")
    check(browser.find("h1").text == "Electricity services online", "the switch shows the portal in English")
    browser.driver.get(f"{platform.url('intake')}/yeu-cau/cap-dien-moi")
    check(browser.find("h1").text == "Request a new connection", "English is kept on the next page")
    browser.shot("portal-english")


def wall_board_device(browser, platform, caller_code):
    """The signed-in branch head enrols the office's TV, which nobody signs in on: the TV (a
    browser of its own) opens the one-time link and shows the board from its device credential;
    once the branch head revokes it, the TV's next renewal is refused and the board stops."""
    browser.driver.set_window_size(1280, 900)
    browser.driver.get(f"{platform.sign_in_url()}/thiet-bi")
    browser.type("name", "TV phòng giao dịch Tam Kỳ")
    browser.click("#enrol")
    link = browser.find("#enrolment-link").get_attribute("href")
    check(link.startswith(f"{platform.sign_in_url()}/thiet-bi/ghi-danh?ma="), f"an enrolment link: {link!r}")
    browser.shot("wall-board-enrolment")
    tv = Browser()
    try:
        tv.shots = browser.shots
        tv.driver.set_window_size(1920, 1080)
        tv.driver.get(link)
        check(tv.driver.current_url == f"{platform.url('crm')}/bang-tin", f"the TV is sent to the board: {tv.driver.current_url}")
        check(tv.finds(f'#board li[data-code="{caller_code}"]'), "the TV's board shows the branch's tickets")
        check("device-" in tv.find("#signed-in-as").get_attribute("textContent"), "the board is the device's, nobody's")
        tv.shot("wall-board-device")
        browser.shots = tv.shots
        browser.driver.get(f"{platform.sign_in_url()}/thiet-bi")
        browser.click("#devices .revoke")
        check(not browser.finds("#devices .revoke"), "the device is revoked")
        browser.shot("wall-board-revoked")
        # The TV's access token runs out (STAFF_ACCESS_TOKEN_LIFETIME); its renewal is refused.
        tv.driver.delete_cookie("staff_token")
        tv.driver.refresh()
        check(tv.driver.current_url.startswith(f"{platform.sign_in_url()}/dang-nhap"),
              f"the revoked TV's board stops at the sign-in: {tv.driver.current_url}")
        check(not tv.finds("#board"), "the revoked TV shows no ticket")
    finally:
        tv.driver.quit()


def main():
    folder = Path(tempfile.mkdtemp(prefix="evn-browser-"))
    platform = Platform(folder)
    browser = None
    passed = False
    try:
        platform.start()
        browser = Browser()
        scenario(browser, platform)
        print(f"browser: ok, {browser.shots} screenshots in {SHOTS.relative_to(ROOT)}", flush=True)
        passed = True
        return 0
    except (CheckFailed, WebDriverException, subprocess.CalledProcessError) as failure:
        if browser:
            browser.shot("failure")
        url = browser.driver.current_url if browser else ""
        print(f"browser: FAILED: {failure} at {url} (service logs in {folder / 'logs'})", file=sys.stderr, flush=True)
        return 1
    finally:
        if browser:
            browser.driver.quit()
        platform.stop()
        if passed:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
