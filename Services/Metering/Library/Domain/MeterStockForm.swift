/// The body of `POST /api/v1/meters` as sent, before any check.
///
/// Every field is optional so that a missing one becomes a field error next to the others.
struct MeterStockForm: Decodable, Sendable {
    var serial: String?
    var phase: Int?
    var verifiedOn: String?
    var verificationValidUntil: String?
    /// The receiving branch; corporation staff must give it, branch staff may only name their own.
    var branchCode: String?
}
