import Foundation
import MultipartKit
import NIOCore

/// A `multipart/form-data` body taken apart: its text fields and its files, each by the name
/// of the form field that carried it. Parsed by MultipartKit; what a part's name or file name
/// says is kept only as a label, never trusted for the type (``CheckedFile``).
public struct MultipartUpload: Sendable {
    /// One file part: the form field it came in and its bytes.
    public struct File: Sendable {
        public let field: String
        public let bytes: Data
    }

    /// Text fields by name (the first value of each).
    public private(set) var fields: [String: String] = [:]
    /// File parts in the order sent.
    public private(set) var files: [File] = []

    /// Parses `body` sent with `contentType` (`multipart/form-data; boundary=…`).
    ///
    /// - Throws: ``MultipartUploadError`` when the content type is not multipart with a
    ///   boundary, or the body does not follow it.
    public init(body: ByteBuffer, contentType: String?) throws(MultipartUploadError) {
        guard let contentType, let boundary = Self.boundary(of: contentType) else { throw .notMultipart }
        guard !Self.hasHeaderNameBeyondASCII(body, boundary: boundary) else { throw .malformed }
        var parts: [(headers: [(String, String)], body: ByteBuffer)] = []
        var headers: [(String, String)] = []
        var partBody = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers.append((name, value)) }
        parser.onBody = { chunk in partBody.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append((headers, partBody))
            headers = []
            partBody = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw .malformed
        }
        guard !parts.isEmpty else { throw .malformed }
        for part in parts {
            guard let disposition = part.headers.first(where: { $0.0.lowercased() == "content-disposition" })?.1,
                  let name = Self.parameter("name", of: disposition) else { continue }
            let bytes = Data(part.body.readableBytesView)
            if Self.parameter("filename", of: disposition) != nil {
                files.append(File(field: name, bytes: bytes))
            } else if fields[name] == nil {
                fields[name] = String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    /// Whether a line of a part's headers has a byte of 128 or more before its colon. A header
    /// name is ASCII (RFC 9110), and MultipartKit 4.7 looks each byte of a name up in a table of
    /// 128 entries, so such a byte would stop the process instead of failing the parse.
    static func hasHeaderNameBeyondASCII(_ body: ByteBuffer, boundary: String) -> Bool {
        let bytes = body.readableBytesView
        let delimiter = Array("--\(boundary)".utf8)
        var index = bytes.startIndex
        while let found = bytes[index...].firstRange(of: delimiter) {
            index = found.upperBound
            // The closing delimiter (`--boundary--`): what follows is the epilogue, not headers.
            if bytes[index...].starts(with: [45, 45]) { return false }
            guard let lineEnd = bytes[index...].firstRange(of: [13, 10]) else { return false }
            var line = lineEnd.upperBound
            while line < bytes.endIndex, bytes[line] != 13 {
                var position = line
                while position < bytes.endIndex, bytes[position] != 58, bytes[position] != 13 {
                    if bytes[position] >= 128 { return true }
                    position += 1
                }
                guard let next = bytes[position...].firstRange(of: [13, 10]) else { return false }
                line = next.upperBound
            }
            index = line
        }
        return false
    }

    /// The `boundary` parameter of a `multipart/form-data` content type.
    static func boundary(of contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data",
              let boundary = parameter("boundary", in: pieces.dropFirst()), !boundary.isEmpty, boundary.count <= 70 else {
            return nil
        }
        return boundary
    }

    /// A header's parameter (`name="file"`), unquoted.
    static func parameter(_ name: String, of header: String) -> String? {
        parameter(name, in: header.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
    }

    private static func parameter(_ name: String, in pieces: some Sequence<String>) -> String? {
        for piece in pieces {
            guard let equals = piece.firstIndex(of: "="),
                  piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}

/// A body that is not the multipart form an upload endpoint takes.
public enum MultipartUploadError: Error, Sendable {
    /// The content type is not `multipart/form-data` with a boundary.
    case notMultipart
    /// The body does not follow its boundary.
    case malformed
}
