import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import WebPages

/// `GET /nhan-vien/tep-dinh-kem/{id}`: a kept attachment's bytes, for an officer of the branch
/// that handles its request (duty `tickets`: customer service or the branch head; corporation
/// staff for every branch), signed in as on every staff page (``StaffPageSession``).
///
/// The file lives in intake, sealed; crm's ticket page lists the request's attachments from
/// `intake.attachment.added` and links each here, on intake's staff address (crm's
/// `INTAKE_STAFF_URL`). Like `/tong-dai`, the path is for the internal network: the public
/// reverse proxy does not forward `/nhan-vien`. Another branch's file, and an unknown id, are
/// the same 404, so an id tells nothing to who may not open it. The answer is a download
/// (`Content-Disposition: attachment`) of the type read from the file's bytes (every answer
/// carries `nosniff`, ``SecurityHeaders``), never cached.
struct AttachmentDownload: Sendable {
    static let path = "nhan-vien/tep-dinh-kem/:id"

    let store: AttachmentStore
    let session: StaffPageSession

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, context in
            let staff = try await session.visitor(request, context, for: .tickets)
            guard let (attachment, bytes) = try await store.file(context.parameters.require("id")),
                  staff.claims.mayAccess(unit: attachment.branchCode) else {
                throw APIError.notFound(vi: "tệp đính kèm", en: "attachment")
            }
            return Response(
                status: .ok,
                headers: [.contentType: attachment.contentType.mediaType,
                          .contentDisposition: "attachment; filename=\"\(attachment.downloadName)\"",
                          .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
