import Foundation

/// The columns an import needs, located by name in a file's header record, so callers read
/// fields by name and files from other systems may order columns freely or add their own.
///
/// Names match case-insensitively, ignoring surrounding whitespace and Unicode normalisation,
/// because headers are typed by people in spreadsheets. Columns nobody asked for are ignored;
/// when a name appears twice, the first column wins.
public struct CSVHeader: Sendable {
    /// Required columns the header record lacks, named as the caller spelled them.
    public struct MissingColumns: Error, Sendable, Equatable {
        /// The line of the header record.
        public let line: Int
        /// The missing names, in the order they were required.
        public let names: [String]
    }

    /// Each required name, as the caller spelled it, with its column's 0-based position.
    public let indices: [String: Int]

    /// Locates `required` in `header`.
    /// - Parameters:
    ///   - header: the file's first record.
    ///   - required: the column names the caller will read.
    /// - Throws: ``MissingColumns`` listing every required name the header lacks.
    public init(_ header: CSVRecord, requiring required: [String]) throws(MissingColumns) {
        var positions: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            positions[Self.key(name)] = positions[Self.key(name)] ?? index
        }
        var indices: [String: Int] = [:]
        var missing: [String] = []
        for name in required {
            if let index = positions[Self.key(name)] {
                indices[name] = index
            } else {
                missing.append(name)
            }
        }
        guard missing.isEmpty else { throw MissingColumns(line: header.line, names: missing) }
        self.indices = indices
    }

    /// The field of `record` in the column named `name`, or nil when the record is too short
    /// to have it or `name` was not among the required names.
    public func value(_ name: String, in record: CSVRecord) -> String? {
        guard let index = indices[name], index < record.fields.count else { return nil }
        return record.fields[index]
    }

    private static func key(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping.lowercased()
    }
}
