/// A message shown to a customer or an operator, in Vietnamese and in English.
///
/// Every customer-facing service answers in both languages at once, so the portal, the app
/// and the call-centre screen can pick one without a second round trip and without each
/// service keeping its own translation table. Vietnamese is written with full diacritics:
/// it is what most customers read.
public struct LocalizedMessage: Sendable, Hashable, Codable {
    /// The Vietnamese text, with diacritics.
    public let vi: String
    /// The English text.
    public let en: String

    /// - Parameters:
    ///   - vi: the Vietnamese text.
    ///   - en: the English text.
    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }
}
