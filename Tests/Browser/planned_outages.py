"""A branch dispatcher's planned outage in a real browser, from the customers' supply points to
the notice they receive.

The dispatcher pastes a branch update of the billing system's supply points on the import page:
the two good rows of Xã Tam Thăng are loaded and each bad row is listed refused with its line,
column and reason in Vietnamese. Then the dispatcher schedules a planned outage there two days
ahead: without an urgent reason the form refuses it beside that field (customers must be told
five days ahead); with one it is accepted, the page says both customers were told and lists the
outage with its urgent reason. The customers' phones receive the notice and the portal's
schedule for the commune shows it. Called from portal_flow's scenario, whose helpers it uses.
"""
import random
import time

import leaving_households
import meter_stock
import portal_flow as flow

DISPATCHER = "tk-dd-01"
COMMUNE = "20377"
PLACE = "Thôn 2, xã Tam Thăng"
NOTICE_TOO_SHORT = ("Phải thông báo trước ít nhất 5 ngày (Thông tư 22/2020/TT-BCT); "
                    "nếu khẩn cấp, ghi rõ lý do khẩn cấp")


def in_vietnam(days, hour):
    """`days` from today in Vietnam at `hour`:00, as a datetime-local input posts it."""
    return time.strftime("%Y-%m-%dT", time.gmtime(time.time() + 7 * 3600 + days * 86400)) + f"{hour:02d}:00"


def dispatcher_plans(browser, platform):
    browser.driver.delete_all_cookies()
    browser.driver.set_window_size(1280, 900)
    phones = [flow.mobile(), flow.mobile()]
    supply_points_loaded(browser, platform, phones)
    urgent_outage_scheduled(browser, platform)
    customers_told(browser, platform, phones)
    browser.sign_out(platform)


def supply_points_loaded(browser, platform, phones):
    """The good rows are loaded; each bad one is listed with its line, column and reason."""
    page = f"{platform.url('outage')}/diem-cap-dien"
    browser.sign_in(platform, page, DISPATCHER)

    def code():
        return f"PC05TK{random.randint(1_000_000, 9_999_999)}"
    rows = ["customer_code,branch,commune_code,station_code,phone",
            f"{code()},PC05TK,{COMMUNE},TT-02,{phones[0]}",
            f"PC05TK-12#,PC05TK,{COMMUNE},TT-02,",
            f"{code()},PC05TK,20395,TT-02,",
            f"{code()},PC05TK,{COMMUNE},TT-02,{phones[1]}",
            f"{code()},PC05TK,{COMMUNE},TT-02,0123"]
    browser.type("csv", "\n".join(rows))
    browser.click("#load")
    flow.check(browser.find("#imported").text == "2", f"two rows are loaded: {browser.find('#import-result').text!r}")
    flow.check(browser.find("#rejected-count").text == "3", "three rows are refused")
    refused = [item.text for item in browser.finds("#rejected li")]
    flow.check(refused == [
        "Dòng 3, cột customer_code: Mã khách hàng gồm 5 đến 20 chữ cái in hoa hoặc chữ số, ví dụ PC05TK0012345",
        "Dòng 4, cột commune_code: Xã/phường 20395 không thuộc Điện lực PC05TK",
        "Dòng 6, cột phone: Đây không phải số điện thoại di động, vui lòng nhập số di động để nhận tin nhắn SMS",
    ], f"each refused row is listed with its line, column and reason: {refused!r}")
    flow.check_accessible(browser, "the supply-point import")
    browser.shot("dispatch-supply-points")


def schedule(browser, urgent_reason):
    for name, value in [("communeCodes", COMMUNE), ("location", PLACE), ("reason", "Thay máy biến áp trạm Tam Thăng 2"),
                        ("urgentReason", urgent_reason)]:
        browser.type(name, value)
    browser.pick("startsAt", in_vietnam(2, 7))
    browser.pick("endsAt", in_vietnam(2, 11))
    browser.click("#schedule")


def urgent_outage_scheduled(browser, platform):
    """Two days' notice is refused without an urgent reason and accepted with one."""
    page = f"{platform.url('outage')}/cat-dien-ke-hoach"
    browser.driver.get(page)
    schedule(browser, "")
    error = browser.find("#urgentReason-error").text
    flow.check(error == NOTICE_TOO_SHORT, f"a notice under five days is refused beside the urgent reason: {error!r}")
    flow.check(browser.find("#location").get_attribute("value") == PLACE, "what was typed is kept")
    flow.check(not browser.finds_now("#scheduled"), "nothing is scheduled")
    flow.check_accessible(browser, "the planned outage form with an error")
    browser.shot("dispatch-planned-refused")

    schedule(browser, "Máy biến áp quá tải, có nguy cơ cháy")
    scheduled = browser.find("#scheduled").text
    outage = browser.find("#scheduled strong").text
    flow.check("đã gửi thông báo cho 2 khách hàng" in scheduled,
               f"the page says both customers of the commune were told: {scheduled!r}")
    row = browser.find(f"#outage-{outage}").text
    flow.check(PLACE in row and f"({COMMUNE})" in row and "Khẩn cấp: Máy biến áp quá tải, có nguy cơ cháy" in row,
               f"the outage is listed with its place, commune and urgent reason: {row!r}")
    starts = f"{meter_stock.shown(in_vietnam(2, 7)[:10])} 07:00 → {meter_stock.shown(in_vietnam(2, 11)[:10])} 11:00"
    flow.check(starts in row, f"the list gives its start and expected end: {row!r}")
    browser.shot("dispatch-planned-scheduled")


def customers_told(browser, platform, phones):
    """Each customer's phone receives the notice; the portal's schedule for the commune shows it."""
    for phone in phones:
        flow.eventually(f"the notice reached {phone}", lambda phone=phone: [
            text for text in platform.sms_to(phone) if "thon 2, xa tam thang" in leaving_households.plain(text)])
    schedule_page = f"{platform.url('intake')}/lich-cat-dien?communeCode={COMMUNE}"
    listed = flow.eventually("the portal's schedule shows the outage", lambda: [
        item for item in browser.reloaded(schedule_page, "#outages li") if PLACE in item.text])
    flow.check("Thay máy biến áp trạm Tam Thăng 2" in listed[0].text, f"the portal gives the reason: {listed[0].text!r}")
    browser.shot("portal-planned-outage")
    browser.driver.get(f"{platform.url('outage')}/cat-dien-ke-hoach")
