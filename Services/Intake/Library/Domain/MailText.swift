import Foundation

/// What a customer's e-mail says in their own words, read the way people write mail: without
/// the earlier mail a reply quotes or the signature, and folded so that Vietnamese written
/// with or without diacritics reads alike.
enum MailText {
    /// `text` up to what the customer did not write now: a signature (`-- `), a quoted line
    /// (`>`), or the line a mail client puts before the mail it quotes ("On … wrote:", "Vào …
    /// đã viết:", "-----Original Message-----", "From: …").
    static func ownWords(_ text: String) -> String {
        var own: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let lowered = folded(trimmed)
            if trimmed == "--" || line.hasPrefix("-- ") || trimmed.hasPrefix(">") || lowered.hasPrefix("-----original")
                || lowered.hasPrefix("from:") || lowered.hasPrefix("tu:")
                || (lowered.hasPrefix("on ") && lowered.hasSuffix("wrote:"))
                || (lowered.hasPrefix("vao ") && lowered.hasSuffix("da viet:")) {
                break
            }
            own.append(line)
        }
        return own.joined(separator: "\n")
    }

    /// `text` in lower case without diacritics, `đ` read as `d`.
    static func folded(_ text: String) -> String {
        text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    /// The words of `text`: its runs of letters and digits, apostrophes dropped (`don't` → `dont`).
    static func words(_ text: String) -> [String] {
        text.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// The sentences of `text`, ended by `.`, `!`, `?` or a line break.
    static func sentences(_ text: String) -> [String] {
        text.split(whereSeparator: { ".!?\n".contains($0) }).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
