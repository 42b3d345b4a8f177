"""A landlord whose tenants left, in a real browser, as the people who report and decide it do.

A landlord signed a contract for a meter shared with one tenant's household (arranged through
the public APIs, as the branch's steps are elsewhere in the scenario). The households officer
reads the tenant's reference (SH-…) on the meter's dossier. The landlord, on a phone, picks the
household-count change on the portal and fills only a "sub-household that left" row: a reference
typed with a space is refused beside its row, in Vietnamese and in English, with what was typed
kept. A well-formed reference the dossier does not hold passes the form (which cannot know the
dossier) and is refused while the request is screened, before the branch head is asked: the
landlord's SMS names it, and the branch head finds the ticket already closed as turned down, with
no decision to make. The right one is filed and the receipt shows its code. The branch head approves on crm's console; the landlord's SMS then says the meter now counts one household, the ticket reads
closed with the contract's new version counting one household, and the dossier shows the
tenant's household no longer sharing and the count gone from 2 to 1.
Called from portal_flow's scenario, whose helpers it uses.
"""
import random
import re
import time
import unicodedata

from selenium.webdriver.common.by import By

import holder_change
import portal_flow as flow

MALFORMED = "SH 1042"
# Well-formed, but no household of the landlord's dossier: the form cannot know the dossier.
UNKNOWN = "SH-999999"
REFERENCE_FORMAT = {"vi": "Mã tham chiếu gồm 1 đến 40 chữ cái, chữ số hoặc dấu gạch nối",
                    "en": "A reference is 1 to 40 letters, digits or hyphens"}


def leaving_households(browser, platform):
    landlord = {"name": "Huỳnh Văn Phúc", "id": flow.citizen_id(), "phone": flow.mobile()}
    tenant = {"name": "Lý Thị Sương", "id": flow.citizen_id()}
    customer_code = shared_meter_signed(platform, landlord, tenant)
    dossier_page, reference = officer_reads_reference(browser, platform, customer_code, tenant)
    malformed_refused(browser, platform, customer_code, landlord)
    unknown = landlord_files(browser, platform, customer_code, landlord, UNKNOWN)
    landlord_is_told_unknown(platform, landlord)
    branch_head_finds_it_refused(browser, platform, unknown)
    code = landlord_files(browser, platform, customer_code, landlord, reference, shots="portal-leaving")
    ticket_page = branch_head_approves(browser, platform, code, reference, shot="console-leaving-review")
    landlord_is_told(platform, landlord)
    branch_sees_it_counted(browser, platform, ticket_page, dossier_page, reference, code)


def shared_meter_signed(platform, landlord, tenant):
    """A signed contract for a meter the landlord shares with the tenant's household, through the
    public APIs: the filing, the branch's survey and installation request, the technician's
    installation and the landlord's signature with the SMS code. Answers the customer code."""
    stock = platform.token("meter_stock", "PC05TK")
    status, _ = flow.http("POST", f"{platform.url('metering')}/api/v1/meters", token=stock, body={
        "serial": f"VN1P{random.randint(10_000_000, 99_999_999)}", "phase": 1,
        "verifiedOn": time.strftime("%Y-%m-%d", time.gmtime(time.time() - 30 * 86400)),
        "verificationValidUntil": time.strftime("%Y-%m-%d", time.gmtime(time.time() + 5 * 365 * 86400))})
    flow.check(status == 201, f"a verified meter is in stock ({status})")
    intake = f"{platform.url('intake')}/api/v1/requests"
    status, filed = flow.http("POST", intake, body={
        "kind": "new_lv_connection", "channel": "web",
        "applicant": {"fullName": landlord["name"], "idNumber": landlord["id"], "phone": landlord["phone"]},
        "site": {"province": "Quảng Nam", "communeCode": "20350", "street": "27 Trần Cao Vân, tổ 5"},
        "purpose": "residential", "householdCount": 2,
        "extraHouseholds": [{"fullName": tenant["name"], "idNumber": tenant["id"]}], "consent": True})
    flow.check(status == 201, f"the shared meter's connection is filed ({status} {filed})")
    code = filed["requestCode"]
    desk = platform.token("customer_service", "PC05TK")
    crm = f"{platform.url('crm')}/api/v1/tickets"
    ticket = flow.eventually("crm opened the connection's ticket", lambda: (
        flow.http("GET", f"{crm}?requestCode={code}", token=desk)[1].get("tickets") or [None])[0])
    ticket_id = ticket["ticketId"]
    flow.eventually("the connection's screening is clear", lambda: (
        flow.http("GET", f"{crm}/{ticket_id}", token=desk)[1].get("screening") or {}).get("outcome") == "clear")
    for action, body in [("survey", {"outcome": "feasible", "phase": 1}), ("installation", {})]:
        status, answer = flow.http("POST", f"{crm}/{ticket_id}/{action}", token=desk, body=body)
        flow.check(status == 200, f"the branch records the {action} ({status} {answer})")
    field = platform.token("field_technician", "PC05TK")
    orders = f"{platform.url('metering')}/api/v1/work-orders"
    order = flow.eventually("the shared meter's work order has a meter", lambda: next(
        (o for o in flow.http("GET", f"{orders}?requestCode={code}", token=field)[1].get("workOrders", [])
         if o.get("meterSerial")), None))
    serial = order["meterSerial"]
    status, _ = flow.http("POST", f"{orders}/{order['workOrderId']}/completion", token=field, body={
        "meterSerial": serial, "initialReadingKWh": 0, "sealNumbers": [f"KD-{serial}-1", f"KD-{serial}-2"]})
    flow.check(status == 200, f"the technician installs the shared meter ({status})")
    signing_code = flow.eventually("the signing code reached the landlord's phone",
                                   lambda: holder_change.signing_code(platform, landlord["phone"]))
    status, _ = flow.http("POST", f"{intake}/{code}/signature",
                          body={"phone": landlord["phone"], "signingCode": signing_code})
    flow.check(status == 200, f"the landlord signs ({status})")

    def signed():
        found = flow.http("GET", f"{crm}/{ticket_id}", token=desk)[1]
        return found if found.get("closure") else None
    closed = flow.eventually("the shared meter's contract is signed", signed)
    flow.check(closed["contract"]["householdCount"] == 2, f"the contract counts two households: {closed['contract']}")
    return closed["contract"]["customerCode"]


def officer_reads_reference(browser, platform, customer_code, tenant):
    """The households officer finds the meter's dossier and reads the tenant's reference on it.
    Answers the dossier's page and the reference."""
    browser.driver.delete_all_cookies()
    browser.driver.set_window_size(1280, 900)
    listing = f"{platform.url('households')}/ho-dung-chung?q={customer_code}"
    browser.sign_in(platform, listing, "tk-qlhp-01")
    flow.eventually("households registered the shared meter's dossier",
                    lambda: browser.reloaded(listing, "#dossiers tbody tr a"))
    browser.click("#dossiers tbody tr a")
    dossier_page = browser.driver.current_url
    rows = [row for row in browser.finds("#members tbody tr") if tenant["name"] in row.text]
    flow.check(len(rows) == 1, f"the dossier lists the tenant's household: {browser.find('#members').text!r}")
    reference = rows[0].find_element(By.CSS_SELECTOR, "td").text.strip()
    flow.check(re.fullmatch(r"SH-\d+", reference), f"the tenant's household has its reference: {reference!r}")
    flow.check("Đang dùng chung" in rows[0].text, f"the tenant's household shares the meter: {rows[0].text!r}")
    browser.shot("households-leaving-before")
    browser.sign_out(platform)
    return dossier_page, reference


def fill(browser, customer_code, landlord, reference):
    for field, value in [("customerCode", customer_code), ("requester-fullName", landlord["name"]),
                         ("requester-idNumber", landlord["id"]), ("requester-phone", landlord["phone"]),
                         ("leavingSubHouseholdIds-0", reference)]:
        browser.type(field, value)
    if not browser.find("#consent").is_selected():
        browser.find("#consent").click()


def refused_beside_row(browser, language, customer_code):
    """The malformed reference is refused beside its row, in the page's language, kept as typed."""
    error = browser.find("#leavingSubHouseholdIds-0-error").text
    flow.check(error == REFERENCE_FORMAT[language], f"the reference's error beside its row ({language}): {error!r}")
    row = browser.find("#leavingSubHouseholdIds-0")
    flow.check(row.get_attribute("aria-invalid") == "true", "the row is marked invalid")
    flow.check(row.get_attribute("value") == MALFORMED, f"what was typed is kept: {row.get_attribute('value')!r}")
    flow.check(browser.find("#customerCode").get_attribute("value") == customer_code, "the customer code is kept")
    flow.check(not browser.finds("#newHouseholds-0-fullName-error"), "only the leaving row is marked wrong")


def open_form(browser, platform):
    """The landlord, on a phone, picks the household-count change from the portal's service list."""
    browser.driver.delete_all_cookies()
    browser.driver.set_window_size(412, 915)
    browser.driver.get(f"{platform.url('intake')}/yeu-cau/dich-vu")
    browser.click("#kind-household_count_change")
    form = f"{platform.url('intake')}/yeu-cau/dich-vu/household_count_change"
    flow.check(browser.driver.current_url.startswith(form),
               f"the portal leads to the household-count change's form: {browser.driver.current_url}")


def malformed_refused(browser, platform, customer_code, landlord):
    """A reference typed with a space is refused beside its row, in Vietnamese, then in English
    on the switch, what was typed kept; the switch then leads back to Vietnamese."""
    open_form(browser, platform)
    fill(browser, customer_code, landlord, MALFORMED)
    browser.submit()
    refused_beside_row(browser, "vi", customer_code)
    flow.check_accessible(browser, "the household-count change with an error")
    browser.shot("portal-leaving-refused")
    browser.click("header .switch")
    fill(browser, customer_code, landlord, MALFORMED)
    browser.submit()
    refused_beside_row(browser, "en", customer_code)
    browser.shot("portal-leaving-refused-english")
    browser.click("header .switch")


def landlord_files(browser, platform, customer_code, landlord, reference, shots=None):
    """The landlord files the form with `reference` in the first "sub-household that left" row
    and nothing else of the kind's; the receipt shows the request's code."""
    open_form(browser, platform)
    fill(browser, customer_code, landlord, reference)
    if shots:
        flow.check_accessible(browser, "the household-count change's form")
        browser.shot(f"{shots}-form")
    browser.submit()
    code = browser.find("#request-code").text.strip()
    flow.check(re.fullmatch(r"PC05TK-\d{6}-\d{6}", code), f"the receipt shows the request's code: {code!r}")
    if shots:
        browser.shot(f"{shots}-receipt")
    return code


def branch_head_approves(browser, platform, code, reference, shot=None):
    """The branch head opens the ticket, reads which household left, and approves."""
    page = flow.ticket_page(platform, code)
    browser.driver.set_window_size(1280, 900)
    browser.sign_in(platform, page, "tk-gd-01")
    shown = browser.find("#leaving-households").text
    flow.check(shown == reference, f"the ticket names the household that left: {shown!r}")
    flow.eventually("the decision form shows", lambda: browser.reloaded(page, "#record-decision"))
    if shot:
        flow.check_accessible(browser, "the household change's ticket")
        browser.shot(shot)
    browser.click("#record-decision")
    flow.check(not browser.finds("#record-decision"), "the decision is recorded once")
    browser.sign_out(platform)
    return page


def branch_head_finds_it_refused(browser, platform, code):
    """The branch head opens the ticket of the unknown reference: closed as turned down already,
    with no decision form."""
    page = flow.ticket_page(platform, code)
    browser.driver.set_window_size(1280, 900)
    browser.sign_in(platform, page, "tk-gd-01")
    shown = browser.find("#leaving-households").text
    flow.check(shown == UNKNOWN, f"the ticket names the reference the landlord gave: {shown!r}")
    status = browser.find("#status").text
    flow.check(status == "Đã đóng — Không chấp thuận", f"the ticket reads closed as turned down: {status!r}")
    flow.check(not browser.finds_now("#record-decision"), "nothing is left for the branch head to decide")
    browser.shot("console-leaving-refused-unknown")
    browser.sign_out(platform)


def plain(text):
    """A text as its SMS may arrive, without Vietnamese's marks (GSM-7), in lower case."""
    stripped = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in stripped if not unicodedata.combining(c)).lower()


def landlord_is_told(platform, landlord):
    """The landlord's phone is told the meter now counts one household."""
    told = flow.eventually("the landlord is texted the new count", lambda: [
        text for text in platform.sms_to(landlord["phone"]) if "so ho dung chung cong to nay la 1" in plain(text)])
    flow.check("hop dong da duoc dieu chinh" in plain(told[0]), f"the SMS says the contract was amended: {told[0]!r}")


def landlord_is_told_unknown(platform, landlord):
    """A reference the dossier does not hold comes back refused: the SMS names it."""
    flow.eventually("the landlord is texted the reference the dossier does not hold", lambda: [
        text for text in platform.sms_to(landlord["phone"])
        if f"khong co ho {UNKNOWN.lower()}" in plain(text) and "kiem tra lai ma ho" in plain(text)])


def branch_sees_it_counted(browser, platform, ticket_page, dossier_page, reference, code):
    """The ticket reads closed as done, its contract's history ending with the version that counts one
    household by this request; the dossier shows the tenant's household no longer sharing."""
    browser.sign_in(platform, ticket_page, "tk-gd-01")

    def closed():
        browser.driver.get(ticket_page)
        return browser.find("#status").text.startswith("Đã đóng")
    flow.eventually("the household change's ticket is closed", closed)
    status = browser.find("#status").text
    flow.check(status == "Đã đóng — Đã thực hiện", f"the ticket reads closed as done: {status!r}")
    cells = [cell.text for cell in browser.finds("#contract-history tbody tr:last-child td")]
    flow.check(len(cells) == 8 and cells[1] == "Thay đổi số hộ dùng chung" and cells[4] == "1" and cells[7] == code,
               f"the contract's history ends with one household counted by this request: {cells!r}")
    flow.check("phiên bản 2" in browser.find("#contract").text, "the contract is in its second version")
    browser.shot("console-leaving-closed")
    browser.sign_out(platform)

    browser.sign_in(platform, dossier_page, "tk-qlhp-01")
    member = browser.find(f"#member-{reference}").text
    flow.check("Đã thôi dùng chung" in member, f"the dossier shows the tenant's household no longer sharing: {member!r}")
    flow.check("✓" not in member, f"nor marks it as counted: {member!r}")
    flow.check(browser.find("#allowance strong").text == "1", "the dossier counts one household")
    change = browser.find("#history tbody tr:last-child").text
    flow.check("Hộ thôi dùng chung" in change and "2 → 1" in change,
               f"the count's history shows the household leaving, from 2 to 1: {change!r}")
    browser.shot("households-leaving-ended")
    browser.sign_out(platform)
