import CSV
import Foundation

/// Streams a CSV file the way the billing system writes one, a field at a time, through the
/// CSV library's writer (RFC 4180 quoting, CRLF line ends, optionally a byte order mark):
/// records are written out a megabyte at a time, so a file of millions of rows takes bounded memory.
final class CSVFileWriter {
    private static let flushThreshold = 1 << 20
    private let handle: FileHandle
    private var writer: CSVWriter
    private var record: [String] = []

    /// Creates (or truncates) the file at `path`.
    init(path: String, byteOrderMark: Bool) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        writer = CSVWriter(byteOrderMark: byteOrderMark)
    }

    /// Appends one field to the current record.
    func field(_ text: String) {
        record.append(text)
    }

    /// Appends a whole number as a field.
    func field(_ number: Int) {
        record.append(String(number))
    }

    /// Appends an empty field.
    func emptyField() {
        record.append("")
    }

    /// Ends the current record, writing out what is buffered once it passes a megabyte.
    func endRecord() throws {
        writer.write(record)
        record.removeAll(keepingCapacity: true)
        if writer.data.count >= Self.flushThreshold { try writer.flush(to: handle) }
    }

    /// Writes out what is buffered and closes the file.
    func close() throws {
        try writer.flush(to: handle)
        try handle.close()
    }
}
