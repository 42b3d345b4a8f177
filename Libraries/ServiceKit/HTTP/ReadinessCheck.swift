/// One thing a service needs before it can take work, such as its store or its broker connection.
///
/// `/readyz` answers 200 only while every check passes, so an orchestrator sends work only to
/// instances that can do it, and names the failing checks otherwise. Libraries provide the checks
/// for what they own: ``StoreReadinessCheck`` here, the broker check in `Messaging`.
///
/// Checks run concurrently on every probe: keep them quick and free of side effects.
public protocol ReadinessCheck: Sendable {
    /// A short name for the checked dependency, as `/readyz` reports it: `store`, `broker`.
    var name: String { get }

    /// Whether the dependency is usable now; a thrown error counts as not ready and is logged.
    ///
    /// A conforming type may implement it as non-throwing.
    func check() async throws -> Bool
}
