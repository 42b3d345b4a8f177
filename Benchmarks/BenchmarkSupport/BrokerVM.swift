import Foundation

/// The local broker's Erlang VM (`beam.smp`): the benchmarks count its CPU beside the services'.
public enum BrokerVM {
    /// The VM's pid from `BROKER_PID`, which the scripts that run the benchmarks export
    /// (`scripts/broker.sh pid`).
    public static func processIdentifier() throws -> Int32 {
        guard let text = ProcessInfo.processInfo.environment["BROKER_PID"] else {
            throw BenchmarkError("BROKER_PID is not set: run the benchmark through make bench-… (or export BROKER_PID=$(scripts/broker.sh pid))")
        }
        guard let pid = Int32(text) else { throw BenchmarkError("BROKER_PID is not a process id: \(text)") }
        return pid
    }
}
