"""A branch officer's own tickets, in a real browser: the ones past or at their deadline are
called out at the top of the officer's list, the others are not.

A request received a week ago (put on the broker as intake would have, deadline_digest's helper)
is late today; one filed on the portal today is not. The branch head assigns both to the officer
on their ticket pages. The officer, signing in to "my tickets", reads an alert naming the late
ticket and not today's; the branch's full list carries no such alert. Called from portal_flow's
scenario, whose helpers it uses.
"""
import deadline_digest
import portal_flow as flow

OFFICER = "tk-cs-01"
HEAD = "tk-gd-01"


def officer_alerted(browser, platform):
    late = deadline_digest.file_late_ticket(platform)
    fresh = filed_today(platform)
    browser.driver.delete_all_cookies()
    browser.driver.set_window_size(1280, 900)
    for code in (late, fresh):
        head_assigns(browser, platform, flow.ticket_page(platform, code))
    mine = f"{platform.url('crm')}/phieu?cua-toi=1"
    browser.sign_in(platform, mine, OFFICER)
    alert = browser.find("#deadline-alert").text
    flow.check(alert.startswith("Phiếu được giao cho bạn đến hạn hôm nay hoặc đã quá hạn:") and late in alert,
               f"the officer's list alerts them to the late ticket: {alert!r}")
    flow.check(fresh not in alert, f"today's ticket, not yet due, is not in the alert: {alert!r}")
    flow.check(browser.finds(f'#tickets tr[data-code="{late}"]') and browser.finds(f'#tickets tr[data-code="{fresh}"]'),
               "both tickets are listed as the officer's")
    flow.check_accessible(browser, "the officer's own tickets")
    browser.shot("console-my-tickets-alert")
    browser.click("#all-tickets")
    flow.check(not browser.finds_now("#deadline-alert"), "the branch's full list carries no personal alert")
    browser.sign_out(platform)


def filed_today(platform):
    """A new connection filed on the portal's API today. Answers its code."""
    status, filed = flow.http("POST", f"{platform.url('intake')}/api/v1/requests", body={
        "kind": "new_lv_connection", "channel": "web",
        "applicant": {"fullName": "Trương Văn Khải", "idNumber": flow.citizen_id(), "phone": flow.mobile()},
        "site": {"province": "Quảng Nam", "communeCode": "20350", "street": "40 Hùng Vương"},
        "purpose": "residential", "householdCount": 1, "extraHouseholds": [], "consent": True})
    flow.check(status == 201, f"today's request is filed ({status} {filed})")
    return filed["requestCode"]


def head_assigns(browser, platform, page):
    """The branch head assigns the ticket at `page` to the officer on its page."""
    browser.sign_in(platform, page, HEAD)
    browser.type("officer-id", OFFICER)
    browser.click("#assign")
    flow.check(browser.find("#officer").text.startswith(OFFICER), f"the ticket names {OFFICER} as its officer")
    browser.sign_out(platform)
