"""A meter split in a real browser, as the technician who installs the new meter and the
households officer who keeps the dossier see it.

A landlord's meter is shared with a tenant's household (arranged through the public APIs, as
leaving_households does). The landlord asks for the tenant's own meter (intake's API) and the
branch approves it for a one-phase meter (crm's API). The technician, on a phone, opens the
order from the day's list: it says it is a meter for a household split off a shared meter, with
the shared and the new customer codes, and names the reserved meter. A serial that is not the
reserved meter's is refused beside its field, naming the reserved one; the reserved serial
completes the order. The landlord is texted the new customer code, and the dossier shows the
tenant's household with its own meter under that code. Called from portal_flow's scenario, whose
helpers it uses.
"""
import random
import re

from selenium.webdriver.common.by import By

import leaving_households
import meter_stock
import portal_flow as flow

TECHNICIAN = "tk-kt-01"


def split_installed(browser, platform):
    landlord = {"name": "Đặng Văn Toàn", "id": flow.citizen_id(), "phone": flow.mobile()}
    tenant = {"name": "Võ Thị Hạnh", "id": flow.citizen_id()}
    customer_code = leaving_households.shared_meter_signed(platform, landlord, tenant)
    reference = tenant_reference(platform, customer_code)
    code = split_approved(platform, customer_code, landlord, reference)
    new_code = technician_completes(browser, platform, code, customer_code, reference)
    flow.eventually("the landlord is texted the new customer code",
                    lambda: [text for text in platform.sms_to(landlord["phone"]) if new_code in text])
    officer_sees_split(browser, platform, customer_code, reference, new_code)


def tenant_reference(platform, customer_code):
    """The tenant household's reference on the shared meter's dossier (SH-…)."""
    officer = platform.token("households_officer", "PC05TK")
    url = f"{platform.url('households')}/api/v1/dossiers?customerCode={customer_code}"

    def registered():
        status, dossier = flow.http("GET", url, token=officer)
        return dossier if status == 200 else None
    dossier = flow.eventually("households registered the shared meter's dossier", registered)
    return next(member["subHouseholdId"] for member in dossier["members"] if member["role"] == "sub")


def split_approved(platform, customer_code, landlord, reference):
    """The landlord asks for the tenant's own meter; the branch approves a one-phase meter once
    the request is up for review. Answers the request's code."""
    stock = platform.token("meter_stock", "PC05TK")
    status, _ = flow.http("POST", f"{platform.url('metering')}/api/v1/meters", token=stock, body={
        "serial": f"VN1P{random.randint(10_000_000, 99_999_999)}", "phase": 1,
        "verifiedOn": meter_stock.day(-30), "verificationValidUntil": meter_stock.day(5 * 365)})
    flow.check(status == 201, f"a verified meter is in stock for the split ({status})")
    status, filed = flow.http("POST", f"{platform.url('intake')}/api/v1/service-requests", body={
        "kind": "meter_split", "channel": "web", "customerCode": customer_code, "subHouseholdId": reference,
        "requester": {"fullName": landlord["name"], "idNumber": landlord["id"], "phone": landlord["phone"]},
        "site": {"province": "Quảng Nam", "communeCode": "20350", "street": "27A Trần Cao Vân, tổ 5"},
        "consent": True})
    flow.check(status == 201, f"the split is filed ({status} {filed})")
    code = filed["requestCode"]
    desk = platform.token("customer_service", "PC05TK")
    tickets = f"{platform.url('crm')}/api/v1/tickets"
    ticket = flow.eventually("the split's ticket is up for review", lambda: next(
        (t for t in flow.http("GET", f"{tickets}?requestCode={code}", token=desk)[1].get("tickets", [])
         if t.get("stage") == "review"), None))
    status, answer = flow.http("POST", f"{tickets}/{ticket['ticketId']}/decision", token=desk,
                               body={"decision": "approve", "phase": 1})
    flow.check(status == 200, f"the branch approves the split ({status} {answer})")
    return code


def technician_completes(browser, platform, code, customer_code, reference):
    """The technician opens the split's order from the day's list, has a wrong serial refused and
    completes it with the reserved meter. Answers the new customer code the order names."""
    field = platform.token("field_technician", "PC05TK")
    order = flow.eventually("the split's work order has a meter", lambda: next(
        (o for o in flow.http("GET", f"{platform.url('metering')}/api/v1/work-orders?requestCode={code}",
                              token=field)[1].get("workOrders", []) if o.get("meterSerial")), None))
    browser.driver.delete_all_cookies()
    browser.driver.set_window_size(390, 844)
    browser.sign_in(platform, f"{platform.url('metering')}/lenh-cong-tac", TECHNICIAN)
    listed = f'#to-do a[data-order="{order["workOrderId"]}"]'
    entry = browser.find(listed).text
    flow.check("Lắp công tơ tách hộ dùng chung" in entry and code in entry,
               f"the day's list shows the split's order: {entry!r}")
    browser.click(listed)
    flow.check(browser.find("#kind").text == "Lắp công tơ tách hộ dùng chung", "the order says it is a split")
    split = browser.find("#split").text
    found = re.fullmatch(rf"{reference}: {customer_code} → (PC05TK\w+)", split)
    flow.check(found and found.group(1) != customer_code,
               f"the order names the household, the shared and the new customer codes: {split!r}")
    reserved = browser.find("#reserved-meter .code").text
    flow.check(reserved == order["meterSerial"], f"the order names the reserved meter: {reserved!r}")
    browser.type("meterSerial", "VN1P00000002")
    browser.type("initialReadingKWh", "0")
    browser.type("sealNumbers-0", "NP-T1")
    browser.click("#complete")
    error = browser.find("#meterSerial-error").text
    flow.check(reserved in error, f"another meter's serial is refused beside the field, naming the reserved one: {error!r}")
    browser.shot("technician-split-refused")
    browser.type("meterSerial", reserved)
    browser.click("#complete")
    flow.check(browser.find("#status").text == "Đã nghiệm thu", "the split's order reads completed")
    flow.check(browser.find("#seals").text == "NP-T1", "the seal is recorded")
    flow.check(browser.find("#reading-route").text.startswith("TK-R07"), "the new meter joins the commune's reading route")
    browser.shot("technician-split-completed")
    browser.sign_out(platform)
    browser.driver.set_window_size(412, 915)
    return found.group(1)


def officer_sees_split(browser, platform, customer_code, reference, new_code):
    """The dossier shows the tenant's household with its own meter, under the new customer code."""
    browser.driver.set_window_size(1280, 900)
    listing = f"{platform.url('households')}/ho-dung-chung?q={customer_code}"
    browser.sign_in(platform, listing, "tk-qlhp-01")
    browser.click("#dossiers tbody tr a")
    page = browser.driver.current_url

    def split():
        member = browser.reloaded(page, f"#member-{reference}")
        return member and "Đã tách công tơ" in member[0].text and member
    member = flow.eventually("the dossier shows the tenant's household split", split)[0]
    flow.check(member.find_element(By.CSS_SELECTOR, ".split").text == new_code,
               f"the dossier names the new customer code: {member.text!r}")
    browser.shot("households-split-done")
    browser.sign_out(platform)
