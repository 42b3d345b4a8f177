import Attachments
import Foundation
import Hummingbird

extension DossierAttachments.Kept {
    /// The name a downloaded copy is saved under: the dossier, the kind, the id's start and the
    /// extension of the type read from the bytes.
    var downloadName: String {
        "\(dossierId)-\(kind.rawValue)-\(attachmentId.prefix(8))"
            + ".\(AttachmentContentType(rawValue: contentType)?.fileExtension ?? "bin")"
    }

    /// `bytes`, this paper's, as a download of its sniffed type, never cached: the API's answer
    /// and the dossier page's link alike.
    func download(_ bytes: Data) -> Response {
        Response(status: .ok,
                 headers: [.contentType: contentType, .contentDisposition: "attachment; filename=\"\(downloadName)\"",
                           .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
