import Mail
import Testing

/// The rules that keep the customer-care mailbox from answering machines (RFC 3834):
/// auto-replies, mailing lists, bounces, mail without a sender, mail from itself.
@Suite struct ReplySuppressionTests {
    private func reason(_ headers: String, own: Set<String> = []) -> ReplySuppression? {
        let mail = InboundMail(Array((headers.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n\r\nx").utf8))
        return ReplySuppression.reason(for: mail, ownAddresses: own)
    }

    @Test func aCustomersMailIsAnswered() {
        #expect(reason("From: an@example.vn\nReturn-Path: <an@example.vn>\nAuto-Submitted: no") == nil)
    }

    @Test func autoRepliesAreNotAnswered() {
        #expect(reason("From: an@example.vn\nAuto-Submitted: auto-replied") == .autoSubmitted)
        #expect(reason("From: an@example.vn\nAuto-Submitted: Auto-Generated; owner-email=x@y") == .autoSubmitted)
    }

    @Test(arguments: ["bulk", "junk", "list", "Bulk"])
    func bulkMailIsNotAnswered(precedence: String) {
        #expect(reason("From: an@example.vn\nPrecedence: \(precedence)") == .bulk)
    }

    @Test func bouncesAreNotAnswered() {
        #expect(reason("From: an@example.vn\nReturn-Path: <>") == .bounce)
        #expect(reason("From: MAILER-DAEMON@mx.example.vn") == .bounce)
        #expect(reason("From: an@example.vn\nContent-Type: multipart/report; report-type=delivery-status; boundary=b")
            == .bounce)
    }

    @Test func aMailWithoutUsableSenderIsNotAnswered() {
        #expect(reason("Subject: hello") == .noSender)
        #expect(reason("From: undisclosed-recipients:;") == .noSender)
    }

    @Test func theCompanysOwnAddressIsNotAnswered() {
        #expect(reason("From: CSKH@evn.local", own: ["cskh@evn.local"]) == .ownAddress)
    }
}
