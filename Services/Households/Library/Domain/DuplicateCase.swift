/// One ID number or household book held in more than one active dossier.
public struct DuplicateCase: Codable, Sendable, Hashable {
    public var key: DuplicateKey
    /// The number masked as logs mask it (`049*******21`), never in full.
    public var maskedKey: String
    /// Every dossier holding it, by unit and customer code.
    public var holdings: [DuplicateHolding]
}
