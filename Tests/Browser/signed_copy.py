"""The signed copy in a real browser, as the customer who signed takes it home.

Right after signing, the portal's page shows the SHA-256 of what was signed and a button
that downloads the copy: the file Chromium saves hashes to that SHA-256 and names the
customer's address and tariff group. The branch's ticket page in crm shows the same hash and
its link opens the same bytes. Called from portal_flow's scenario, whose helpers it uses.
"""
import hashlib
import re
import shutil
import tempfile
import urllib.request
from pathlib import Path

import papers_flow
import portal_flow as flow


def signed_copy(browser, platform, ticket_id):
    shown = browser.find("#signed-copy-sha256").text.strip()
    flow.check(re.fullmatch(r"[0-9a-f]{64}", shown), f"the signed page shows the copy's SHA-256: {shown!r}")
    folder = Path(tempfile.mkdtemp(prefix="evn-signed-copy-"))
    try:
        browser.driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                                       {"behavior": "allow", "downloadPath": str(folder)})
        saved = papers_flow.download(browser, "#download-signed-copy", folder)
        copy = saved.read_bytes()
        flow.check(saved.name.startswith("hop-dong-") and saved.name.endswith(".html"),
                   f"the copy downloads as a named HTML file: {saved.name}")
        flow.check(hashlib.sha256(copy).hexdigest() == shown, "the file saved hashes to the SHA-256 the page showed")
        text = copy.decode("utf-8")
        flow.check("12 Phan Chu Trinh, tổ 3, Phường Tân Thạnh, Quảng Nam" in text, "the copy names the supply point")
        flow.check("Giá bán lẻ điện sinh hoạt (bậc thang)" in text, "the copy names the tariff group")
        browser.shot("portal-signed-copy")
        browser.driver.get(saved.as_uri())
        flow.check(browser.find("#contract-number").text.startswith("HĐ-PC05TK-"), "the copy opens as a page to print")
        browser.shot("portal-signed-copy-opened")

        cookie = f"staff_token={platform.token('customer_service', 'PC05TK')}"
        page = staff_get(f"{platform.url('crm')}/phieu/{ticket_id}", cookie).decode("utf-8")
        kept = re.search(r'id="signed-copy-sha256">([0-9a-f]{64})<', page)
        flow.check(kept and kept.group(1) == shown, "the branch's ticket page shows the same SHA-256")
        flow.check(staff_get(f"{platform.url('crm')}/phieu/{ticket_id}/hop-dong-da-ky", cookie) == copy,
                   "the ticket page's link opens the very bytes the customer took")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def staff_get(url, cookie):
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()
