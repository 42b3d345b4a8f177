/// Why the harness could not go on: a service that did not start, an answer it did not expect.
public struct FlowError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
