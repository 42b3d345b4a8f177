import Contracts
import Crypto
import Foundation
import HTTPTypes
import Hummingbird

extension Response {
    /// The copy signed under request `requestCode` as a download (`Content-Disposition:
    /// attachment`, named `hop-dong-<request code>.html`), its bytes exactly those signed, never
    /// cached; their SHA-256 rides along in `Repr-Digest` (RFC 9530), so a client can check them
    /// without reading any page.
    public static func signedCopy(_ document: SignedDocument, requestCode: String) -> Response {
        let name = "hop-dong-\(requestCode.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }).html"
        let bytes = Data(document.text.utf8)
        let headers: HTTPFields = [
            .contentType: document.mediaType, .contentDisposition: "attachment; filename=\"\(name)\"",
            .cacheControl: "no-store", .reprDigest: "sha-256=:\(Data(SHA256.hash(data: bytes)).base64EncodedString()):",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension HTTPField.Name {
    static let reprDigest = HTTPField.Name("Repr-Digest")!
}
