import Foundation

/// What the flows read in a customer's texts.
enum CustomerText {
    /// Text compared without diacritics and case, as an SMS may be sent transliterated to GSM-7.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "vi_VN"))
    }
}
