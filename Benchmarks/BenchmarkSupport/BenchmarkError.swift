/// Why a benchmark could not measure, or what its own checks found wrong.
public struct BenchmarkError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
