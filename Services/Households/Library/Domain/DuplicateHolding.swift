/// One active dossier holding a duplicated ID number or household book.
///
/// Staff of another unit see only `unit`: they learn that the conflict exists and where to
/// ask, never whose dossier it is.
public struct DuplicateHolding: Codable, Sendable, Hashable {
    public var unit: String
    public var customerCode: String?
    public var dossierId: String?
    /// As main household (the holder) or as a sub-household.
    public var role: MemberRole?

    /// The holding as staff of `visibleUnit` may see it (`nil`: corporation staff see all).
    func seen(by visibleUnit: String?) -> DuplicateHolding {
        guard let visibleUnit, visibleUnit != unit else { return self }
        return DuplicateHolding(unit: unit, customerCode: nil, dossierId: nil, role: nil)
    }
}
