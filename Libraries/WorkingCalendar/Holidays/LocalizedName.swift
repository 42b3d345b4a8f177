/// A label in Vietnamese and English.
///
/// Staff and customers read Vietnamese; logs, reports for partners and developers use
/// English. Holidays and reasons carry both so that display code never has to translate.
public struct LocalizedName: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Vietnamese text, e.g. "Tết Âm lịch".
    public let vi: String
    /// English text, e.g. "Lunar New Year (Tết)".
    public let en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// "vi (en)", for logs.
    public var description: String { "\(vi) (\(en))" }
}
