/// What an attached file really is, told by its first bytes rather than by the name
/// or type its sender gave it: the kinds the company keeps from customers' mail (photos
/// of a meter or a damaged line, scanned papers).
public enum AttachmentContent: String, Sendable, Hashable, CaseIterable {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case pdf = "application/pdf"

    /// The kind `bytes` begin like; nil for anything else.
    public init?(sniffing bytes: [UInt8]) {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if bytes.starts(with: Array("%PDF-".utf8)) {
            self = .pdf
        } else {
            return nil
        }
    }

    /// The media type the file is kept and shown as.
    public var mediaType: String { rawValue }
}
