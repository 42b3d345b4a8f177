import Contracts

/// A verified meter entering a branch's stock, as the stock keeper recorded it.
struct ReceivedMeter: Sendable {
    /// The manufacturer's serial, upper-cased: unique across the corporation.
    var serial: String
    var phase: MeterPhase
    var verification: Verification
    var branchCode: String
}
