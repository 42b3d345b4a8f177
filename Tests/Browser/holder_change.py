"""A change of holder in a real browser, as the people who ask, decide and sign do.

The holder files a change of holder on the portal for their customer code, naming the new
holder; the branch head opens the ticket on crm's console, reads who takes the contract over
(ID masked), waits for households to clear the new holder and approves. The signing code goes
to the new holder's phone: the one leaving cannot open the contract, the new holder reads it
naming them as buyer and signs. The branch's pages then show the ticket closed and the
contract's history naming the new holder by their ID masked. Called from portal_flow's
scenario, whose helpers it uses.
"""
import re

import portal_flow as flow

SIGNING_CODE = r"(?:Mã ký|Ma ky): (\d{6})"


def masked(id_number):
    """An ID number as the branch's pages show it: the first three and last two digits."""
    return f"{id_number[:3]}*******{id_number[-2:]}"


def holder_change(browser, platform, customer_code, holder, connection_ticket):
    """`holder` is the customer who signed (their name, id and phone); `connection_ticket` the
    ticket of their connection, whose page shows the contract's history."""
    new_holder = {"name": "Trần Văn Bình", "id": flow.citizen_id(), "phone": flow.mobile()}
    code = holder_files(browser, platform, customer_code, holder, new_holder)
    ticket_page = branch_head_approves(browser, platform, code, new_holder)
    new_holder_signs(browser, platform, code, holder, new_holder)
    branch_sees_it_passed(browser, platform, code, ticket_page, connection_ticket, new_holder)


def holder_files(browser, platform, customer_code, holder, new_holder):
    """The holder files the change on the portal's form; the receipt shows the request's code."""
    browser.driver.delete_all_cookies()
    browser.driver.set_window_size(412, 915)
    browser.driver.get(f"{platform.url('intake')}/yeu-cau/dich-vu")
    browser.click("#kind-change_of_holder")
    flow.check(browser.driver.current_url.startswith(f"{platform.url('intake')}/yeu-cau/dich-vu/change_of_holder"),
               f"the portal leads to the change of holder's form: {browser.driver.current_url}")
    for field, value in [("customerCode", customer_code), ("requester-fullName", holder["name"]),
                         ("requester-idNumber", holder["id"]), ("requester-phone", holder["phone"]),
                         ("newHolder-fullName", new_holder["name"]), ("newHolder-idNumber", new_holder["id"]),
                         ("newHolder-phone", new_holder["phone"])]:
        browser.type(field, value)
    browser.find("#consent").click()
    flow.check_accessible(browser, "the change of holder's form")
    browser.shot("portal-holder-change-form")
    browser.submit()
    code = browser.find("#request-code").text.strip()
    flow.check(re.fullmatch(r"PC05TK-\d{6}-\d{6}", code), f"the receipt shows the change's request code: {code!r}")
    browser.shot("portal-holder-change-receipt")
    return code


def branch_head_approves(browser, platform, code, new_holder):
    """The branch head opens the ticket, reads the new holder, and approves once screening cleared."""
    page = flow.ticket_page(platform, code)
    browser.driver.set_window_size(1280, 900)
    browser.sign_in(platform, page, "tk-gd-01")
    shown = browser.find("#new-holder").text
    flow.check(new_holder["name"] in shown and masked(new_holder["id"]) in shown and new_holder["id"] not in shown,
               f"the ticket names the new holder with the ID masked: {shown!r}")
    flow.eventually("households cleared the new holder and the decision form shows",
                    lambda: browser.reloaded(page, "#record-decision"))
    flow.check_accessible(browser, "the change of holder's ticket")
    browser.shot("console-holder-change-review")
    browser.click("#record-decision")
    flow.check(not browser.finds("#record-decision"), "the decision is recorded once")
    browser.shot("console-holder-change-approved")
    browser.sign_out(platform)
    return page


def signing_code(platform, phone):
    return next((m.group(1) for text in platform.sms_to(phone) for m in [re.search(SIGNING_CODE, text)] if m), None)


def new_holder_signs(browser, platform, code, holder, new_holder):
    """The code reaches the new holder's phone; the one leaving is refused the contract; the new
    holder reads it naming them as the buyer and signs."""
    browser.driver.delete_all_cookies()
    browser.driver.set_window_size(412, 915)
    sent = flow.eventually("the signing code reached the new holder's phone", lambda: signing_code(platform, new_holder["phone"]))
    signing = f"{platform.url('intake')}/ky-hop-dong?code={code}"
    browser.driver.get(signing)
    browser.type("phone", holder["phone"])
    browser.click("#view-contract")
    flow.check(not browser.finds_now("#buyer"), "the one leaving cannot open the contract for the new holder")
    flow.check(browser.finds(".field-error"), "the page says why beside the form")
    browser.shot("portal-holder-change-refused")

    browser.driver.get(signing)
    browser.type("phone", new_holder["phone"])
    browser.click("#view-contract")
    flow.check(browser.find("#buyer").text == new_holder["name"], "the contract names the new holder as the buyer")
    browser.shot("portal-holder-change-contract")
    browser.type("phone", new_holder["phone"])
    browser.type("signingCode", sent)
    flow.check_accessible(browser, "the new holder's signing page")
    browser.submit()
    contract = browser.find("#contract-number").text.strip()
    flow.check(contract.startswith("HĐ-PC05TK-"), f"the new holder is shown the signed contract: {contract!r}")
    browser.shot("portal-holder-change-signed")


def branch_sees_it_passed(browser, platform, code, ticket_page, connection_ticket, new_holder):
    """The change's ticket reads closed; the contract's history names the new holder, masked,
    and the change's request as its cause."""
    browser.driver.set_window_size(1280, 900)
    browser.sign_in(platform, ticket_page, "tk-gd-01")

    def closed():
        browser.driver.get(ticket_page)
        return browser.find("#status").text.startswith("Đã đóng")
    flow.eventually("the change's ticket is closed", closed)
    browser.shot("console-holder-change-closed")
    browser.driver.get(f"{platform.url('crm')}/phieu/{connection_ticket}")
    row = browser.find("#contract-history tbody tr:last-child").text
    flow.check(f"Thay đổi chủ thể hợp đồng (chủ mới, CCCD {masked(new_holder['id'])})" in row
               and new_holder["id"] not in row and code in row,
               f"the contract's history names the new holder by the ID masked, by this request: {row!r}")
    browser.shot("console-holder-change-history")
    browser.sign_out(platform)
