import BenchmarkSupport
import Foundation

/// Prints the run's table: step times side by side (the program's, then each baseline's),
/// count checks (✓/✗) and targets (met / NOT MET, as the other benchmarks print them), and
/// remembers whether any count check failed.
final class Report {
    private(set) var failedChecks = 0

    /// The step table's heading: the program's column, then one per baseline.
    func stepHeading(ours: String, baselines: [String]) {
        print("  \(pad("step", 34)) \(pad(ours, 12, left: true))" + baselines.map { " " + pad($0, 16, left: true) }.joined())
    }

    /// One timed step of the program and of each baseline (`—` where one has no such step).
    func step(_ name: String, ours: Duration?, baselines: [Duration?]) {
        print("  \(pad(name, 34)) \(pad(ours.map(Self.format) ?? "—", 12, left: true))"
              + baselines.map { " " + pad($0.map(Self.format) ?? "—", 16, left: true) }.joined())
    }

    /// A count that must equal what the generator planted.
    func check(_ name: String, _ got: Int, expected: Int) {
        let ok = got == expected
        if !ok { failedChecks += 1 }
        print("  \(ok ? "✓" : "✗") \(pad(name, 44)) \(pad(Self.grouped(got), 10, left: true))   expected \(Self.grouped(expected))")
    }

    /// A measured value against its target.
    func target(_ name: String, _ value: String, _ target: String, met: Bool) {
        print("  \(pad(name, 44)) \(pad(value, 12, left: true))   target \(pad(target, 10)) \(met ? "met" : "NOT MET")")
    }

    func heading(_ text: String) {
        print(text)
    }

    /// Seconds with millisecond precision: `12.345 s`.
    static func format(_ duration: Duration) -> String {
        String(format: "%.3f s", duration.seconds)
    }

    /// Bytes as mebibytes: `412 MB`.
    static func megabytes(_ bytes: Int) -> String {
        "\(bytes / (1 << 20)) MB"
    }

    /// A whole number with thousands separated: `4,300,000`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return number < 0 ? "-" + out : out
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let count = text.count
        guard count < width else { return text }
        let padding = String(repeating: " ", count: width - count)
        return left ? padding + text : text + padding
    }
}
