"""The branch's meter stock keeper, on a phone, receives verified meters on metering's meter
stock page: a serial misread with a space and a slash is refused beside its field in Vietnamese,
what was typed kept; a three-phase meter verified a month ago and one whose verification ran out
yesterday are received and listed, each with its verification's last day and whether it still
covers today, and the count of meters in stock with a valid verification goes up by one.
Called from portal_flow's scenario, whose helpers it uses.
"""
import random
import time

from selenium.webdriver.support.ui import Select

import portal_flow as flow

# A stock keeper (customer service and meter stock) of PC05TK; tk-kho-01 is locked out by the
# scenario's sign-in step.
KEEPER = "tk-cs-02"
SERIAL_FORMAT = "Số chế tạo công tơ phải gồm 4 đến 32 chữ cái, chữ số hoặc dấu gạch nối"


def day(offset):
    """The day `offset` days from today in Vietnam (UTC+7), as a date input posts it."""
    return time.strftime("%Y-%m-%d", time.gmtime(time.time() + 7 * 3600 + offset * 86400))


def shown(iso_day):
    """A day as the pages show it: 05/12/2026."""
    year, month, day_of_month = iso_day.split("-")
    return f"{day_of_month}/{month}/{year}"


def receive(browser, serial, verified_on, valid_until, phase="1"):
    browser.type("serial", serial)
    browser.pick("verifiedOn", verified_on)
    browser.pick("verificationValidUntil", valid_until)
    Select(browser.find("#phase")).select_by_value(phase)
    browser.click("#receive")


def stock_keeper_receives(browser, platform):
    browser.driver.delete_all_cookies()
    browser.driver.set_window_size(390, 844)
    page = f"{platform.url('metering')}/kho-cong-to"
    browser.sign_in(platform, page, KEEPER)
    in_stock = int(browser.find("#in-stock-count strong").text)

    receive(browser, "VN3P 12/345", day(-30), day(5 * 365), phase="3")
    error = browser.find("#serial-error").text
    flow.check(error == SERIAL_FORMAT, f"the misread serial is refused beside its field, in Vietnamese: {error!r}")
    flow.check(browser.find("#serial").get_attribute("aria-invalid") == "true", "the serial is marked invalid")
    flow.check(browser.find("#serial").get_attribute("value") == "VN3P 12/345", "what was typed is kept")
    flow.check(browser.find("#verifiedOn").get_attribute("value") == day(-30), "the verification day is kept")
    flow.check(not browser.finds_now("#received"), "no meter is said to be received")
    flow.check_accessible(browser, "the meter stock page with an error")
    browser.shot("meter-stock-refused")

    valid, lapsed = (f"VN3P{random.randint(10_000_000, 99_999_999)}", f"VN1P{random.randint(10_000_000, 99_999_999)}")
    receive(browser, valid, day(-30), day(5 * 365), phase="3")
    flow.check(valid in browser.find("#received").text, f"the page says {valid} was received")
    receive(browser, lapsed, day(-2 * 365), day(-1))
    flow.check(lapsed in browser.find("#received").text, f"the page says {lapsed} was received")
    row = browser.find(f"#meter-{valid}").text
    flow.check("Trong kho" in row and f"{shown(day(5 * 365))} · Còn hiệu lực" in row,
               f"the three-phase meter is listed in stock, valid until its last day: {row!r}")
    row = browser.find(f"#meter-{lapsed}").text
    flow.check("Trong kho" in row and f"{shown(day(-1))} · Hết hiệu lực kiểm định" in row,
               f"the lapsed meter is listed with its verification ended: {row!r}")
    count = int(browser.find("#in-stock-count strong").text)
    flow.check(count == in_stock + 1, f"only the valid meter adds to the count in stock ({in_stock} → {count})")
    browser.shot("meter-stock-received")
    browser.sign_out(platform)
    browser.driver.set_window_size(412, 915)
