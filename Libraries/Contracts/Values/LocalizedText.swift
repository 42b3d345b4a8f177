/// A short text in Vietnamese, for customers and staff, and English, for everyone else.
public struct LocalizedText: Codable, Sendable, Equatable {
    /// Vietnamese.
    public var vi: String
    /// English.
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }
}
