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

    /// A header name is ASCII; a byte beyond it once stopped intake (MultipartKit read past its
    /// table), where the body must be refused. A file name in UTF-8, in a header's value, is kept.
    @Test func aHeaderNameBeyondASCIIIsRefusedAndAFileNameInUTF8IsNot() throws {
        let boundary = "20a9f6e1891f941ba6b4a7cfd4a8b4d0"
        let contentType = "multipart/form-data; boundary=\(boundary)"
        var fuzzed = Array("--\(boundary)\r\nh".utf8) + [0xF2, 0x82, 0x95, 0x9C, 0xC3, 0x92]
        fuzzed += Array("--\(boundary)--\r\n".utf8)
        #expect(throws: MultipartUploadError.malformed) {
            try MultipartUpload(body: ByteBuffer(bytes: fuzzed), contentType: contentType)
        }
        let named = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"giấy tờ.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--\(boundary)--\r\n"
        let upload = try MultipartUpload(body: ByteBuffer(string: named + "Ghi chú: phần kết"), contentType: contentType)
        #expect(upload.files.map(\.field) == ["file"])
        #expect(upload.files.first?.bytes == Data("%PDF-1.4".utf8))
    }
}
