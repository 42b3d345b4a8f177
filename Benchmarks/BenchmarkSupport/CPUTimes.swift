#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The CPU time (user + system) the kernel has charged to each of a set of processes, read
/// from `/proc/<pid>/stat`. Unlike a rate, it does not depend on what else the machine is
/// doing: it is what the work itself cost, on every thread of each process.
public struct CPUTimes: Sendable {
    /// The time used so far (or within an interval, after ``since(_:)``), by process name.
    public let byProcess: [String: Duration]

    /// The CPU time `processes` (name → pid) have used since they started.
    public static func read(_ processes: [String: Int32]) throws -> CPUTimes {
        CPUTimes(byProcess: try processes.mapValues(Self.used(by:)))
    }

    /// What each process used between `earlier` and this reading.
    public func since(_ earlier: CPUTimes) -> CPUTimes {
        var spent: [String: Duration] = [:]
        for (name, used) in byProcess {
            spent[name] = used - (earlier.byProcess[name] ?? .zero)
        }
        return CPUTimes(byProcess: spent)
    }

    /// All processes together.
    public var total: Duration {
        byProcess.values.reduce(.zero, +)
    }

    private static func used(by pid: Int32) throws -> Duration {
        let path = "/proc/\(pid)/stat"
        guard let stat = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw BenchmarkError("cannot read \(path): is process \(pid) still running?")
        }
        guard let ticks = ticks(inStat: stat) else {
            throw BenchmarkError("\(path) has no utime and stime: \(stat.prefix(200))")
        }
        return .milliseconds(ticks * 1000 / Int64(sysconf(Int32(_SC_CLK_TCK))))
    }

    /// utime + stime of a `/proc/<pid>/stat` line (fields 14 and 15, in clock ticks). The
    /// command name (field 2) is parenthesised and may hold spaces and parentheses, so the
    /// fields are counted after its last `)`.
    static func ticks(inStat stat: String) -> Int64? {
        guard let nameEnd = stat.lastIndex(of: ")") else { return nil }
        // Fields from the third (state) on: utime and stime are the 12th and 13th of them.
        let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
        guard fields.count > 12, let user = Int64(fields[11]), let system = Int64(fields[12]) else { return nil }
        return user + system
    }
}
