import Attachments
import Foundation
import Logging
import ServiceKit
import VietnameseIdentity

/// The applicant attaches photos or scans of their papers to their request, opened with its
/// code and the registered phone (``RequestAccess``): the API's upload and the portal's alike.
struct PaperAttachment: Sendable {
    let access: RequestAccess
    let store: AttachmentStore
    let clock: WallClock
    let logger: Logger

    /// Opens request `code` with the form's phone and keeps the form's files under its `kind`;
    /// refused with a field problem for a bad phone or kind, for each file that is not a JPEG,
    /// PNG or PDF by its content or is too large, and for files past the request's count.
    func attach(_ upload: MultipartUpload, to code: String, from client: ClientOrigin) async throws
        -> Result<[KeptAttachment], RequestRefusal> {
        try await Result(validating: { () throws(ValidationFailure) in try Self.fields(of: upload) }).then { fields in
            try await access.open(code, phone: fields.phone, from: client).then { record in
                let kept: [KeptAttachment]
                do {
                    kept = try await store.add(upload.files.map { ("file", fields.kind, $0.bytes) }, to: record.requestCode,
                                               branchCode: record.branch.code, channel: .web, at: clock.now())
                } catch let failure as ValidationFailure {
                    return .failure(.refused(.invalid(failure.errors)))
                }
                logger.info("attachments kept", metadata: .request(record.requestCode, ["files": "\(kept.count)"]))
                return .success(kept)
            }
        }
    }

    /// The form's phone and kind of paper.
    private static func fields(of upload: MultipartUpload) throws(ValidationFailure)
        -> (phone: VietnamesePhoneNumber, kind: AttachmentKind) {
        var validation = Validation()
        let phone = validation.required("phone", upload.fields["phone"], VietnamesePhoneNumber.init)
        let kind = validation.required("kind", upload.fields["kind"]) { (text: String) throws(AttachmentProblem) in
            guard let kind = AttachmentKind(rawValue: text) else { throw .unknownKind }
            return kind
        }
        return try validation.finish {
            guard let phone, let kind else { return nil }
            return (phone, kind)
        }
    }
}
