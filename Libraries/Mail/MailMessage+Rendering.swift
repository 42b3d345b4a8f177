import Foundation

extension MailMessage {
    /// The message as the bytes sent after SMTP `DATA`: RFC 5322 headers and a
    /// MIME body, 7-bit ASCII, CRLF line endings.
    ///
    /// - Subject, display names and non-ASCII extra header values: RFC 2047
    ///   `=?UTF-8?B?...?=` encoded-words of at most 75 characters, header lines of
    ///   at most 76 characters where they can be folded.
    /// - Bodies: `text/plain; charset=UTF-8` (and `text/html; charset=UTF-8` in a
    ///   `multipart/alternative` when ``htmlBody`` is set), base64, line breaks
    ///   sent as CRLF.
    public func rendered() -> [UInt8] {
        var head = ""
        head += MIMEEncoding.foldedHeader("From", tokens: Self.tokens([from], header: "From"))
        head += MIMEEncoding.foldedHeader("To", tokens: Self.tokens(to, header: "To"))
        head += MIMEEncoding.unstructuredHeader("Subject", subject)
        head += "Date: " + MIMEEncoding.dateTime(date) + "\r\n"
        head += MIMEEncoding.foldedHeader("Message-ID", tokens: ["<" + messageID + ">"])
        if let thread {
            head += MIMEEncoding.foldedHeader("In-Reply-To", tokens: ["<" + thread.inReplyTo + ">"])
            head += MIMEEncoding.foldedHeader("References", tokens: thread.references.map { "<" + $0 + ">" })
        }
        for header in extraHeaders {
            head += MIMEEncoding.unstructuredHeader(header.name, header.value)
        }
        head += "MIME-Version: 1.0\r\n"

        let text = Self.textPart("plain", textBody)
        guard let htmlBody else {
            return Array((head + text.headers + "\r\n" + text.body).utf8)
        }
        // "=_" cannot occur in base64, so the boundary cannot occur in a part.
        let boundary = "=_evn_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let html = Self.textPart("html", htmlBody)
        var message = head
        message += "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n"
        message += "\r\n"
        message += "This is a multi-part message in MIME format.\r\n"
        for part in [text, html] {
            message += "--\(boundary)\r\n" + part.headers + "\r\n" + part.body
        }
        message += "--\(boundary)--\r\n"
        return Array(message.utf8)
    }

    /// A text part's headers and its base64 body (ending with CRLF).
    private static func textPart(_ subtype: String, _ text: String) -> (headers: String, body: String) {
        (
            "Content-Type: text/\(subtype); charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n",
            MIMEEncoding.base64Lines(MIMEEncoding.canonicalLineBreaks(text))
        )
    }

    /// `name <email>, name <email>` as tokens that may be folded between; the
    /// first display name sized to fit on the line that starts with `header`.
    private static func tokens(_ addresses: [MailAddress], header: String) -> [String] {
        var tokens: [String] = []
        for (index, address) in addresses.enumerated() {
            let separator = index == addresses.count - 1 ? "" : ","
            if let name = address.name {
                let firstLimit = index == 0 ? MIMEEncoding.lineLimit - header.utf8.count - 2 : MIMEEncoding.encodedWordLimit
                tokens += MIMEEncoding.phraseTokens(name, firstWordLimit: firstLimit)
                tokens.append("<\(address.email)>" + separator)
            } else {
                tokens.append(address.email + separator)
            }
        }
        return tokens
    }
}
