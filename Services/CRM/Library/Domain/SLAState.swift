/// Where a ticket stands against its service-time limit, as the operator list shows it.
///
/// An open ticket is `on_track` before its due date, `due_today` on it and `breached`
/// after it (today in Vietnam's time zone). A closed ticket shows how it ended: `met` or
/// `breached`.
enum SLAState: String, Codable, Sendable {
    case onTrack = "on_track"
    case dueToday = "due_today"
    case breached
    case met
}
