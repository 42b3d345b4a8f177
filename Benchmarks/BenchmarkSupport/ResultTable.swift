/// The results a benchmark prints: measured values against their targets, where a missed
/// target is a measurement ("NOT MET"), and count checks, where a wrong count means the
/// system lost or mangled work and fails the run (``verdict(_:)``).
public final class ResultTable {
    private let nameWidth: Int
    private var failed: [String] = []

    /// Prints `heading`; `nameWidth` is the column the values start at.
    public init(_ heading: String = "results:", nameWidth: Int) {
        self.nameWidth = nameWidth
        print(heading)
    }

    /// A measured value, with its target when it has one.
    public func row(_ name: String, _ value: String, target: String = "", met: Bool = true) {
        let verdict = target.isEmpty ? "" : " target \(Self.pad(target, 12)) \(met ? "met" : "NOT MET")"
        print("  \(Self.pad(name, nameWidth)) \(target.isEmpty ? value : Self.pad(value, 14))\(verdict)")
    }

    /// A count that must be exactly `expected`; the run fails when it is not.
    public func check(_ name: String, _ got: Int, expected: Int) {
        check(name, "\(got)", expected: "\(expected)", passed: got == expected)
    }

    /// What the run found against what it must be (`expected`, as printed); the run fails
    /// when it has not `passed`.
    public func check(_ name: String, _ got: String, expected: String, passed: Bool) {
        if !passed { failed.append(name) }
        print("  \(Self.pad(name, nameWidth)) \(Self.pad(got, 14)) expect \(Self.pad(expected, 12)) \(passed ? "ok" : "FAILED")")
    }

    /// A line of its own (a baseline, a breakdown).
    public func note(_ text: String) {
        print(text)
    }

    /// Throws naming the failed checks, if any: the benchmark then exits non-zero.
    public func verdict(_ benchmark: String) throws {
        guard failed.isEmpty else {
            throw BenchmarkError("\(benchmark): \(failed.count) check(s) failed: \(failed.joined(separator: "; "))")
        }
        print("\(benchmark): every check passed")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count < width ? text + String(repeating: " ", count: width - text.count) : text
    }
}
