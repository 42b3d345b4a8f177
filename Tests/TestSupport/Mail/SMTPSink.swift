import Foundation

/// The loopback SMTP server the tests and the services send to: Debian's aiosmtpd, run by
/// `scripts/sink.sh smtp start` (and by `make test`), which stores each accepted message as
/// one file `<dir>/*.eml`, the envelope prepended as `X-Envelope-From` / `X-Envelope-To`
/// headers.
///
/// Reads `SMTP_HOST` (127.0.0.1), `SMTP_PORT` (2525) and `SMTP_MAIL_DIR` (`var/smtp/mail`
/// under the package root, found from this file's path). The folder is shared by every test
/// and run: give each recipient a ``uniqueRecipient(_:)`` and read only their mail.
public struct SMTPSink: Sendable {
    public let host: String
    public let port: Int
    public let mailDirectory: URL

    public static let current: SMTPSink = {
        let environment = ProcessInfo.processInfo.environment
        // Tests/TestSupport/Mail/SMTPSink.swift -> package root (through a symlinked dev package too).
        var packageRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<4 { packageRoot.deleteLastPathComponent() }
        let mailDirectory = environment["SMTP_MAIL_DIR"].map { URL(fileURLWithPath: $0) }
            ?? packageRoot.appendingPathComponent("var/smtp/mail")
        return SMTPSink(host: environment["SMTP_HOST"] ?? "127.0.0.1",
                        port: environment["SMTP_PORT"].flatMap(Int.init) ?? 2525,
                        mailDirectory: mailDirectory)
    }()

    public init(host: String, port: Int, mailDirectory: URL) {
        self.host = host
        self.port = port
        self.mailDirectory = mailDirectory
    }

    /// Every stored message whose envelope names `recipient`, oldest first, parsed strictly.
    /// The sink writes a file whole before it answers 250, so a mail is here as soon as the
    /// sender's `send` returned.
    public func messages(to recipient: String) throws -> [MIMEEntity] {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: mailDirectory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "eml" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw FixtureError("cannot read \(mailDirectory.path) (is the sink running? scripts/sink.sh smtp start): \(error)")
        }
        let needle = Data(recipient.utf8)
        return try files.compactMap { file in
            let bytes = try Data(contentsOf: file)
            // Only mail that names the recipient is parsed: the folder holds every other test's too.
            guard bytes.range(of: needle) != nil else { return nil }
            let message = try MIMEEntity(Array(bytes))
            return message.envelopeTo.contains(recipient) ? message : nil
        }
    }

    /// The mail `recipient` received, oldest first, as a customer reads it.
    public func mails(to recipient: String) throws -> [ReceivedMail] {
        try messages(to: recipient).map(ReceivedMail.init)
    }

    /// A recipient no other test (or earlier run) uses, so that its mail can be told apart.
    public static func uniqueRecipient(_ name: String) -> String {
        "\(name).\(UUID().uuidString.prefix(8).lowercased())@khachhang.example.vn"
    }
}
