import Foundation

/// A `multipart/form-data` body as a browser's form or `curl -F` sends it.
public struct MultipartForm: Sendable {
    public enum Part: Sendable {
        case field(String, String)
        /// A file part: the form field, the file name and the content type the sender claims, the bytes.
        case file(String, name: String, type: String, Data)
    }

    public static let boundary = "----evn-boundary-7MA4YWxkTrZu0gW"
    public let contentType = "multipart/form-data; boundary=\(Self.boundary)"
    public let body: Data

    public init(_ parts: [Part]) {
        var data = Data()
        for part in parts {
            data += Data("--\(Self.boundary)\r\n".utf8)
            switch part {
            case .field(let name, let value):
                data += Data("Content-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
            case .file(let name, let filename, let type, let bytes):
                data += Data("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n".utf8)
                data += Data("Content-Type: \(type)\r\n\r\n".utf8) + bytes + Data("\r\n".utf8)
            }
        }
        body = data + Data("--\(Self.boundary)--\r\n".utf8)
    }
}

/// Files as a customer's phone or scanner makes them (their first bytes are real), and a file
/// pretending to be one.
public enum SamplePapers {
    public static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        + (0..<200).map { UInt8($0 & 0xFF) })
    public static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16] + Array("JFIF".utf8) + (0..<200).map { UInt8(255 - $0) })
    public static let pdf = Data("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n(CCCD 049088012345)\n%%EOF\n".utf8)
    /// A Windows program (`MZ`), whatever it is named.
    public static let exe = Data([0x4D, 0x5A, 0x90, 0x00, 0x03] + [UInt8](repeating: 0, count: 60))
}
