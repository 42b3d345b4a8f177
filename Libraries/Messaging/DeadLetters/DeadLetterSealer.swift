import Foundation

/// Seals a dead letter's body while it waits in `<service>.dead`, and opens it for replay.
///
/// Dead letters keep whole bodies — ID and phone numbers, names, a signing code — for days, on
/// a broker that every service and operator reaches. The services seal them under their
/// personal-data key (ServiceKit gives the sealer), so Messaging never depends on how keys
/// are held or rotated.
public protocol DeadLetterSealer: Sendable {
    func seal(_ body: Data) -> Data
    /// - Throws: when `sealed` was not sealed with this service's key, or was altered.
    func open(_ sealed: Data) throws -> Data
}
