/// A planned outage as dispatch types it (`POST` and `PUT /api/v1/planned-outages`).
///
/// Instants carry their offset (`2026-12-10T07:30:00+07:00`); `urgentReason` is required only
/// when the start is less than five days away.
struct PlannedOutageForm: Decodable, Sendable {
    var branchCode: String?
    var communeCodes: [String]?
    var location: String?
    var reason: String?
    var startsAt: String?
    var endsAt: String?
    var urgentReason: String?
}
