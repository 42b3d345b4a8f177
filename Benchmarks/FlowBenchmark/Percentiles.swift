/// Latency percentiles over a set of durations, in milliseconds.
struct Percentiles {
    private let sorted: [Double]

    init(_ durations: [Duration]) {
        sorted = durations.map { Double($0.components.seconds) * 1000 + Double($0.components.attoseconds) / 1e15 }.sorted()
    }

    /// The `p`-th percentile (0–100), nearest rank.
    func value(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
