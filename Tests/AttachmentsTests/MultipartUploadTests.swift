import Attachments
import Foundation
import NIOCore
import TestSupport
import Testing

@Suite struct MultipartUploadTests {
    @Test func fieldsAndFilesAreTakenApartByName() throws {
        let form = MultipartForm([
            .field("phone", "0905123456"), .field("kind", "id-card"),
            .file("file", name: "mat-truoc.jpg", type: "image/jpeg", SamplePapers.jpeg),
            .file("file", name: "mat-sau.pdf", type: "application/pdf", SamplePapers.pdf),
        ])
        let upload = try MultipartUpload(body: ByteBuffer(bytes: form.body), contentType: form.contentType)
        #expect(upload.fields == ["phone": "0905123456", "kind": "id-card"])
        #expect(upload.files.map(\.field) == ["file", "file"])
        #expect(upload.files.map(\.bytes) == [SamplePapers.jpeg, SamplePapers.pdf])
    }

    @Test func aBodyThatIsNotMultipartIsRefused() {
        #expect(throws: MultipartUploadError.notMultipart) {
            try MultipartUpload(body: ByteBuffer(string: "{}"), contentType: "application/json")
        }
        #expect(throws: MultipartUploadError.notMultipart) {
            try MultipartUpload(body: ByteBuffer(string: "x"), contentType: "multipart/form-data")
        }
        #expect(throws: MultipartUploadError.malformed) {
            try MultipartUpload(body: ByteBuffer(string: "no boundary here"), contentType: MultipartForm([]).contentType)
        }
    }
}
