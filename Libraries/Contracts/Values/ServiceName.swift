/// The six services; the first segment of every routing key is one of them.
public enum ServiceName: String, Codable, Sendable, CaseIterable {
    case intake, crm, metering, households, outage, notification
}
