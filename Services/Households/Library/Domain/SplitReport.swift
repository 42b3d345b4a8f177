import Foundation

/// The monthly meter-split report of a unit: splits done in the month, households that want
/// to split but cannot yet, and why the others share the meter.
struct SplitReport: Sendable, Codable {
    struct Split: Sendable, Codable {
        var subHouseholdId: String
        var dossierId: String
        var customerCode: String
        var newCustomerCode: String?
        var splitAt: Date
    }

    struct Wish: Sendable, Codable {
        var subHouseholdId: String
        var dossierId: String
        var customerCode: String
        var reason: NotSplitReason?
        var note: String?
    }

    struct ReasonCount: Sendable, Codable {
        /// `nil`: no reason recorded yet.
        var reason: NotSplitReason?
        var labelVi: String
        var labelEn: String
        var households: Int
    }

    /// `YYYY-MM`.
    var month: String
    var unit: String?
    var splitsDone: [Split]
    var pendingWishes: [Wish]
    /// Current sub-households by the reason they have not split.
    var notSplitByReason: [ReasonCount]
}
