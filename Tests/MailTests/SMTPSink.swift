import Foundation
import Mail

/// The real SMTP server the tests send to: Debian's aiosmtpd, run by
/// `scripts/smtp.sh start` (and by `make test`), which stores each accepted
/// message as one file `<dir>/*.eml`, the envelope prepended as
/// `X-Envelope-From` / `X-Envelope-To` headers.
///
/// Reads `SMTP_HOST` (127.0.0.1), `SMTP_PORT` (2525) and `SMTP_MAIL_DIR`
/// (`var/smtp/mail` under the package root, found from this file's path).
struct SMTPSink: Sendable {
    let host: String
    let port: Int
    let mailDirectory: URL

    static let current: SMTPSink = {
        let environment = ProcessInfo.processInfo.environment
        // Tests/MailTests/SMTPSink.swift -> package root (through a symlinked dev package too).
        let packageRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let mailDirectory = environment["SMTP_MAIL_DIR"].map { URL(fileURLWithPath: $0) }
            ?? packageRoot.appendingPathComponent("var/smtp/mail")
        return SMTPSink(host: environment["SMTP_HOST"] ?? "127.0.0.1",
                        port: environment["SMTP_PORT"].flatMap(Int.init) ?? 2525,
                        mailDirectory: mailDirectory)
    }()

    /// Plain SMTP (the sink offers no STARTTLS), short timeouts.
    var settings: SMTPSettings {
        SMTPSettings(url: "smtp://\(host):\(port)", useTLS: false, connectTimeout: .seconds(5), timeout: .seconds(20))
    }

    /// Every stored mail whose envelope names `recipient`. The sink writes the
    /// file before it answers 250, so a mail is here as soon as `send` returned.
    func mails(to recipient: String) throws -> [MIMEEntity] {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: mailDirectory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "eml" }
        } catch {
            throw TestFailure("cannot read \(mailDirectory.path) (is the sink running? scripts/smtp.sh start): \(error)")
        }
        return try files.compactMap { file in
            let mail = try MIMEEntity(Array(try Data(contentsOf: file)))
            return mail.envelopeTo.contains(recipient) ? mail : nil
        }
    }

    /// A recipient no other test (or earlier run) uses, so that its mail can be told apart.
    static func uniqueRecipient(_ name: String) -> String {
        "\(name).\(UUID().uuidString.prefix(8).lowercased())@khachhang.example.vn"
    }
}

/// A failure of the test machinery itself, with a message that says what to do.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
