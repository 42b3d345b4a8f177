import Foundation
import Mail
import TestSupport
import Testing

/// Reading the real customer-care mailbox (Dovecot, `scripts/mailbox.sh start`) after
/// delivering into it over LMTP: a new mail is listed until it is marked handled, is
/// fetched whole, and a stale UIDVALIDITY or a wrong password is refused.
@Suite struct IMAPMailboxTests {
    let fixture = CustomerCareMailbox.current

    private var mailbox: IMAPMailbox {
        IMAPMailbox(settings: IMAPSettings(url: fixture.imapURL, username: fixture.username, password: fixture.password,
                                           connectTimeout: .seconds(5), timeout: .seconds(20)))
    }

    /// Delivers a mail with a fresh Message-ID and returns it with the UID the mailbox gave it.
    private func deliverMail(subject: String) throws -> (messageID: String, uid: UInt32) {
        let messageID = "\(UUID().uuidString.lowercased())@example.vn"
        try fixture.deliver("""
            From: Khach <khach@example.vn>
            To: cskh@evn.local
            Subject: \(subject)
            Message-ID: <\(messageID)>

            Ma khach hang PC05TK0012345
            """)
        let validity = try mailbox.uidValidity()
        for uid in try mailbox.unhandledUIDs().reversed() {
            let mail = InboundMail(try mailbox.fetch(uid: uid, uidValidity: validity))
            if mail.messageID == messageID { return (messageID, uid) }
        }
        throw FixtureError("the delivered mail \(messageID) is not among the unhandled ones")
    }

    @Test func aDeliveredMailIsListedFetchedWholeAndGoneFromTheListOnceHandled() throws {
        let (messageID, uid) = try deliverMail(subject: "=?UTF-8?Q?M=E1=BA=A5t_=C4=91i=E1=BB=87n?=")
        let mail = InboundMail(try mailbox.fetch(uid: uid, uidValidity: try mailbox.uidValidity()))
        #expect(mail.messageID == messageID)
        #expect(mail.subject == "Mất điện")
        #expect(mail.text.hasPrefix("Ma khach hang PC05TK0012345"))
        #expect(mail.returnPath == "khach@example.vn")
        #expect(try !mailbox.isHandled(uid: uid))

        try mailbox.markHandled(uid: uid)
        #expect(try !mailbox.unhandledUIDs().contains(uid))
        #expect(try mailbox.isHandled(uid: uid))
    }

    @Test func aFetchUnderAnotherUIDValidityIsRefused() throws {
        let (_, uid) = try deliverMail(subject: "validity")
        let stale = try mailbox.uidValidity() &+ 1
        #expect(throws: IMAPError.self) { try mailbox.fetch(uid: uid, uidValidity: stale) }
        try mailbox.markHandled(uid: uid)
    }

    @Test func aWrongPasswordIsRefused() throws {
        let intruder = IMAPMailbox(settings: IMAPSettings(url: fixture.imapURL, username: fixture.username,
                                                           password: "wrong", timeout: .seconds(20)))
        let error = try #require(throws: IMAPError.self) { try intruder.unhandledUIDs() }
        #expect(error.curlCode == 67)  // CURLE_LOGIN_DENIED
    }

    @Test func theMailboxIsReadOverIMAPSWithItsCA() throws {
        let secure = IMAPMailbox(settings: IMAPSettings(url: fixture.imapsURL, username: fixture.username,
                                                         password: fixture.password, caFile: fixture.caFile))
        #expect(secure.settings.usesTLS)
        #expect(try secure.uidValidity() == mailbox.uidValidity())
    }

    @Test func aURLWithoutMailboxReadsTheInbox() throws {
        let (_, uid) = try deliverMail(subject: "inbox")
        let server = String(fixture.imapURL.dropLast("/INBOX".count))
        let inbox = IMAPMailbox(settings: IMAPSettings(url: server + "/", username: fixture.username,
                                                        password: fixture.password, timeout: .seconds(20)))
        #expect(try inbox.unhandledUIDs().contains(uid))
        try inbox.markHandled(uid: uid)
        #expect(try mailbox.isHandled(uid: uid))
    }

    @Test func onlyPlainIMAPToThisMachineCountsAsLoopback() {
        func loopback(_ url: String) -> Bool { IMAPSettings(url: url, username: "u", password: "p").isPlainTextOnLoopback }
        #expect(loopback("imap://127.0.0.1:1143/INBOX"))
        #expect(loopback("imap://localhost/INBOX"))
        #expect(loopback("imap://[::1]:1143/INBOX"))
        #expect(!loopback("imap://mail.example.vn/INBOX"))
        #expect(!loopback("imap://127.0.0.1.example.vn/INBOX"))
        #expect(!loopback("imaps://127.0.0.1/INBOX"))
    }
}
