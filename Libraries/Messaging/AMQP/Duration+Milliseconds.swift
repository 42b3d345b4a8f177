extension Duration {
    /// Whole milliseconds, rounded up so that a short positive wait never becomes a busy poll.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
