import Foundation

/// Streams the records of a CSV file (RFC 4180, UTF-8) one at a time, in bounded memory.
///
/// Imports such as the CMIS customer export run to millions of rows and hundreds of megabytes,
/// and must keep pace with `sqlite3 .import`; well-kept packages do not fit that (SwiftCSV
/// loads the whole file into memory, and CSV.swift walks Unicode scalars one at a time), so
/// this reader reads fixed-size chunks and scans raw bytes, building a `String` only per field.
/// Memory stays within one chunk plus twice the longest record (an unterminated quote makes
/// the rest of the input one record).
///
/// Each element is a `Result`: a malformed record comes out as a ``CSVError`` carrying its line,
/// and the next element is the next record, so an import reports "line 17: …" and goes on.
/// A UTF-8 byte order mark is skipped, LF, CRLF and lone CR all end a line, blank lines are
/// skipped (but counted), and the last line needs no line end. Fields come out in Unicode NFC.
///
/// Iterating starts from the beginning of the input each time; iterators are independent.
public struct CSVReader: Sequence {
    /// Reads 1 MiB at a time: large enough that per-read costs vanish, small next to the
    /// memory budget of an import.
    public static let defaultChunkSize = 1 << 20

    /// Where the bytes come from.
    fileprivate enum Source {
        case file(FileHandle)
        case memory(Data)
    }

    private let source: Source
    private let chunkSize: Int

    /// Reads the file at `path`.
    /// - Parameters:
    ///   - path: the file to read.
    ///   - chunkSize: how many bytes to read at a time; must be positive.
    /// - Throws: when the file cannot be opened.
    public init(path: String, chunkSize: Int = CSVReader.defaultChunkSize) throws {
        precondition(chunkSize > 0, "chunkSize must be positive")
        source = .file(try FileHandle(forReadingFrom: URL(fileURLWithPath: path)))
        self.chunkSize = chunkSize
    }

    /// Reads a CSV document already in memory, such as an uploaded request body.
    /// - Parameters:
    ///   - data: the document.
    ///   - chunkSize: how many bytes to take into the scan buffer at a time; must be positive.
    public init(data: Data, chunkSize: Int = CSVReader.defaultChunkSize) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        source = .memory(data)
        self.chunkSize = chunkSize
    }

    public func makeIterator() -> Iterator {
        Iterator(source: source, chunkSize: chunkSize)
    }
}

extension CSVReader {
    /// Walks the records of the input from its start.
    ///
    /// A value type, so the hot path pays no exclusivity checks; it keeps its own offset into
    /// the input, so iterators of one reader do not disturb each other.
    public struct Iterator: IteratorProtocol {
        private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

        private let source: Source
        private let chunkSize: Int
        /// How far into the input has been read into `buffer`.
        private var offset = 0
        /// Whether the input is exhausted, which makes the end of `buffer` the end of the input.
        private var isAtEnd = false
        /// Bytes read and not yet consumed start at `position`; a record in progress is kept whole.
        private var buffer: [UInt8] = []
        private var position = 0
        /// The physical line the next record starts on.
        private var line = 1
        private var hasCheckedByteOrderMark = false
        private var scanner = RecordScanner()
        private var decoder = FieldDecoder()

        fileprivate init(source: Source, chunkSize: Int) {
            self.source = source
            self.chunkSize = chunkSize
            buffer.reserveCapacity(chunkSize)
        }

        /// The next record, or the error that kept the next record from being read; nil at the end.
        public mutating func next() -> Result<CSVRecord, CSVError>? {
            while true {
                if !hasCheckedByteOrderMark {
                    if buffer.count < Self.byteOrderMark.count, !isAtEnd {
                        if let failure = readChunk() { return .failure(failure) }
                        continue
                    }
                    if buffer.starts(with: Self.byteOrderMark) { position = Self.byteOrderMark.count }
                    hasCheckedByteOrderMark = true
                }

                let (start, isFinal) = (position, isAtEnd)
                let outcome = buffer.withUnsafeBufferPointer { scanner.scan($0, from: start, isFinal: isFinal) }
                let recordLine = line
                switch outcome {
                case .record(let end, let lineBreaks):
                    position = end
                    line += lineBreaks
                    return decodeFields(line: recordLine)
                case .blankLine(let end):
                    position = end
                    line += 1
                case .malformed(let reason, let field, let end, let lineBreaks):
                    position = end
                    line += lineBreaks
                    return .failure(CSVError(line: recordLine, field: field, reason: reason))
                case .needsMoreInput:
                    if let failure = readChunk() { return .failure(failure) }
                case .endOfInput:
                    return nil
                }
            }
        }

        private mutating func decodeFields(line: Int) -> Result<CSVRecord, CSVError> {
            var fields: [String] = []
            fields.reserveCapacity(scanner.fields.count)
            for (index, span) in scanner.fields.enumerated() {
                guard let text = buffer.withUnsafeBufferPointer({ decoder.decode(span, in: $0) }) else {
                    return .failure(CSVError(line: line, field: index + 1, reason: .invalidUTF8))
                }
                fields.append(text)
            }
            return .success(CSVRecord(line: line, fields: fields))
        }

        /// Drops the consumed bytes and appends the next chunk, or marks the input exhausted.
        ///
        /// A record that has outgrown a chunk gets a read as large as itself, so its rescans add
        /// up to twice its length rather than growing with the square of it.
        /// - Returns: an error when the file cannot be read further; the stream then ends.
        private mutating func readChunk() -> CSVError? {
            buffer.removeSubrange(0..<position)
            position = 0
            let readSize = Swift.max(chunkSize, buffer.count)
            switch source {
            case .file(let handle):
                do {
                    try handle.seek(toOffset: UInt64(offset))
                    guard let chunk = try handle.read(upToCount: readSize), !chunk.isEmpty else {
                        isAtEnd = true
                        return nil
                    }
                    buffer.append(contentsOf: chunk)
                    offset += chunk.count
                } catch {
                    isAtEnd = true
                    buffer.removeAll()
                    return CSVError(line: line, reason: .readFailed)
                }
            case .memory(let data):
                let start = data.startIndex + offset
                let end = Swift.min(start + readSize, data.endIndex)
                buffer.append(contentsOf: data[start..<end])
                offset += end - start
                isAtEnd = end == data.endIndex
            }
            return nil
        }
    }
}
