import Foundation
import GRDB

/// A file of SQL text written a megabyte at a time, with each stored value spelled as the SQL
/// literal that gives it back unchanged: `NULL`, integers and reals as numbers, text quoted
/// (`'` doubled), BLOBs as `X'…'` hex. The `sqlite3` 3.40 of Debian has no `unhex()`, and CSV
/// cannot carry binary, so sealed columns travel as hex literals the parser decodes.
final class SQLLiteralBuffer {
    private static let flushThreshold = 1 << 20
    private static let hexDigits = Array("0123456789abcdef".utf8)
    private let handle: FileHandle
    private var bytes: [UInt8] = []

    /// Creates (or truncates) the file at `path`.
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        bytes.reserveCapacity(Self.flushThreshold + (1 << 16))
    }

    /// Appends SQL text as it is.
    func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends `value` as a literal.
    func append(_ value: DatabaseValue) {
        switch value.storage {
        case .null:
            append("NULL")
        case .int64(let number):
            append(String(number))
        case .double(let number):
            // Swift prints the shortest text that reads back as the same double, always with a
            // `.` or an exponent, so SQLite stores it as a REAL again.
            append(number.description)
        case .string(let text):
            bytes.append(0x27)
            for byte in text.utf8 {
                if byte == 0x27 { bytes.append(0x27) }
                bytes.append(byte)
            }
            bytes.append(0x27)
        case .blob(let data):
            // Spelled into a buffer of its own, then appended once: byte by byte into the
            // stored array costs an exclusivity check per byte.
            let hex = [UInt8](unsafeUninitializedCapacity: data.count * 2 + 3) { buffer, count in
                buffer[0] = 0x58
                buffer[1] = 0x27
                var at = 2
                for byte in data {
                    buffer[at] = Self.hexDigits[Int(byte >> 4)]
                    buffer[at + 1] = Self.hexDigits[Int(byte & 0x0F)]
                    at += 2
                }
                buffer[at] = 0x27
                count = at + 1
            }
            bytes.append(contentsOf: hex)
        }
    }

    /// Writes out what is buffered once it passes a megabyte.
    func flushIfFull() throws {
        if bytes.count >= Self.flushThreshold { try flush() }
    }

    /// Writes out what is buffered and closes the file.
    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
