import Foundation
import Mail
import TestSupport
import Testing

/// What the rendered message looks like before it goes anywhere: standard
/// headers, RFC 2047 subject within the length limits, UTF-8 bodies, and no way
/// to inject a header.
@Suite struct MailMessageTests {
    private func message(subject: String = Samples.subject, html: String? = nil) throws -> MailMessage {
        try MailMessage(from: Samples.sender(), to: [MailAddress("khach@example.vn", name: Samples.decomposedName)],
                        subject: subject, textBody: Samples.textBody, htmlBody: html,
                        messageID: "pc05hc-2507-000123.1@notification.evncpc.example.vn",
                        date: Date(timeIntervalSince1970: 1_752_537_600),  // 2025-07-15 00:00:00 UTC
                        extraHeaders: [MailHeader(name: "X-EVN-Request-Code", value: "PC05HC-2507-000123")])
    }

    @Test func theVietnameseSubjectIsEncodedWordsWithinTheLimitsAndDecodesBackExactly() throws {
        let rendered = String(decoding: try message().rendered(), as: UTF8.self)
        let head = String(rendered[..<rendered.range(of: "\r\n\r\n")!.lowerBound])
        for line in head.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76, "header line too long: \(line)")
        }
        let words = head.matches(of: /=\?UTF-8\?B\?[A-Za-z0-9+\/=]*\?=/).map { String($0.output) }
        #expect(words.count >= 4)
        for word in words {
            #expect(word.utf8.count <= 75, "encoded-word too long: \(word)")
        }
        let parsed = try MIMEEntity(Array(rendered.utf8))
        #expect(try parsed.value("Subject").hasPrefix("=?UTF-8?B?"))
        #expect(try parsed.decoded("Subject").bytes == Samples.subject.bytes)
        #expect(try parsed.decoded("From") == "Tổng công ty Điện lực miền Trung <cskh@evncpc.example.vn>")
        #expect(try parsed.decoded("To").bytes == "\(Samples.decomposedName) <khach@example.vn>".bytes)
    }

    @Test func standardHeadersArePresentOnce() throws {
        let parsed = try MIMEEntity(try message().rendered())
        #expect(try parsed.value("MIME-Version") == "1.0")
        #expect(try parsed.value("Message-ID") == "<pc05hc-2507-000123.1@notification.evncpc.example.vn>")
        #expect(try parsed.value("Date") == "Tue, 15 Jul 2025 00:00:00 +0000")
        #expect(try parsed.value("X-EVN-Request-Code") == "PC05HC-2507-000123")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        #expect(formatter.date(from: try parsed.value("Date")) == Date(timeIntervalSince1970: 1_752_537_600))
    }

    @Test func aPlainMessageIsBase64UTF8TextAnd7BitOnTheWire() throws {
        let bytes = try message().rendered()
        #expect(bytes.allSatisfy { $0 < 0x80 })
        let parsed = try MIMEEntity(bytes)
        #expect(try parsed.contentType().mediaType == "text/plain")
        #expect(try parsed.contentType().parameters["charset"] == "UTF-8")
        #expect(try parsed.value("Content-Transfer-Encoding") == "base64")
        #expect(parsed.body.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(try parsed.decodedText().bytes == Samples.textBody.withCRLF.bytes)
    }

    @Test func anHTMLAlternativeMakesAMultipartAlternativeMessage() throws {
        let parsed = try MIMEEntity(try message(html: Samples.htmlBody).rendered())
        #expect(try parsed.contentType().mediaType == "multipart/alternative")
        let parts = try parsed.parts()
        #expect(try parts.map { try $0.contentType().mediaType } == ["text/plain", "text/html"])
        #expect(try parts[0].decodedText().bytes == Samples.textBody.withCRLF.bytes)
        #expect(try parts[1].decodedText().bytes == Samples.htmlBody.withCRLF.bytes)
    }

    @Test func aShortASCIISubjectIsWrittenAsItIs() throws {
        let parsed = try MIMEEntity(try message(subject: "Outage notice PC05HC-2507-000123").rendered())
        #expect(try parsed.value("Subject") == "Outage notice PC05HC-2507-000123")
    }

    @Test func aLongASCIISubjectIsFoldedAtSpacesAndUnfoldsToTheSameText() throws {
        let subject = (1...20).map { "word\($0)" }.joined(separator: " ") + "  two-spaces"
        let rendered = String(decoding: try message(subject: subject).rendered(), as: UTF8.self)
        #expect(rendered.contains("\r\n word"))
        #expect(try MIMEEntity(Array(rendered.utf8)).value("Subject") == subject)
    }

    @Test func textThatCannotBeFoldedAtSpacesIsEncodedRatherThanWrittenOnAnOverlongLine() throws {
        let subject = String(repeating: "PC05HC-2507-000123;", count: 60)  // 1140 characters, no space
        let rendered = String(decoding: try message(subject: subject).rendered(), as: UTF8.self)
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(try MIMEEntity(Array(rendered.utf8)).decoded("Subject") == subject)
    }

    @Test func anASCIIDisplayNameWithSpecialsIsAQuotedString() throws {
        let message = try MailMessage(from: MailAddress("cskh@evncpc.example.vn", name: #"EVNCPC "CSKH" (Đà Nẵng)"#),
                                      to: [MailAddress("k@example.vn", name: "Tran, Thi B.")],
                                      subject: "s", textBody: "b", date: Samples.date)
        let parsed = try MIMEEntity(message.rendered())
        #expect(try parsed.value("To") == #""Tran, Thi B." <k@example.vn>"#)
        #expect(try parsed.decoded("From") == #"EVNCPC "CSKH" (Đà Nẵng) <cskh@evncpc.example.vn>"#)
    }

    @Test(arguments: ["Mất điện\r\nBcc: victim@example.com", "Mất điện\nBcc: x@example.com", "Mất điện\r", "a\u{2028}b"])
    func aLineBreakInTheSubjectIsRejected(subject: String) throws {
        #expect(throws: MailMessageError.lineBreakInHeaderValue(field: "Subject")) {
            try message(subject: subject)
        }
    }

    @Test func aLineBreakInADisplayNameOrExtraHeaderIsRejected() {
        #expect(throws: MailMessageError.lineBreakInHeaderValue(field: "display name")) {
            try MailAddress("khach@example.vn", name: "Ánh\r\nBcc: x@example.com")
        }
        #expect(throws: MailMessageError.lineBreakInHeaderValue(field: "X-Note")) {
            try MailHeader(name: "X-Note", value: "ok\nBcc: x@example.com")
        }
        #expect(throws: MailMessageError.controlCharacterInHeaderValue(field: "Subject")) {
            try message(subject: "nul\u{0}byte")
        }
    }

    @Test(arguments: ["khach@example.vn\r\nRCPT TO:<x@example.com>", "khach @example.vn", "<khach@example.vn>",
                      "khach@example.vn,x@example.com", "khách@example.vn", "khach", "@example.vn", "khach@"])
    func anAddressThatCouldBreakTheEnvelopeIsRejected(address: String) {
        #expect(throws: MailMessageError.self) { try MailAddress(address) }
    }

    @Test func headersTheMessageWritesItselfCannotBeAddedAndNamesAreChecked() throws {
        #expect(throws: MailMessageError.reservedHeader("Content-Type")) {
            try MailMessage(from: Samples.sender(), to: [MailAddress("k@example.vn")], subject: "s", textBody: "b",
                            date: Samples.date, extraHeaders: [MailHeader(name: "Content-Type", value: "text/html")])
        }
        #expect(throws: MailMessageError.invalidHeaderName("X Bad")) { try MailHeader(name: "X Bad", value: "v") }
        #expect(throws: MailMessageError.invalidHeaderName("X-Bad:")) { try MailHeader(name: "X-Bad:", value: "v") }
        #expect(throws: MailMessageError.noRecipients) {
            try MailMessage(from: Samples.sender(), to: [], subject: "s", textBody: "b", date: Samples.date)
        }
        #expect(throws: MailMessageError.invalidMessageID("<a@b>")) {
            try MailMessage(from: Samples.sender(), to: [MailAddress("k@example.vn")], subject: "s", textBody: "b",
                            messageID: "<a@b>", date: Samples.date)
        }
    }

    @Test func aNonASCIIExtraHeaderIsEncodedAndTheDefaultMessageIDIsAtTheSenderDomain() throws {
        let message = try MailMessage(
            from: Samples.sender(), to: [MailAddress("k@example.vn")], subject: "s", textBody: "b", date: Samples.date,
            extraHeaders: [MailHeader(name: "X-Don-Vi", value: "Điện lực Hải Châu")])
        let parsed = try MIMEEntity(message.rendered())
        #expect(try parsed.value("X-Don-Vi").hasPrefix("=?UTF-8?B?"))
        #expect(try parsed.decoded("X-Don-Vi") == "Điện lực Hải Châu")
        #expect(message.messageID.hasSuffix("@evncpc.example.vn"))
        #expect(try parsed.value("Message-ID") == "<\(message.messageID)>")
    }

    @Test func aReplyNamesTheMailItAnswersAndTheThreadSoClientsShowItInTheConversation() throws {
        let thread = try MailThread(answering: "cau-hoi-2@khachhang.example.vn",
                                    earlier: ["cau-hoi-1@khachhang.example.vn", "not an id", "tra-loi-1@evncpc.example.vn"])
        let message = try MailMessage(from: Samples.sender(), to: [MailAddress("k@example.vn")], subject: "Re: s",
                                      textBody: "b", date: Samples.date, thread: thread)
        let parsed = try MIMEEntity(message.rendered())
        #expect(try parsed.value("In-Reply-To") == "<cau-hoi-2@khachhang.example.vn>")
        #expect(try parsed.value("References").split(separator: " ") == [
            "<cau-hoi-1@khachhang.example.vn>", "<tra-loi-1@evncpc.example.vn>", "<cau-hoi-2@khachhang.example.vn>",
        ])
        #expect(throws: MailMessageError.invalidMessageID("no-at-sign")) { try MailThread(answering: "no-at-sign") }
        #expect(throws: MailMessageError.reservedHeader("References")) {
            try MailMessage(from: Samples.sender(), to: [MailAddress("k@example.vn")], subject: "s", textBody: "b",
                            date: Samples.date, extraHeaders: [MailHeader(name: "References", value: "<a@b>")])
        }
    }

    @Test func aLongThreadKeepsItsFirstAndLatestReferences() throws {
        let earlier = (1...30).map { "thu-\($0)@khachhang.example.vn" }
        let thread = try MailThread(answering: "thu-31@khachhang.example.vn", earlier: earlier)
        #expect(thread.references.count == MailThread.longestReferences)
        #expect(thread.references.first == "thu-1@khachhang.example.vn")
        #expect(thread.references.last == "thu-31@khachhang.example.vn")
        #expect(thread.references.dropFirst().first == "thu-23@khachhang.example.vn")
    }
}
