"""A households officer's and a supervisor's day with the sub-household program, in a real browser.

The officer opens a dossier whose tenants' residence confirmation ends in ten days, and records
on the dossier page why they have not split: "other" without a note is refused beside the note;
a listed reason with a note is shown on the tenants' row, with their wish for their own meter.
A supervisor registers the same tenants on a second meter through the open-dossier form: a blank
reason leaves them refused, a too-short one is refused beside the reason, a real one registers
them; the duplicates page then shows the supervisor and the reason. The daily residence pass
(run now, as corporation staff may) texts the first dossier's main household, and the expiry
list says so, with the masked phone and the time. Called from portal_flow's scenario, whose
helpers it uses.
"""
import random
import re
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import portal_flow as flow

OFFICER = "tk-qlhp-01"
SUPERVISOR = "tk-qlhp-02"
OVERRIDE_REASON = "Cùng nhóm thuê trọ ở hai nhà của một chủ, đã đối chiếu tạm trú"


def households_day(browser, platform):
    codes = [f"PC05TK0{random.randint(100000, 999999)}" for _ in range(2)]
    holders = [flow.citizen_id() for _ in codes]
    lodger = flow.citizen_id()
    phone = flow.mobile()
    browser.driver.delete_all_cookies()
    browser.driver.set_window_size(1280, 900)
    reference = split_status_recorded(browser, platform, codes[0], holders[0], lodger, phone)
    supervisor_overrides(browser, platform, codes, holders[1], lodger)
    reminder_shown(browser, platform, codes[0], reference, phone)


def household_book():
    """A household book number of its own, so that only the tenants are in two dossiers."""
    return f"HK-{random.randint(100000, 999999)}"


def split_status_recorded(browser, platform, code, holder, lodger, phone):
    """The officer opens the dossier and records why its tenants have not split. Answers their reference."""
    opening = f"{platform.url('households')}/ho-dung-chung/mo-ho-so"
    browser.sign_in(platform, opening, OFFICER)
    ends = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 7 * 3600 + 10 * 86400))
    flow.open_dossier(browser, code, holder, lodger, phone=phone, valid_until=ends, book=household_book())
    flow.check(code in browser.find("h2").text, f"the dossier of {code} is opened and shown")
    row = next(row for row in browser.finds("#members tbody tr") if "Phạm Thị Dung" in row.text)
    reference = row.find_element(By.CSS_SELECTOR, "td").text.strip()

    Select(browser.find("#subHouseholdId")).select_by_value(reference)
    Select(browser.find("#notSplitReason")).select_by_value("other")
    browser.click("#record-split")
    error = browser.find("#note-error").text
    flow.check(error == "Vui lòng nhập thông tin này", f"“other” without a note is refused beside the note: {error!r}")
    browser.shot("households-split-status-refused")
    Select(browser.find("#notSplitReason")).select_by_value("rented_rooms")
    browser.type("note", "Chủ nhà chưa cho kéo dây riêng")
    browser.find("#wantsSplit").click()
    browser.click("#record-split")
    split = browser.find(f"#member-{reference} .split").text
    flow.check(split == "Muốn tách. Phòng trọ dùng công tơ chủ nhà — Chủ nhà chưa cho kéo dây riêng",
               f"the tenants' row shows their wish and why they have not split: {split!r}")
    flow.check_accessible(browser, "the dossier page")
    browser.shot("households-split-status")
    browser.sign_out(platform)
    return reference


def supervisor_overrides(browser, platform, codes, holder, lodger):
    """The supervisor registers the tenants on the second meter through the form, with the reason."""
    opening = f"{platform.url('households')}/ho-dung-chung/mo-ho-so"
    browser.sign_in(platform, opening, SUPERVISOR)
    flow.open_dossier(browser, codes[1], holder, lodger, book=household_book())
    conflict = browser.find("#screening-conflict").text
    flow.check(codes[0] in conflict, f"the tenants are refused on the second meter, naming where they are: {conflict!r}")
    flow.check(browser.finds("#override-reason"), "the supervisor is offered the override's reason")
    browser.click("#open-submit")
    flow.check(browser.finds("#screening-conflict"), "without a reason the tenants stay refused")
    browser.type("override-reason", "Đã xem")
    browser.click("#open-submit")
    error = browser.find("#override-reason-error").text
    flow.check(error == "Lý do chấp thuận phải dài từ 10 đến 500 ký tự", f"a too-short reason is refused beside it: {error!r}")
    browser.shot("households-override-refused")
    browser.type("override-reason", OVERRIDE_REASON)
    browser.click("#open-submit")
    flow.check(codes[1] in browser.find("h2").text, f"the supervisor's reason registers the dossier of {codes[1]}")
    browser.click("#duplicates")
    cases = browser.find("#cases").text
    flow.check(codes[0] in cases and codes[1] in cases, f"the duplicate names both dossiers: {cases!r}")
    granted = [row.text for row in browser.finds("#overrides tbody tr") if codes[1] in row.text]
    flow.check(len(granted) == 1 and SUPERVISOR in granted[0] and OVERRIDE_REASON in granted[0],
               f"the override shows who allowed it and why: {granted!r}")
    browser.shot("households-override-granted")
    browser.sign_out(platform)


def reminder_shown(browser, platform, code, reference, phone):
    """The residence pass texts the main household; the expiry list shows whom and when."""
    expiry = f"{platform.url('households')}/ho-dung-chung/het-han"
    browser.sign_in(platform, expiry, OFFICER)
    before = browser.find(f"#expiring-soon #expiry-{reference} .reminded").text
    flow.check(before == "Chưa nhắc", f"the tenants' confirmation is listed, not reminded yet: {before!r}")
    corporation = platform.token("households_officer", "CORP")
    status, answer = flow.http("POST", f"{platform.url('households')}/api/v1/residence-expiry/run", token=corporation)
    flow.check(status == 200, f"the residence pass runs ({status} {answer})")
    flow.eventually("the main household is texted the reminder",
                    lambda: [text for text in platform.sms_to(phone) if code in text])
    reminded = browser.reloaded(expiry, f"#expiring-soon #expiry-{reference} .reminded")[0].text
    flow.check(re.fullmatch(r"Đã nhắn chủ hộ chính \S+ lúc \d\d/\d\d/\d{4},? \d\d:\d\d", reminded)
               and phone[-3:] in reminded and phone[3:7] not in reminded,
               f"the expiry list says the main household was texted, at the masked phone, and when: {reminded!r}")
    browser.shot("households-expiry-reminded")
    browser.sign_out(platform)
