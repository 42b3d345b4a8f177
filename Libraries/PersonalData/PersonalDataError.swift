/// Why personal data could not be sealed or opened.
public enum PersonalDataError: Error, Sendable, Equatable {
    /// The configured key is not 32 bytes in base64.
    case invalidKey
    /// A key id is not 1 to 16 ASCII letters or digits, or a key list gives one twice.
    case invalidKeyId
    /// The sealed bytes were not sealed with any configured key, or were altered.
    case cannotOpen
}
