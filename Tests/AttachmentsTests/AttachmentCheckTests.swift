import Attachments
import Foundation
import NIOCore
import ServiceKit
import TestSupport
import Testing
import VietnameseIdentity

@Suite struct AttachmentCheckTests {
    @Test func theTypeIsReadFromTheBytes() {
        #expect(AttachmentContentType(sniffing: SamplePapers.png) == .png)
        #expect(AttachmentContentType(sniffing: SamplePapers.jpeg) == .jpeg)
        #expect(AttachmentContentType(sniffing: SamplePapers.pdf) == .pdf)
        #expect(AttachmentContentType(sniffing: SamplePapers.exe) == nil)
        #expect(AttachmentContentType(sniffing: Data("GIF89a".utf8)) == nil)
        #expect(AttachmentContentType(sniffing: Data([0xFF, 0xD8])) == nil)
    }

    @Test func aPNGRenamedPDFIsAPNG() throws {
        let form = MultipartForm([.file("file", name: "giay-xac-nhan.pdf", type: "application/pdf", SamplePapers.png)])
        let upload = try MultipartUpload(body: ByteBuffer(bytes: form.body), contentType: form.contentType)
        let files = try CheckedFile.checkAll(upload.files.map { ($0.field, .residenceConfirmation, $0.bytes) }, existing: 0,
                                             limits: AttachmentLimits())
        #expect(files.map(\.contentType) == [.png])
        #expect(files.first?.bytes == SamplePapers.png)
    }

    @Test func aProgramNamedJPEGIsRefusedWithAMessageInBothLanguages() throws {
        let form = MultipartForm([.file("file", name: "cccd.jpg", type: "image/jpeg", SamplePapers.exe)])
        let upload = try MultipartUpload(body: ByteBuffer(bytes: form.body), contentType: form.contentType)
        let failure = #expect(throws: ValidationFailure.self) {
            try CheckedFile.checkAll(upload.files.map { ($0.field, .idCard, $0.bytes) }, existing: 0, limits: AttachmentLimits())
        }
        #expect(failure?.errors.map(\.code) == ["attachment.unsupported_type"])
        #expect(failure?.errors.first?.field == "file")
        #expect(failure?.errors.first?.message.vi == "Chỉ nhận ảnh JPEG, PNG hoặc tệp PDF")
        #expect(failure?.errors.first?.message.en == "Only JPEG or PNG photos and PDF files are accepted")
    }

    @Test func aFileOverTheSizeLimitIsRefused() {
        let limits = AttachmentLimits(maxBytes: 1024, maxFiles: 10)
        let big = SamplePapers.jpeg + Data(repeating: 0, count: 1024)
        #expect(throws: AttachmentProblem.tooLarge(maxBytes: 1024)) {
            try CheckedFile(kind: .idCard, bytes: big, limits: limits)
        }
        #expect(AttachmentProblem.tooLarge(maxBytes: 5 * 1024 * 1024).message.vi == "Tệp lớn hơn 5 MB cho phép")
    }

    @Test func filesBeyondTheCountAreRefusedCountingThoseKept() {
        let limits = AttachmentLimits(maxBytes: 1024, maxFiles: 3)
        let two = [("file", AttachmentKind.idCard, SamplePapers.png), ("file", AttachmentKind.idCard, SamplePapers.pdf)]
        #expect(throws: Never.self) { try CheckedFile.checkAll(two, existing: 1, limits: limits) }
        let failure = #expect(throws: ValidationFailure.self) { try CheckedFile.checkAll(two, existing: 2, limits: limits) }
        #expect(failure?.errors.map(\.code) == ["attachment.too_many"])
    }

    @Test func anUploadWithoutAFileOrWithAnEmptyOneIsRefused() {
        #expect((try? CheckedFile.checkAll([], existing: 0, limits: AttachmentLimits())) == nil)
        #expect(throws: AttachmentProblem.missing) { try CheckedFile(kind: .other, bytes: Data(), limits: AttachmentLimits()) }
    }

    @Test func theLimitsComeFromTheEnvironmentWithinRange() throws {
        #expect(try AttachmentLimits(environment: [:]) == AttachmentLimits(maxBytes: 5 * 1024 * 1024, maxFiles: 10))
        #expect(try AttachmentLimits(environment: ["ATTACHMENT_MAX_BYTES": "2048", "ATTACHMENT_MAX_FILES": "3"])
            == AttachmentLimits(maxBytes: 2048, maxFiles: 3))
        #expect(throws: ConfigurationError.self) { try AttachmentLimits(environment: ["ATTACHMENT_MAX_FILES": "0"]) }
        #expect(throws: ConfigurationError.self) { try AttachmentLimits(environment: ["ATTACHMENT_MAX_BYTES": "5MB"]) }
    }
}
