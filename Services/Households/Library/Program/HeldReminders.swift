import ServiceKit

/// The reminders a residence pass held back, waiting for release: how many, since when.
struct HeldReminders: Sendable {
    let store: ServiceStore
    let expiry: ResidenceExpiry

    func callAsFunction() async throws -> ResidenceExpiry.HeldReminders {
        let expiry = expiry
        return try await store.database.read { db in try expiry.held(in: db) }
    }
}
