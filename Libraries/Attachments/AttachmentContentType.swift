/// The kinds of file a customer or an officer may attach: photos and scans of papers.
///
/// A file's type is read from its first bytes (its magic number), never from its name or the
/// content type its sender declared: a program renamed `cccd.jpg` is still a program, and a
/// PNG named `.pdf` is served back as the PNG it is.
public enum AttachmentContentType: String, Sendable, Hashable, CaseIterable, Codable {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case pdf = "application/pdf"

    /// The media type the file is stored and served under.
    public var mediaType: String { rawValue }

    /// The extension a downloaded copy is named with.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .pdf: "pdf"
        }
    }

    /// How pages name the type to people: `JPG`, `PNG`, `PDF`.
    public var shown: String { fileExtension.uppercased() }

    /// How pages name a stored file's media type: the accepted type's ``shown`` name, or the
    /// media type as stored when it is none of them.
    public static func shown(mediaType: String) -> String {
        AttachmentContentType(rawValue: mediaType)?.shown ?? mediaType
    }

    /// The type `bytes` begin like, or nil when they are none of the accepted ones.
    public init?(sniffing bytes: some Collection<UInt8>) {
        let head = Array(bytes.prefix(8))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if head.starts(with: Array("%PDF-".utf8)) {
            self = .pdf
        } else {
            return nil
        }
    }
}
