/// Latency percentiles over a set of durations, in milliseconds, as the benchmarks print them.
public struct Percentiles: Sendable {
    private let sorted: [Double]

    public init(_ durations: [Duration]) {
        sorted = durations.map(\.milliseconds).sorted()
    }

    /// The `p`-th percentile (0–100), nearest rank.
    public func value(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// The longest duration.
    public var maximum: Double { sorted.last ?? .nan }
}

extension Duration {
    /// The duration in milliseconds, fractions kept.
    public var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }

    /// The duration in seconds, fractions kept.
    public var seconds: Double { milliseconds / 1000 }
}
