"""A meter verification in a real browser, as the technician who makes it and the customer who
asked for it see it.

The customer asked for their meter to be verified on the portal (portal_flow's scenario);
metering put the visit on the technician's day list. The technician, on a phone, opens
it from the list: it says a verification and names the customer's meter. An accuracy class that
does not exist is refused beside its field; the measured error written with a decimal comma, as
Vietnamese write it, is taken, and the page reads the verdict (within its class) and the fee.
The customer's tracking page then says the meter was checked and within its class, and the SMS
gives the error and the fee. Called from portal_flow's scenario, whose helpers it uses.
"""
import re

import leaving_households
import portal_flow as flow

TECHNICIAN = "tk-kt-01"


def technician_verifies(browser, platform, code, customer):
    """`code` is the verification `customer` (name, id, phone) asked for on the portal."""
    technician_records(browser, platform, code)
    customer_reads(browser, platform, code, customer)


def technician_records(browser, platform, code):
    """The technician opens the visit from the day's list, has a wrong class refused and records
    the result; the page reads the verdict, the error and class as Vietnamese write them, and the fee."""
    field = platform.token("field_technician", "PC05TK")
    visit = flow.eventually("metering opened the visit, knowing the customer's meter", lambda: next(
        (v for v in flow.http("GET", f"{platform.url('metering')}/api/v1/meter-visits?requestCode={code}",
                              token=field)[1].get("meterVisits", []) if v.get("meterSerial")), None))
    browser.driver.delete_all_cookies()
    browser.driver.set_window_size(390, 844)
    day_list = f"{platform.url('metering')}/lenh-cong-tac"
    browser.sign_in(platform, day_list, TECHNICIAN)
    listed = f'#visits a[data-visit="{visit["visitId"]}"]'
    entry = browser.find(listed).text
    flow.check("Kiểm định công tơ" in entry and code in entry, f"the day's list shows the verification: {entry!r}")
    browser.shot("technician-visits")
    browser.click(listed)
    flow.check(browser.find("#purpose").text == "Kiểm định công tơ", "the visit says it is a verification")
    flow.check(browser.find("#status").text == "Chờ kiểm tra", "the visit is still to make")
    serial = browser.find("#meter").text.strip()
    flow.check(serial == visit["meterSerial"], f"the visit names the customer's meter: {serial!r}")

    for name, value in [("meterSerial", serial), ("readingKWh", "1520"), ("measuredErrorPercent", "0,4"),
                        ("accuracyClass", "3"), ("findings", "Niêm phong còn nguyên")]:
        browser.type(name, value)
    browser.click("#record-visit")
    error = browser.find("#accuracyClass-error").text
    flow.check(error == "Cấp chính xác phải là 0.5, 1 hoặc 2", f"a class that does not exist is refused beside it: {error!r}")
    flow.check(browser.find("#measuredErrorPercent").get_attribute("value") == "0,4", "what was typed is kept")
    flow.check_accessible(browser, "the meter visit with an error")
    browser.shot("technician-visit-refused")
    browser.type("accuracyClass", "2")
    browser.click("#record-visit")
    flow.check(browser.find("#status").text == "Đã ghi nhận kết quả", "the visit reads recorded")
    result = browser.find("#result").text
    flow.check(browser.find("#verdict").text == "Đạt: trong cấp chính xác", f"the page reads the verdict: {result!r}")
    flow.check(all(part in result for part in ["1520 kWh", "sai số +0,4 % (cấp 2)", "phí 135.000 đ", "Niêm phong còn nguyên"]),
               f"the result gives the reading, the error and class as typed, the fee and the findings: {result!r}")
    flow.check(not browser.finds_now("#visit-form"), "the result is recorded once")
    browser.shot("technician-visit-recorded")
    browser.driver.get(day_list)
    flow.check(not browser.finds_now(listed), "the visit leaves the day's list")
    browser.sign_out(platform)


def customer_reads(browser, platform, code, customer):
    """The tracking page says the meter was checked within its class; the SMS gives error and fee."""
    browser.driver.delete_all_cookies()
    browser.driver.set_window_size(412, 915)
    tracking = f"{platform.url('intake')}/tra-cuu?code={code}"

    def checked():
        browser.driver.get(tracking)
        browser.type("phone", customer["phone"])
        browser.submit()
        return "Đã kiểm tra công tơ: đạt cấp chính xác" in browser.find("#timeline").text
    flow.eventually("the tracking page says the meter was checked within its class", checked)
    flow.check(browser.find("#request-code").text == code, "the tracking page is the verification's")
    browser.shot("portal-verification-tracked")
    told = flow.eventually("the customer is texted the result", lambda: [
        text for text in platform.sms_to(customer["phone"])
        if code in text and "dat cap chinh xac" in leaving_households.plain(text)])
    flow.check(re.search(r"\+0,4\s?%", told[0]) and "phi kiem dinh 135.000 dong" in leaving_households.plain(told[0]),
               f"the SMS gives the error and the fee: {told[0]!r}")
