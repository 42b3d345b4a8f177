/// A customer's point of supply, as the billing system exports it or a signed contract opens it:
/// where it is on the network.
///
/// Planned outages reach customers through it (every supply point of the communes cut off),
/// and a report by customer code is placed with it. The phone is personal data, sealed at rest.
struct SupplyPoint: Sendable, Equatable {
    var customerCode: String
    var branchCode: String
    var communeCode: String
    /// The transformer station feeding it, when the billing system knows it.
    var stationCode: String?
}
