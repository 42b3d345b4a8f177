import Foundation

/// One e-mail as the loopback SMTP server stored it (`scripts/smtp_sink.py`, one `.eml` file
/// per message with `X-Envelope-To`), decoded enough to read what the customer reads.
public struct ReceivedMail: Sendable {
    /// The envelope recipients.
    public let recipients: [String]
    /// The decoded subject.
    public let subject: String
    /// The decoded text body.
    public let body: String

    /// Every message in `folder` (the SMTP sink's mail folder) addressed to `recipient`.
    public static func all(in folder: String, to recipient: String) throws -> [ReceivedMail] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return try names.filter { $0.hasSuffix(".eml") }.sorted().compactMap { name in
            let mail = try ReceivedMail(raw: String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8))
            return mail.recipients.contains(recipient) ? mail : nil
        }
    }

    init(raw: String) {
        let normalised = raw.replacingOccurrences(of: "\r\n", with: "\n")
        let parts = normalised.components(separatedBy: "\n\n")
        let headerText = parts.first ?? ""
        let bodyText = parts.dropFirst().joined(separator: "\n\n")
        // Unfold continuation lines, then split into name/value pairs.
        let unfolded = headerText.replacingOccurrences(of: "\n ", with: " ").replacingOccurrences(of: "\n\t", with: " ")
        var headers: [String: String] = [:]
        for line in unfolded.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased(), default: ""] += line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        recipients = (headers["x-envelope-to"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        subject = Self.decodeWords(headers["subject"] ?? "")
        if headers["content-transfer-encoding"]?.lowercased() == "base64",
           let data = Data(base64Encoded: bodyText.replacingOccurrences(of: "\n", with: "")) {
            body = String(decoding: data, as: UTF8.self)
        } else {
            body = bodyText
        }
    }

    /// Decodes RFC 2047 `=?UTF-8?B?…?=` words (adjacent words join without the space between).
    static func decodeWords(_ value: String) -> String {
        let pattern = /=\?[Uu][Tt][Ff]-8\?[Bb]\?([A-Za-z0-9+\/=]*)\?=/
        var decoded = ""
        var rest = Substring(value)
        while let match = rest.firstMatch(of: pattern) {
            let between = rest[..<match.range.lowerBound]
            if !(decoded.isEmpty == false && between.allSatisfy(\.isWhitespace)) { decoded += between }
            decoded += String(decoding: Data(base64Encoded: String(match.1)) ?? Data(), as: UTF8.self)
            rest = rest[match.range.upperBound...]
        }
        return decoded + rest
    }
}
