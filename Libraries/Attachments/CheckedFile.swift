import Foundation
import VietnameseIdentity

/// A file that passed the checks: its bytes, of a type read from them, within the size limit.
public struct CheckedFile: Sendable, Equatable {
    public let kind: AttachmentKind
    public let contentType: AttachmentContentType
    public let bytes: Data

    /// Checks `bytes` against `limits`: a type read from the content, a size within the limit.
    ///
    /// - Throws: ``AttachmentProblem`` `missing`, `tooLarge` or `unsupportedType`.
    public init(kind: AttachmentKind, bytes: Data, limits: AttachmentLimits) throws(AttachmentProblem) {
        guard !bytes.isEmpty else { throw .missing }
        guard bytes.count <= limits.maxBytes else { throw .tooLarge(maxBytes: limits.maxBytes) }
        guard let type = AttachmentContentType(sniffing: bytes) else { throw .unsupportedType }
        self.kind = kind
        self.contentType = type
        self.bytes = bytes
    }

    /// Checks each of `files` (the field each came in, the kind it was given as, its bytes),
    /// given that `existing` are already kept: every problem at its field, so the sender
    /// fixes them all at once.
    ///
    /// - Throws: `ValidationFailure` with one `FieldError` per refused file, and one for the count.
    public static func checkAll(_ files: [(field: String, kind: AttachmentKind, bytes: Data)], existing: Int,
                                limits: AttachmentLimits) throws(ValidationFailure) -> [CheckedFile] {
        var errors: [FieldError] = []
        if files.isEmpty { errors.append(FieldError(field: "file", problem: AttachmentProblem.missing)) }
        if existing + files.count > limits.maxFiles {
            errors.append(FieldError(field: "file", problem: AttachmentProblem.tooMany(maxFiles: limits.maxFiles)))
        }
        var checked: [CheckedFile] = []
        for file in files {
            do {
                checked.append(try CheckedFile(kind: file.kind, bytes: file.bytes, limits: limits))
            } catch {
                errors.append(FieldError(field: file.field, problem: error))
            }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors: errors) }
        return checked
    }
}
