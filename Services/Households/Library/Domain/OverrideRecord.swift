import Foundation

/// A supervisor's override of the corporation-wide duplicate check: the household was
/// registered although its ID number or household book is in another active dossier, and
/// counts; the duplicate stays on the report until one of the dossiers lets it go.
struct OverrideRecord: Sendable, Codable {
    var dossierId: String
    var customerCode: String
    /// The supervisor's staff id.
    var grantedBy: String
    var grantedAt: Date
    var reason: String
    /// The numbers overridden, masked.
    var maskedKeys: [String]
}
