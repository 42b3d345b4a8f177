import CCurl
import Foundation
import Mail
import TestSupport
import Testing

/// Sending to the real SMTP sink (aiosmtpd, `scripts/sink.sh smtp start`) and
/// reading what it stored, as a person checking the mailbox would: the mail
/// arrived once, to the right person, and the Vietnamese reads back exactly.
@Suite struct SMTPMailerTests {
    let sink = SMTPSink.current

    private func message(to recipients: [String], html: String? = nil) throws -> MailMessage {
        try MailMessage(from: Samples.sender(),
                        to: recipients.map { try MailAddress($0, name: Samples.decomposedName) },
                        subject: Samples.subject, textBody: Samples.textBody, htmlBody: html, date: Samples.date,
                        extraHeaders: [MailHeader(name: "X-EVN-Request-Code", value: "PC05HC-2507-000123")])
    }

    /// The client address and port the sink saw the one mail to `recipient` come from.
    private func peer(of recipient: String) throws -> String {
        let mails = try sink.messages(to: recipient)
        try #require(mails.count == 1)
        return try mails[0].value("X-Peer")
    }

    @Test func aVietnameseMailArrivesOnceForTheRecipientAndReadsBackExactly() throws {
        let recipient = SMTPSink.uniqueRecipient("anh")
        let message = try message(to: [recipient])
        try SMTPMailer(settings: sink.settings).send(message)

        let mails = try sink.messages(to: recipient)
        try #require(mails.count == 1)
        let mail = mails[0]
        #expect(try mail.value("X-Envelope-From") == "cskh@evncpc.example.vn")
        #expect(mail.envelopeTo == [recipient])
        #expect(try mail.decoded("Subject").bytes == Samples.subject.bytes)
        #expect(try mail.decoded("From") == "Tổng công ty Điện lực miền Trung <cskh@evncpc.example.vn>")
        #expect(try mail.decoded("To").bytes == "\(Samples.decomposedName) <\(recipient)>".bytes)
        #expect(try mail.value("Message-ID") == "<\(message.messageID)>")
        #expect(try mail.value("X-EVN-Request-Code") == "PC05HC-2507-000123")
        #expect(try mail.value("MIME-Version") == "1.0")
        #expect(!(try mail.value("Date")).isEmpty)
        #expect(try mail.contentType().mediaType == "text/plain")
        #expect(try mail.contentType().parameters["charset"] == "UTF-8")
        #expect(try mail.decodedText().bytes == Samples.textBody.withCRLF.bytes)
    }

    @Test func anHTMLAlternativeArrivesAsMultipartAlternative() throws {
        let recipient = SMTPSink.uniqueRecipient("html")
        try SMTPMailer(settings: sink.settings).send(try message(to: [recipient], html: Samples.htmlBody))

        let mails = try sink.messages(to: recipient)
        try #require(mails.count == 1)
        #expect(try mails[0].contentType().mediaType == "multipart/alternative")
        let parts = try mails[0].parts()
        #expect(try parts.map { try $0.contentType().mediaType } == ["text/plain", "text/html"])
        #expect(try parts.map { try $0.contentType().parameters["charset"] } == ["UTF-8", "UTF-8"])
        #expect(try parts[0].decodedText().bytes == Samples.textBody.withCRLF.bytes)
        #expect(try parts[1].decodedText().bytes == Samples.htmlBody.withCRLF.bytes)
    }

    @Test func twoRecipientsShareOneMessage() throws {
        let first = SMTPSink.uniqueRecipient("first"), second = SMTPSink.uniqueRecipient("second")
        try SMTPMailer(settings: sink.settings).send(try message(to: [first, second]))

        let mails = try sink.messages(to: first)
        try #require(mails.count == 1)
        #expect(mails[0].envelopeTo == [first, second])
        #expect(try sink.messages(to: second).count == 1)
    }

    @Test func mailsOneAfterAnotherGoOverOneConnection() throws {
        let mailer = SMTPMailer(settings: sink.settings)
        let recipients = (1...3).map { SMTPSink.uniqueRecipient("reuse\($0)") }
        for recipient in recipients { try mailer.send(try message(to: [recipient])) }
        let elsewhere = SMTPSink.uniqueRecipient("elsewhere")
        try SMTPMailer(settings: sink.settings).send(try message(to: [elsewhere]))

        // The sink records the client's address and port of the connection each mail came on.
        let peers = try recipients.map { try peer(of: $0) }
        #expect(Set(peers).count == 1)
        #expect(try peer(of: elsewhere) != peers[0])
    }

    @Test func aConnectionIsRenewedAfterItsShareOfMails() throws {
        let mailer = SMTPMailer(settings: sink.settings, messagesPerConnection: 2)
        let recipients = (1...5).map { SMTPSink.uniqueRecipient("share\($0)") }
        for recipient in recipients { try mailer.send(try message(to: [recipient])) }

        let peers = try recipients.map { try peer(of: $0) }
        #expect(peers[0] == peers[1] && peers[2] == peers[3])
        #expect(Set(peers).count == 3)
    }

    /// A relay that closed the kept connection after a mail, or answers the next mail on it 421:
    /// each mail still goes, on a connection of its own.
    @Test(arguments: [ScriptedSMTPRelay.Drop.closeAfterEachMail, .refuseSecondMail])
    func aConnectionTheRelayDroppedIsReplacedForTheNextMail(_ drop: ScriptedSMTPRelay.Drop) throws {
        let relay = try ScriptedSMTPRelay(dropping: drop)
        var settings = sink.settings
        settings.url = relay.url
        let mailer = SMTPMailer(settings: settings)
        for index in 1...3 { try mailer.send(try message(to: [SMTPSink.uniqueRecipient("dropped\(index)")])) }
        #expect(relay.mailsPerConnection == [1, 1, 1])
    }

    @Test func aRefusedMailLeavesTheMailerSendingTheNext() throws {
        let mailer = SMTPMailer(settings: sink.settings)
        let before = SMTPSink.uniqueRecipient("before"), after = SMTPSink.uniqueRecipient("after")
        try mailer.send(try message(to: [before]))
        #expect(throws: SMTPError.self) { try mailer.send(try message(to: ["ngu@yen@khachhang.example.vn"])) }
        try mailer.send(try message(to: [after]))
        #expect(try sink.messages(to: after).count == 1)
    }

    @Test func credentialsAreUsedForSMTPAuth() throws {
        let recipient = SMTPSink.uniqueRecipient("auth")
        var settings = sink.settings
        settings.username = "notification"
        settings.password = "mật-khẩu"
        try SMTPMailer(settings: settings).send(try message(to: [recipient]))

        let mails = try sink.messages(to: recipient)
        try #require(mails.count == 1)
        #expect(try mails[0].value("X-Auth-Login") == "notification")
        #expect(!settings.description.contains("mật-khẩu"))
    }

    @Test func nothingListeningIsATransientConnectionFailure() throws {
        let port = try LoopbackSocket(listening: false)
        var settings = sink.settings
        settings.url = "smtp://127.0.0.1:\(port.port)"
        let error = try #require(throws: SMTPError.self) {
            try SMTPMailer(settings: settings).send(try message(to: [SMTPSink.uniqueRecipient("refused")]))
        }
        #expect(error.kind == .transient)
        #expect(error.isTransient)
        #expect(error.replyCode == nil)
        #expect(error.curlCode == Int(CURLE_COULDNT_CONNECT.rawValue))
        withExtendedLifetime(port) {}
    }

    @Test func aServerThatNeverGreetsTimesOutTransiently() throws {
        let port = try LoopbackSocket(listening: true)
        var settings = sink.settings
        settings.url = "smtp://127.0.0.1:\(port.port)"
        settings.timeout = .milliseconds(500)
        let started = ContinuousClock.now
        let error = try #require(throws: SMTPError.self) {
            try SMTPMailer(settings: settings).send(try message(to: [SMTPSink.uniqueRecipient("timeout")]))
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(error.kind == .transient)
        #expect(error.curlCode == Int(CURLE_OPERATION_TIMEDOUT.rawValue))
        withExtendedLifetime(port) {}
    }

    /// A real 5xx from the real server: aiosmtpd answers `553 5.1.3 Error:
    /// malformed address` to an address its RFC 5321 parser refuses. (`a@b@...`
    /// passes the client's checks, which only guard the envelope's syntax.)
    @Test func aRecipientTheServerRefusesIsAPermanentFailureAndNothingIsDelivered() throws {
        let good = SMTPSink.uniqueRecipient("good")
        let malformed = "ngu@yen@khachhang.example.vn"
        let error = try #require(throws: SMTPError.self) {
            try SMTPMailer(settings: sink.settings).send(try message(to: [good, malformed]))
        }
        #expect(error.kind == .permanent)
        #expect(error.replyCode == 553)
        #expect(error.message.contains("553"))
        #expect(try sink.messages(to: good).isEmpty)
    }

    @Test func requiringTLSFromAServerWithoutSTARTTLSFailsPermanentlyBeforeAnyData() throws {
        let recipient = SMTPSink.uniqueRecipient("tls")
        var settings = sink.settings
        settings.useTLS = true
        let error = try #require(throws: SMTPError.self) {
            try SMTPMailer(settings: settings).send(try message(to: [recipient]))
        }
        #expect(error.kind == .permanent)
        #expect(error.curlCode == Int(CURLE_USE_SSL_FAILED.rawValue))
        #expect(try sink.messages(to: recipient).isEmpty)
    }

    @Test func aURLThatIsNotSMTPIsRefusedWithoutConnecting() throws {
        var settings = sink.settings
        settings.url = "http://\(sink.host):\(sink.port)"
        let error = try #require(throws: SMTPError.self) {
            try SMTPMailer(settings: settings).send(try message(to: [SMTPSink.uniqueRecipient("scheme")]))
        }
        #expect(error.kind == .permanent)
        #expect(error.curlCode == Int(CURLE_UNSUPPORTED_PROTOCOL.rawValue))
    }
}
