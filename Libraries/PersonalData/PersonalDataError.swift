/// Why personal data could not be sealed or opened.
public enum PersonalDataError: Error, Sendable, Equatable {
    /// The configured key is not 32 bytes in base64.
    case invalidKey
    /// The sealed bytes were not sealed with this key, or were altered.
    case cannotOpen
}
