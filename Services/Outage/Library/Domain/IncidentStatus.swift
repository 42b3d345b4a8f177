/// Where an incident is in dispatch's hands: open → crew assigned → restored.
enum IncidentStatus: String, Codable, Sendable, CaseIterable {
    /// Reports are arriving; nobody is on the way yet.
    case open
    /// A crew is on the way or at work.
    case crewAssigned = "crew_assigned"
    /// Power is back; the reporters have been told. A restored incident takes no more reports.
    case restored
}
