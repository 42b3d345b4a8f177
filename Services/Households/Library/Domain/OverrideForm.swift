/// A supervisor's override of the corporation-wide duplicate check, as sent.
struct OverrideForm: Codable, Sendable {
    /// Why the household may be registered although its ID number or household book is in
    /// another active dossier (e.g. "moved from PC05HA, closure pending there"); kept on record.
    var reason: String?
}
