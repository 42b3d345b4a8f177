import ServiceKit

/// How large one attachment may be and how many one request or dossier may have.
///
/// Read from `ATTACHMENT_MAX_BYTES` (default 5 MiB, at most 20 MiB: a phone's photo of a
/// card is well under that) and `ATTACHMENT_MAX_FILES` (default 10, at most 50).
public struct AttachmentLimits: Sendable, Equatable {
    public static let maxBytesVariable = "ATTACHMENT_MAX_BYTES"
    public static let maxFilesVariable = "ATTACHMENT_MAX_FILES"
    public static let defaultMaxBytes = 5 * 1024 * 1024
    public static let defaultMaxFiles = 10

    /// The largest file taken, in bytes.
    public let maxBytes: Int
    /// The most files one request or dossier keeps.
    public let maxFiles: Int

    public init(maxBytes: Int = Self.defaultMaxBytes, maxFiles: Int = Self.defaultMaxFiles) {
        self.maxBytes = maxBytes
        self.maxFiles = maxFiles
    }

    /// The limits an environment sets.
    ///
    /// - Throws: `ConfigurationError` naming the variable that is not a whole number in range,
    ///   so the service refuses to start on it.
    public init(environment: [String: String]) throws(ConfigurationError) {
        self.init(maxBytes: try Self.number(Self.maxBytesVariable, environment, default: Self.defaultMaxBytes,
                                            range: 1...(20 * 1024 * 1024)),
                  maxFiles: try Self.number(Self.maxFilesVariable, environment, default: Self.defaultMaxFiles, range: 1...50))
    }

    /// The largest multipart body that can carry the files still allowed, with room for the
    /// parts' headers and the form's other fields.
    public var maxUploadBytes: Int { maxBytes * maxFiles + 64 * 1024 }

    private static func number(_ variable: String, _ environment: [String: String], default value: Int,
                               range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard let raw = environment[variable], !raw.isEmpty else { return value }
        guard let number = Int(raw), range.contains(number) else {
            throw ConfigurationError(variable: variable, value: raw,
                                         expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
