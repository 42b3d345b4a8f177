import VietnameseIdentity

/// What is wrong with a file a customer or officer attached, with a message they can act on.
public enum AttachmentProblem: FieldProblem, Hashable {
    /// The file is not a JPEG, PNG or PDF, whatever its name says.
    case unsupportedType
    /// The file is larger than ``AttachmentLimits/maxBytes``.
    case tooLarge(maxBytes: Int)
    /// The request or dossier would have more than ``AttachmentLimits/maxFiles`` files.
    case tooMany(maxFiles: Int)
    /// The upload carries no file, or an empty one.
    case missing
    /// The kind is not one of ``AttachmentKind``'s.
    case unknownKind

    public var code: String {
        switch self {
        case .unsupportedType: "attachment.unsupported_type"
        case .tooLarge: "attachment.too_large"
        case .tooMany: "attachment.too_many"
        case .missing: "attachment.missing"
        case .unknownKind: "attachment.unknown_kind"
        }
    }

    public var message: LocalizedMessage {
        switch self {
        case .unsupportedType:
            LocalizedMessage(vi: "Chỉ nhận ảnh JPEG, PNG hoặc tệp PDF",
                             en: "Only JPEG or PNG photos and PDF files are accepted")
        case .tooLarge(let maxBytes):
            LocalizedMessage(vi: "Tệp lớn hơn \(Self.shown(maxBytes)) cho phép",
                             en: "The file is larger than the \(Self.shown(maxBytes)) allowed")
        case .tooMany(let maxFiles):
            LocalizedMessage(vi: "Mỗi hồ sơ chỉ được đính kèm tối đa \(maxFiles) tệp",
                             en: "At most \(maxFiles) files can be attached")
        case .missing:
            LocalizedMessage(vi: "Chưa chọn tệp, hoặc tệp trống", en: "No file was chosen, or it is empty")
        case .unknownKind:
            LocalizedMessage(vi: "Loại giấy tờ không hợp lệ: \(AttachmentKind.allCases.map(\.rawValue).joined(separator: ", "))",
                             en: "The kind of paper must be one of \(AttachmentKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// A size in MB (KB below one), as a person reads it.
    private static func shown(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MB" : "\(max(1, bytes / 1024)) KB"
    }
}
