"""Papers in a real browser, as the people who send and read them do.

A customer files a request on the portal, follows the receipt to the page for the papers,
attaches a photo of their ID card (a real PNG) and sees it received; a text file renamed .jpg
is refused beside the file input. A households officer opens a dossier from the unit's list,
attaches its household book from the page, sees it listed with who added it and downloads the
same bytes through the list's link; a file that is no paper is refused beside the input, the
kind kept. The branch officer then finds the customer's photo on the ticket's page in crm, and
its link downloads it from intake. Called from portal_flow's scenario, whose helpers it uses.
"""
import random
import shutil
import struct
import tempfile
import uuid
import zlib
from pathlib import Path

from selenium.webdriver.support.ui import Select

import portal_flow as flow

NOT_A_PAPER = "Chỉ nhận ảnh JPEG, PNG hoặc tệp PDF"


def png(width=8, height=8):
    """A real PNG image, `width` by `height` pixels of EVN orange."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\xf3\x70\x21" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def downloaded(folder, before):
    """The one file that finished downloading into `folder` since `before` (the names there then).
    Chromium holds the final name with an empty file while it writes the `.crdownload` beside it."""
    names = [path for path in folder.iterdir() if path.name not in before]
    if any(path.name.endswith(".crdownload") for path in names):
        return None
    return names[0] if len(names) == 1 and names[0].stat().st_size > 0 else None


def download(browser, selector, folder):
    """Clicks the link `selector` and answers the file it saved: the link's own download."""
    before = {path.name for path in folder.iterdir()}
    browser.find(selector).click()
    return flow.eventually(f"{selector} downloads a file", lambda: downloaded(folder, before))


def papers(browser, platform):
    folder = Path(tempfile.mkdtemp(prefix="evn-papers-"))
    try:
        photo = folder / "cccd-mat-truoc.png"
        photo.write_bytes(png())
        fake = folder / "so-ho-khau.jpg"
        fake.write_text("Đây không phải là ảnh, chỉ là chữ.\n", encoding="utf-8")
        downloads = folder / "downloads"
        downloads.mkdir()
        browser.driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                                       {"behavior": "allow", "downloadPath": str(downloads)})
        code = customer_attaches(browser, platform, photo, fake)
        officer_attaches(browser, platform, photo, fake, downloads)
        branch_reads(browser, platform, code, photo, downloads)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def customer_attaches(browser, platform, photo, fake):
    """The customer files, follows the receipt to the papers' page and sends a photo of the ID card."""
    browser.driver.delete_all_cookies()
    browser.driver.set_window_size(412, 915)
    customer = {"name": "Võ Thị Hạnh", "id": flow.citizen_id(), "phone": flow.mobile(),
                "email": f"giay.{uuid.uuid4().hex[:8]}@khachhang.example.vn"}
    flow.file_new_connection(browser, platform, customer, phone_first=customer["phone"])
    browser.submit()
    code = browser.find("#request-code").text.strip()
    browser.click("#go-attach")
    page = f"{platform.url('intake')}/yeu-cau/{code}/dinh-kem"
    flow.check(browser.driver.current_url == page, f"the receipt leads to the request's papers: {browser.driver.current_url}")
    flow.check(browser.find("#request-code").text == code, "the papers' page names the request")
    browser.type("phone", customer["phone"])
    Select(browser.find("#kind")).select_by_value("id-card")
    browser.find("#file").send_keys(str(photo))
    browser.submit()
    kept = browser.find("#kept").text
    flow.check("Căn cước công dân / CMND — PNG, 1 KB" in kept, f"the photo is received, by kind and type: {kept!r}")
    flow.check(not browser.finds(".field-error"), "no field is marked wrong")
    browser.shot("portal-papers-received")

    browser.type("phone", customer["phone"])
    Select(browser.find("#kind")).select_by_value("household-book")
    browser.find("#file").send_keys(str(fake))
    browser.submit()
    error = browser.find("#file-error").text
    flow.check(error == NOT_A_PAPER, f"a text file named .jpg is refused beside the input: {error!r}")
    flow.check(browser.find("#file").get_attribute("aria-invalid") == "true", "the file input is marked invalid")
    flow.check(not browser.finds("#kept"), "nothing is said received")
    flow.check(not browser.finds("#kind-error"), "only the file is marked wrong")
    browser.shot("portal-papers-refused")
    return code


def officer_attaches(browser, platform, photo, fake, downloads):
    """The unit's households officer opens a dossier from the list and keeps its household book."""
    households = platform.url("households")
    customer_code = f"PC05TK0{random.randint(100000, 999999)}"
    token = platform.token("households_officer", "PC05TK", staff="tk-qlhp-01")
    status, dossier = flow.http("POST", f"{households}/api/v1/dossiers", token=token, body={
        "customerCode": customer_code, "holder": {"fullName": "Đặng Văn Lộc", "idNumber": flow.citizen_id()},
        "subHouseholds": [{"fullName": "Ngô Thị Mai", "idNumber": flow.citizen_id(), "persons": 2,
                           "permanentAddress": "Thôn 5, xã Tam Thăng, Quảng Nam",
                           "residenceConfirmation": {"issuer": "Công an xã Tam Thăng", "number": "XN-0077",
                                                     "issuedOn": "2026-05-04", "validUntil": "2030-05-04"}}]})
    flow.check(status == 201, f"a dossier of the unit is open ({status})")
    dossier_id = dossier["dossierId"]
    browser.driver.delete_all_cookies()
    browser.driver.set_window_size(1280, 900)
    browser.sign_in(platform, f"{households}/ho-dung-chung?q={customer_code}", "tk-qlhp-01")
    browser.click(f'#dossier-{dossier_id} a')
    flow.check(browser.finds("#no-papers"), "a new dossier has no papers yet")
    Select(browser.find("#kind")).select_by_value("household-book")
    browser.find("#file").send_keys(str(photo))
    browser.click("#attach-submit")
    kept = browser.find("#paper-kept").text
    flow.check("Sổ hộ khẩu — PNG, 1 KB" in kept, f"the page says the household book is kept: {kept!r}")
    row = browser.find("#papers tbody tr").text
    flow.check("Sổ hộ khẩu" in row and "tk-qlhp-01" in row, f"the list shows the paper and who added it: {row!r}")
    flow.check(not browser.finds(".field-error"), "no field is marked wrong")
    browser.shot("households-paper-kept")
    saved = download(browser, "#papers a[id^=download-]", downloads)
    flow.check(saved.read_bytes() == photo.read_bytes() and saved.name.startswith(dossier_id) and saved.suffix == ".png",
               f"the list's link downloads the same image: {saved.name}")

    Select(browser.find("#kind")).select_by_value("residence-confirmation")
    browser.find("#file").send_keys(str(fake))
    browser.click("#attach-submit")
    error = browser.find("#file-error").text
    flow.check(error == NOT_A_PAPER, f"a text file named .jpg is refused beside the input: {error!r}")
    flow.check(Select(browser.find("#kind")).first_selected_option.get_attribute("value") == "residence-confirmation",
               "the form comes back with the kind chosen")
    flow.check(len(browser.finds("#papers tbody tr")) == 1, "the refused file is not listed")
    browser.shot("households-paper-refused")
    browser.sign_out(platform)


def branch_reads(browser, platform, code, photo, downloads):
    """The branch's officer finds the customer's photo on the ticket's page and downloads it from intake."""
    page = flow.ticket_page(platform, code)
    browser.sign_in(platform, page, "tk-cs-01")

    def listed():
        browser.driver.get(page)
        return browser.finds("#attachments li a")
    link = flow.eventually("the customer's photo is on the ticket's page", listed)[0]
    flow.check("Căn cước công dân" in browser.find("#attachments").text, "the ticket lists the photo by kind")
    href = link.get_attribute("href")
    flow.check(href.startswith(f"{platform.url('intake')}/nhan-vien/tep-dinh-kem/"), f"the link leads to intake: {href}")
    browser.shot("console-ticket-papers")
    saved = download(browser, "#attachments li a", downloads)
    flow.check(saved.read_bytes() == photo.read_bytes() and saved.suffix == ".png",
               f"the ticket's link downloads the customer's image: {saved.name}")
    browser.sign_out(platform)
