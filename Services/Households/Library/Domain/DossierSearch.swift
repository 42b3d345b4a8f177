import Foundation

/// What staff type to find a dossier: the start of its customer code, or any part of the
/// holder's name, in any case and with or without the Vietnamese marks ("nguyen van an"
/// finds "Nguyễn Văn An").
struct DossierSearch: Sendable, Equatable {
    let text: String
    private let code: String
    private let folded: String

    /// `nil` for blank text: no search, every dossier.
    init?(_ text: String?) {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        self.text = trimmed
        code = trimmed.uppercased()
        folded = Self.fold(trimmed)
    }

    /// Whether a dossier of `customerCode` held by `holderName` is one asked for.
    func matches(customerCode: String, holderName: String) -> Bool {
        customerCode.hasPrefix(code) || Self.fold(holderName).contains(folded)
    }

    /// `text` without case or marks, `đ` read as `d`, spaces collapsed.
    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
