/// An ID number of the request that is already in another active dossier.
///
/// It says where the other dossier is, so branch staff can resolve it, and nothing about
/// the person behind it.
public struct ScreeningConflict: Codable, Sendable, Equatable {
    /// The screened ID number, masked as logs mask it: first three and last two digits, e.g. `079*******45`.
    public var maskedIdNumber: String
    /// The unit (branch code) that holds the other dossier.
    public var unit: String
    /// The customer code of the other dossier's meter.
    public var customerCode: String

    public init(maskedIdNumber: String, unit: String, customerCode: String) {
        self.maskedIdNumber = maskedIdNumber
        self.unit = unit
        self.customerCode = customerCode
    }
}
