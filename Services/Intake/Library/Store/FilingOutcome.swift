/// How a filing (a connection or a service request) ended, given the `Idempotency-Key` it
/// may have come with.
enum FilingOutcome: Sendable, Equatable {
    /// Stored now.
    case accepted(SubmissionReceipt)
    /// Stored earlier under the same key and body: the earlier answer, nothing stored now.
    case replayed(SubmissionReceipt)
    /// The key was used earlier for a different body: nothing stored.
    case keyReused
}
