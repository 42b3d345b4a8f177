"""The e-mail channel on the branch console: a customer's mail, delivered into the customer-care
mailbox (Dovecot, scripts/mailbox.sh) over LMTP the way the company's mail server hands it in,
becomes a ticket at the branch of the customer code it names; the branch officer opens it from
the list, is told beside the field that an empty answer cannot go, writes the answer and sends
it: the ticket shows it, and the customer gets it by e-mail in the thread of their mail, read
from the SMTP sink (scripts/sink.sh). Run from portal_flow.py's scenario.
"""
import email
import email.message
import email.policy
import os
import re
import smtplib
import uuid
from pathlib import Path

import portal_flow as flow

# The customer-care mailbox's development account (scripts/mailbox.sh).
MAILBOX_ACCOUNT = "cskh@evn.local"
MAILBOX_PASSWORD = "evn-dev-mailbox"
MAILBOX_IMAP_PORT = int(os.environ.get("MAILBOX_IMAP_PORT", "1143"))
MAILBOX_LMTP_PORT = int(os.environ.get("MAILBOX_LMTP_PORT", "2424"))
SENT_MAIL = Path(os.environ.get("SMTP_MAIL_DIR", Path(__file__).resolve().parents[2] / "var" / "smtp" / "mail"))


def mailbox_settings(folder):
    """Intake's settings to read the mailbox's `folder` (the run's own, so no other run's mail is read)."""
    return {"MAILBOX_URL": f"imap://127.0.0.1:{MAILBOX_IMAP_PORT}/{folder}", "MAILBOX_USERNAME": MAILBOX_ACCOUNT,
            "MAILBOX_PASSWORD": MAILBOX_PASSWORD, "MAILBOX_POLL_INTERVAL": "0.5"}


def deliver(folder, sender, subject, text):
    """Hands the customer's mail to the mailbox over LMTP, into `folder`; returns its Message-ID."""
    message_id = f"{uuid.uuid4().hex}@khachhang.example.vn"
    mail = email.message.EmailMessage()
    mail["From"] = f"Nguyễn Văn Bình <{sender}>"
    mail["To"] = MAILBOX_ACCOUNT
    mail["Subject"] = subject
    mail["Message-ID"] = f"<{message_id}>"
    mail.set_content(text)
    with smtplib.LMTP("127.0.0.1", MAILBOX_LMTP_PORT) as lmtp:
        lmtp.send_message(mail, from_addr=sender, to_addrs=[MAILBOX_ACCOUNT.replace("@", f"+{folder}@")])
    return message_id


def mails_to(address):
    """The mails the SMTP sink took for `address`, parsed."""
    found = []
    for path in sorted(SENT_MAIL.glob("*.eml")) if SENT_MAIL.exists() else []:
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if address in str(message["To"] or ""):
            found.append(message)
    return found


def body(message):
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if part else ""


def answer_emailed_inquiry(browser, platform):
    customer = f"binh.{uuid.uuid4().hex[:8]}@khachhang.example.vn"
    subject = "Hoi ve hoa don thang 11"
    first = deliver(platform.mail_folder, customer, subject,
                    "Mã khách hàng PC05TK0012345. Hoá đơn tháng 11 tăng gấp đôi, nhờ điện lực giải thích giúp.")

    # The customer's automatic answer names the request's code, which the officer's list shows.
    def acknowledged():
        for message in mails_to(customer):
            found = re.search(r"PC05TK-\d{6}-\d{6}", body(message))
            if found:
                return found.group(0)
        return None
    code = flow.eventually("the customer's mail was answered with its request code", acknowledged, timeout=60)

    browser.driver.set_window_size(1280, 900)
    if browser.finds("#sign-out"):
        browser.sign_out(platform)
    tickets = f"{platform.url('crm')}/phieu"
    browser.sign_in(platform, tickets, "tk-cs-01")

    def listed():
        browser.driver.get(tickets)
        return browser.finds(f'#tickets tr[data-code="{code}"] a')
    flow.eventually("the officer's list shows the e-mailed inquiry", listed)
    browser.shot("email-inquiry-listed")
    browser.click(f'#tickets tr[data-code="{code}"] a')
    flow.check(browser.find("#subject").text == subject, "the ticket shows the mail's subject")
    flow.check(customer in browser.find("#channel").text, "the ticket names the customer's address")
    flow.check("tăng gấp đôi" in browser.find("#conversation").text, "the ticket shows what the customer wrote")

    # An empty answer is refused beside the field, in the page's language.
    browser.click("#send-answer")
    error = browser.find("#answer-text-error").text
    flow.check("bắt buộc" in error, f"the empty answer's error is beside the field, in Vietnamese: {error!r}")
    flow.check(browser.find("#answer-text").get_attribute("aria-invalid") == "true", "the answer is marked invalid")
    flow.check(browser.find("#error-summary a").get_attribute("href").endswith("#answer-text"),
               "the error summary links to the answer's field")
    browser.shot("email-answer-empty")

    answer = "Chào anh Bình, kỳ hoá đơn tháng 11 dài 33 ngày vì lịch ghi chỉ số lùi lại; chi tiết trong bảng kê."
    browser.type("answer-text", answer)
    browser.click("#send-answer")
    flow.check(not browser.finds("#answer-text-error"), "the answer is taken")
    officer_said = browser.finds("#conversation li.officer")
    flow.check(officer_said and answer in officer_said[-1].text, "the ticket's conversation shows the answer")
    timeline = browser.find("#timeline").text
    flow.check("Nhân viên tk-cs-01 đã trả lời khách hàng qua thư điện tử" in timeline,
          f"the ticket's timeline shows the answer: {timeline!r}")
    browser.shot("email-answer-sent")

    sent = flow.eventually("the officer's answer reached the customer",
                      lambda: next((m for m in mails_to(customer) if answer in body(m)), None), timeout=30)
    flow.check(str(sent["In-Reply-To"]).strip() == f"<{first}>",
               f"the answer is in the thread of the customer's mail: {sent['In-Reply-To']}")
    flow.check(str(sent["Subject"]) == f"Re: {subject}", f"the answer's subject: {sent['Subject']}")
    browser.sign_out(platform)
