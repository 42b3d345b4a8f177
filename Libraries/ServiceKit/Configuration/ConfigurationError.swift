/// A configuration variable holds a value the service cannot use.
///
/// Thrown when the service starts, before it touches the store or the broker, and names the
/// variable so that the operator knows which line of the deployment to fix. The description
/// never shows the value: many variables carry a secret (`AMQP_URL` its password, the keys
/// themselves), and start-up errors end up in logs that more people read than the secrets' owners.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The environment variable's name, for example `HTTP_PORT`.
    public let variable: String
    /// The value that was found, for the code that handles the error; never part of the
    /// description. Nil for the secrets ``ServiceConfiguration`` reads, which it does not keep.
    public let value: String?
    /// What the variable accepts, in words.
    public let expected: String

    /// Creates the error for a variable whose value could not be used.
    public init(variable: String, value: String?, expected: String) {
        self.variable = variable
        self.value = value
        self.expected = expected
    }

    public var description: String {
        "Invalid \(variable): expected \(expected)."
    }
}
