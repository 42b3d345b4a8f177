import Foundation

/// One e-mail as a customer sent it to the company, read the way a mail client
/// reads it: who sent it, what it answers, the subject and the text decoded to
/// Unicode, and the files attached.
///
/// Reading never fails: a message that is not quite what the RFCs say is read as far as
/// it can be (a missing subject is empty, an unreadable part is skipped), because a
/// customer's mail must reach a person whatever program wrote it.
public struct InboundMail: Sendable {
    /// A file attached to the mail, as sent (its name and declared type are the sender's word).
    public struct Attachment: Sendable, Hashable {
        /// The file name the sender gave, decoded; nil when there was none.
        public let fileName: String?
        /// The Content-Type the sender declared, in lower case.
        public let declaredType: String
        public let bytes: [UInt8]
    }

    /// The Message-ID without angle brackets; nil when the mail has none.
    public let messageID: String?
    /// The Message-IDs the mail answers (`In-Reply-To`), without angle brackets.
    public let inReplyTo: [String]
    /// The Message-IDs of the thread (`References`), oldest first, without angle brackets.
    public let references: [String]
    /// The author (`From`); nil when it names no usable address.
    public let from: MailAddress?
    /// Where the author wants answers (`Reply-To`, else `From`); nil when neither is usable.
    public let replyAddress: MailAddress?
    /// The envelope sender the receiving server recorded (`Return-Path`), without angle
    /// brackets: empty for a bounce (`<>`), nil when the server recorded none.
    public let returnPath: String?
    /// The subject, encoded-words decoded; empty when there is none.
    public let subject: String
    /// `Auto-Submitted` (RFC 3834), lower case; nil when absent.
    public let autoSubmitted: String?
    /// `Precedence` (`bulk`, `junk`, `list`), lower case; nil when absent.
    public let precedence: String?
    /// The top-level media type in lower case (`multipart/report` for a delivery report).
    public let mediaType: String
    /// The text the customer wrote: the first `text/plain` part, else the first `text/html`
    /// part without its markup; empty when there is neither.
    public let text: String
    /// The attached files and inline images: every other leaf part with a body, except text
    /// parts without a file name and embedded messages (`message/*`).
    public let attachments: [Attachment]

    /// Reads `bytes`, an RFC 5322 message as the mailbox stores it.
    public init(_ bytes: [UInt8]) {
        let message = MIMEPart(bytes)
        func decoded(_ name: String) -> String? { message.value(name).map(MIMEDecoding.decodeEncodedWords) }
        messageID = Self.messageIDs(message.value("Message-ID")).first
        inReplyTo = Self.messageIDs(message.value("In-Reply-To"))
        references = Self.messageIDs(message.value("References"))
        from = decoded("From").flatMap(Self.address)
        replyAddress = decoded("Reply-To").flatMap(Self.address) ?? from
        returnPath = message.value("Return-Path").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
        }
        subject = decoded("Subject") ?? ""
        autoSubmitted = message.value("Auto-Submitted")?.split(separator: ";").first?.trimmed.lowercased()
        precedence = message.value("Precedence")?.trimmed.lowercased()
        mediaType = message.contentType.mediaType

        var leaves: [MIMEPart] = []
        Self.collectLeaves(of: message, depth: 0, into: &leaves)
        var plain: String?
        var html: String?
        var attachments: [Attachment] = []
        for leaf in leaves {
            guard let body = leaf.decodedBody else { continue }
            let (type, parameters) = leaf.contentType
            let disposition = leaf.value("Content-Disposition")?.lowercased() ?? ""
            let fileName = leaf.dispositionParameters["filename"] ?? parameters["name"]
            let isFile = disposition.hasPrefix("attachment") || fileName != nil
            if !isFile, type == "text/plain", plain == nil {
                plain = MIMEDecoding.text(body, charset: parameters["charset"] ?? "us-ascii")
            } else if !isFile, type == "text/html", html == nil {
                html = MIMEDecoding.text(body, charset: parameters["charset"] ?? "us-ascii").map(Self.withoutMarkup)
            } else if !body.isEmpty, !type.hasPrefix("message/"), !type.hasPrefix("text/") || isFile {
                attachments.append(Attachment(fileName: fileName, declaredType: type, bytes: body))
            }
        }
        text = (plain ?? html ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        self.attachments = attachments
    }

    /// The leaf parts of `part`, depth first, down to ``MIMEPart/deepestNesting``.
    private static func collectLeaves(of part: MIMEPart, depth: Int, into leaves: inout [MIMEPart]) {
        guard part.contentType.mediaType.hasPrefix("multipart/") else {
            leaves.append(part)
            return
        }
        guard depth < MIMEPart.deepestNesting else { return }
        for child in part.parts { collectLeaves(of: child, depth: depth + 1, into: &leaves) }
    }

    /// The `<id>` items of a Message-ID, In-Reply-To or References field, without brackets.
    static func messageIDs(_ value: String?) -> [String] {
        guard let value else { return [] }
        return value.split(separator: "<", omittingEmptySubsequences: false).dropFirst().compactMap { piece in
            guard let close = piece.firstIndex(of: ">") else { return nil }
            let id = piece[..<close].trimmed
            return id.isEmpty ? nil : id
        }
    }

    /// The mailbox of an address field (`Name <a@b>`, `a@b`, `"Name" <a@b>`); nil when it
    /// names none that ``MailAddress`` accepts.
    static func address(_ value: String) -> MailAddress? {
        let email: String
        var name: String?
        if let open = value.lastIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            email = value[value.index(after: open)..<close].trimmed
            name = value[..<open].trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        } else {
            email = value.split(separator: ",").first?.trimmed ?? ""
        }
        if name?.isEmpty == true { name = nil }
        return try? MailAddress(email, name: name)
    }

    /// HTML as plain text: tags dropped, line-breaking tags as line breaks, the common entities decoded.
    static func withoutMarkup(_ html: String) -> String {
        let breaks = html.replacing(/<(br|\/p|\/div|\/li|\/tr)\b[^>]*>/.ignoresCase(), with: "\n")
        let noBlocks = breaks.replacing(/<(style|script)\b[^>]*>.*?<\/\1>/.ignoresCase().dotMatchesNewlines(), with: "")
        let text = noBlocks.replacing(/<[^>]*>/, with: "")
        return text.replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
