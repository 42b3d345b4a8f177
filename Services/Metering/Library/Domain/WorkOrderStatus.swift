/// Where an installation work order is.
public enum WorkOrderStatus: String, Codable, Sendable {
    /// No verified meter of the phase was in stock; the order takes the next one received.
    case awaitingMeter = "awaiting_meter"
    /// A meter is reserved; field staff may install it.
    case open
    /// Installed, sealed and on a reading route.
    case completed
}
