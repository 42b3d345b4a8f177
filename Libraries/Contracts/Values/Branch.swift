/// A district branch (*Điện lực*) as customers are told about it.
///
/// Carried on the messages notification turns into texts, so notification needs no
/// branch table of its own.
public struct Branch: Codable, Sendable, Equatable {
    /// The branch code, e.g. `PC05TK`.
    public var code: String
    /// The name without "Điện lực", e.g. `Tam Kỳ`.
    public var name: String
    /// The customer hotline, as printed, e.g. `0235 3852 999`.
    public var hotline: String

    public init(code: String, name: String, hotline: String) {
        self.code = code
        self.name = name
        self.hotline = hotline
    }
}
