import Foundation

/// One e-mail the SMTP sink of `scripts/smtp.sh` received, decoded the way a mail client
/// shows it.
struct ReceivedMail: Sendable {
    var envelopeTo: String
    var fromHeader: String
    var subject: String
    var body: String
    var messageID: String
}

/// Reads the sink's folder (`SMTP_MAIL_DIR`, one `.eml` file per message). Tests give each
/// customer a unique address and look for their mail only, since the folder is shared.
enum SMTPSinkMailbox {
    static var folder: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["SMTP_MAIL_DIR"] ?? "var/smtp/mail")
    }

    /// The messages whose envelope recipient is `address`, oldest first.
    static func mail(to address: String) throws -> [ReceivedMail] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.filter { $0.hasSuffix(".eml") }.sorted().compactMap { name in
            let raw = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            guard raw.contains("X-Envelope-To: \(address)") else { return nil }
            return parse(raw)
        }
    }

    /// Headers unfolded and RFC 2047-decoded, the base64 body decoded.
    private static func parse(_ raw: String) -> ReceivedMail {
        let parts = raw.components(separatedBy: "\r\n\r\n")
        let head = parts[0].replacingOccurrences(of: "\r\n ", with: " ")
        var headers: [String: String] = [:]
        for line in head.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let base64 = parts.dropFirst().joined(separator: "\r\n\r\n").components(separatedBy: .whitespacesAndNewlines).joined()
        let body = Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return ReceivedMail(envelopeTo: headers["x-envelope-to"] ?? "", fromHeader: decodeWords(headers["from"] ?? ""),
                            subject: decodeWords(headers["subject"] ?? ""),
                            body: body.replacingOccurrences(of: "\r\n", with: "\n"),
                            messageID: headers["message-id"] ?? "")
    }

    /// `=?UTF-8?B?…?=` encoded-words decoded; white space between two of them dropped (RFC 2047 §6.2).
    private static func decodeWords(_ value: String) -> String {
        var result = ""
        var previousWasWord = false
        for token in value.split(separator: " ") {
            let decoded = token.hasPrefix("=?UTF-8?B?") && token.hasSuffix("?=")
                ? Data(base64Encoded: String(token.dropFirst(10).dropLast(2))).map { String(decoding: $0, as: UTF8.self) }
                : nil
            if !result.isEmpty && !(decoded != nil && previousWasWord) { result += " " }
            result += decoded ?? String(token)
            previousWasWord = decoded != nil
        }
        return result
    }
}
