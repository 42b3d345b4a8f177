import Foundation

/// What a piece of work cost in CPU the processes that serve it — the services the benchmark
/// started and the broker — per completed request: the figure that does not depend on what
/// else the machine does while the benchmark runs, so two runs can be compared.
public struct CPUCost {
    private let processes: [String: Int32]
    private let start: CPUTimes

    /// Starts counting for `services` (name → pid) and the broker's VM.
    public init(services: [String: Int32]) throws {
        processes = services.merging(["broker": try BrokerVM.processIdentifier()]) { $1 }
        start = try CPUTimes.read(processes)
    }

    /// The CPU time spent since ``init(services:)`` divided by `completed` requests, for all
    /// processes together and for each.
    public func perRequest(completed: Int) throws -> (total: Duration, byProcess: [String: Duration]) {
        let spent = try CPUTimes.read(processes).since(start)
        let requests = max(completed, 1)
        return (spent.total / requests, spent.byProcess.mapValues { $0 / requests })
    }

    /// Prints the cost per completed request as a row of `table`, each process's share below it.
    public func report(completed: Int, as name: String, in table: ResultTable) throws {
        let cost = try perRequest(completed: completed)
        table.row(name, String(format: "%.2f ms", cost.total.milliseconds))
        let shares = cost.byProcess.sorted { $0.key < $1.key }
            .map { "\($0.key) \(String(format: "%.2f", $0.value.milliseconds))" }
        table.note("    per process (ms): \(shares.joined(separator: ", "))")
    }
}
