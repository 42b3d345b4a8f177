/// The one check every header value passes before it can be part of a message,
/// so that no caller-supplied text can end a header line early.
enum HeaderValidation {
    /// Rejects CR and LF (header injection), the Unicode line breaks NEL, LS and PS
    /// (a reader could show them as new lines), and other control characters except tab.
    static func checkValue(_ value: String, field: String) throws(MailMessageError) {
        for scalar in value.unicodeScalars {
            if scalar == "\r" || scalar == "\n" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                throw .lineBreakInHeaderValue(field: field)
            }
            if scalar.properties.generalCategory == .control, scalar != "\t" {
                throw .controlCharacterInHeaderValue(field: field)
            }
        }
    }
}
