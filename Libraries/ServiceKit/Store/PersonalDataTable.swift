import PersonalData

/// A table of a service's store that holds personal data: what `evnctl reseal` rewrites when
/// the personal-data key changes.
///
/// Each service lists its tables (``ServiceDefinition/personalDataTables``) beside its schema,
/// so the list and the columns it names change together.
public struct PersonalDataTable: Sendable {
    /// A fingerprint column and how to make its value again from a sealed column of the same row.
    public struct Fingerprint: Sendable {
        public let column: String
        /// The sealed column holding what was fingerprinted.
        public let source: String
        /// What is fingerprinted, from the opened source; `nil` leaves the fingerprint as it is.
        public let value: @Sendable (String) -> String?

        public init(_ column: String, from source: String, value: @escaping @Sendable (String) -> String? = { $0 }) {
            self.column = column
            self.source = source
            self.value = value
        }
    }

    public let name: String
    /// The primary-key column: rows are rewritten in its order, a batch at a time.
    public let key: String
    /// Columns holding ``PersonalDataProtector/seal(_:)``'s or ``PersonalDataProtector/seal(bytes:)``'s
    /// bytes (or NULL): sealed texts and sealed files are re-sealed alike.
    public let sealed: [String]
    public let fingerprints: [Fingerprint]

    public init(_ name: String, key: String, sealed: [String], fingerprints: [Fingerprint] = []) {
        self.name = name
        self.key = key
        self.sealed = sealed
        self.fingerprints = fingerprints
    }
}
