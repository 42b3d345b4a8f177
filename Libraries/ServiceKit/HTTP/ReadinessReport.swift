import Hummingbird
import Logging

/// The answer of `/readyz`: ready, or not ready with the names of the failing checks.
///
/// Sent as JSON (`{"status":"ready","failing":[]}`) with status 200, or 503 when a check fails,
/// so that a person reading the probe's output sees at once which dependency is missing.
struct ReadinessReport: ResponseGenerator, Encodable {
    /// `ready` or `not ready`.
    let status: String
    /// The names of the checks that failed, in the order they were given.
    let failing: [String]

    /// Runs every check concurrently and reports the failures; thrown errors are logged.
    static func evaluate(_ checks: [any ReadinessCheck], logger: Logger) async -> ReadinessReport {
        let passed = await withTaskGroup(of: (index: Int, passed: Bool).self) { group in
            for (index, check) in checks.enumerated() {
                group.addTask {
                    do {
                        return (index, try await check.check())
                    } catch {
                        logger.warning(
                            "Readiness check failed",
                            metadata: ["check": "\(check.name)", "error": "\(error)"]
                        )
                        return (index, false)
                    }
                }
            }
            var passed = Array(repeating: false, count: checks.count)
            for await result in group {
                passed[result.index] = result.passed
            }
            return passed
        }
        let failing = zip(checks, passed).filter { _, passed in !passed }.map { check, _ in check.name }
        return ReadinessReport(status: failing.isEmpty ? "ready" : "not ready", failing: failing)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try context.responseEncoder.encode(self, from: request, context: context)
        response.status = failing.isEmpty ? .ok : .serviceUnavailable
        return response
    }
}
