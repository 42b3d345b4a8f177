/// The kind of customer request, which decides its steps and SLA limit.
///
/// Only the new low-voltage connection flow has contracts yet; other kinds join this set
/// when their flows do (consumers first, see the versioning rule in `docs/events.md`).
public enum RequestKind: String, Codable, Sendable, CaseIterable {
    /// A new low-voltage connection (residential, shared-meter residential or non-residential).
    case newLowVoltageConnection = "new_lv_connection"
}
