import Contracts
import Foundation
import GRDB
@testable import Intake
import TestSupport
import Testing

/// `POST /api/v1/requests/{code}/attachments` as the applicant uses it, and
/// `GET /nhan-vien/tep-dinh-kem/{id}` as the branch's officer downloads what they sent.
@Suite struct AttachmentTests {
    static func upload(_ intake: IntakeHarness, _ code: String, phone: String = "0912 345 678", kind: String = "id-card",
                       files: [MultipartForm.Part]) async throws -> HTTPAnswer {
        let form = MultipartForm([.field("phone", phone), .field("kind", kind)] + files)
        return try await intake.call("POST", "api/v1/requests/\(code)/attachments", body: form.body,
                                     headers: ["Content-Type": form.contentType])
    }

    @Test func aPhotoAndAScanAreKeptSealedAnnouncedAndDownloadedByTheBranch() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()

            let answer = try await Self.upload(intake, code, files: [
                .file("file", name: "cccd-mat-truoc.jpg", type: "image/jpeg", SamplePapers.jpeg),
                .file("file", name: "cccd-mat-sau.pdf", type: "application/pdf", SamplePapers.png),
            ])

            let kept = try #require(try answer.expect(201)["attachments"] as? [[String: Any]])
            #expect(kept.map { $0["contentType"] as? String } == ["image/jpeg", "image/png"])
            #expect(kept.map { $0["kind"] as? String } == ["id-card", "id-card"])
            #expect(kept.map { $0["byteCount"] as? Int } == [SamplePapers.jpeg.count, SamplePapers.png.count])
            let id = try #require(kept.last?["attachmentId"] as? String)

            let events = try await intake.awaitSent(AttachmentAdded.routingKey, count: 2)
            #expect(events.map { $0["requestCode"] as? String } == [code, code])
            #expect(events.last?["attachmentId"] as? String == id)
            #expect(events.last?["branchCode"] as? String == "PC05TK")
            #expect(events.last?["contentType"] as? String == "image/png")
            #expect(events.allSatisfy { $0["bytes"] == nil && $0["content"] == nil })

            let stored = try intake.storeBytes()
            #expect(stored.range(of: SamplePapers.png) == nil)
            #expect(stored.range(of: SamplePapers.jpeg) == nil)
            #expect(try await intake.count("intake_attachments") == 2)

            let officer = try await intake.token(.customerService, unit: "PC05TK")
            let download = try await intake.staffPage("nhan-vien/tep-dinh-kem/\(id)", token: officer)
            #expect(download.status == 200)
            #expect(download.body == SamplePapers.png)
            #expect(download.header("Content-Type") == "image/png")
            #expect(download.header("Content-Disposition")?.contains("\(code)-id-card-") == true)

            let otherBranch = try await intake.token(.customerService, unit: "PC05HA")
            let refused = try await intake.staffPage("nhan-vien/tep-dinh-kem/\(id)", token: otherBranch)
            #expect(refused.status == 404)
            #expect(refused.body != SamplePapers.png)
            let corporation = try await intake.token(.branchHead, unit: "CORP")
            #expect(try await intake.staffPage("nhan-vien/tep-dinh-kem/\(id)", token: corporation).body == SamplePapers.png)
            let deskOnly = try await intake.token(.callCentre, unit: "PC05TK")
            #expect(try await intake.staffPage("nhan-vien/tep-dinh-kem/\(id)", token: deskOnly).status == 403)
        }
    }

    @Test func aProgramNamedJPEGAWrongKindAndAWrongPhoneAreRefused() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()

            let program = try await Self.upload(intake, code, files: [.file("file", name: "cccd.jpg", type: "image/jpeg", SamplePapers.exe)])
            #expect(program.status == 422)
            #expect(try program.errorFields() == ["file"])
            #expect(try program.errorCodes() == ["attachment.unsupported_type"])
            let message = try #require((try program.json()["errors"] as? [[String: Any]])?.first?["message"] as? [String: String])
            #expect(message["vi"] == "Chỉ nhận ảnh JPEG, PNG hoặc tệp PDF")
            #expect(message["en"] == "Only JPEG or PNG photos and PDF files are accepted")

            let badKind = try await Self.upload(intake, code, kind: "passport", files: [.file("file", name: "a.png", type: "image/png", SamplePapers.png)])
            #expect(try badKind.errorCodes() == ["attachment.unknown_kind"])
            #expect(try badKind.errorFields() == ["kind"])

            let wrongPhone = try await Self.upload(intake, code, phone: "0987 654 321", files: [.file("file", name: "a.png", type: "image/png", SamplePapers.png)])
            #expect(wrongPhone.status == 404)

            let json = try await intake.post("api/v1/requests/\(code)/attachments", ["phone": "0912 345 678"])
            #expect(json.status == 400)
            #expect(try json.errorCodes() == ["body.not_multipart"])

            #expect(try await intake.count("intake_attachments") == 0)
            #expect(try await intake.sent(AttachmentAdded.routingKey).isEmpty)
        }
    }

    @Test func aFileTooLargeAndFilesBeyondTheCountAreRefusedWithTheLimitInTheMessage() async throws {
        try await IntakeHarness.run(environment: ["ATTACHMENT_MAX_BYTES": "4096", "ATTACHMENT_MAX_FILES": "2"]) { intake in
            let code = try await intake.submitSample()
            let large = SamplePapers.jpeg + Data(repeating: 7, count: 5000)

            let tooLarge = try await Self.upload(intake, code, files: [.file("file", name: "so-ho-khau.jpg", type: "image/jpeg", large)])
            #expect(tooLarge.status == 422)
            #expect(try tooLarge.errorCodes() == ["attachment.too_large"])
            #expect(try tooLarge.englishMessage() == "The file is larger than the 4 KB allowed")

            let first = try await Self.upload(intake, code, kind: "household-book",
                                              files: [.file("file", name: "a.pdf", type: "application/pdf", SamplePapers.pdf)])
            #expect(first.status == 201)
            let tooMany = try await Self.upload(intake, code, kind: "household-book", files: [
                .file("file", name: "b.pdf", type: "application/pdf", SamplePapers.pdf),
                .file("file", name: "c.png", type: "image/png", SamplePapers.png),
            ])
            #expect(tooMany.status == 422)
            #expect(try tooMany.errorCodes() == ["attachment.too_many"])
            #expect(try tooMany.englishMessage() == "At most 2 files can be attached")
            #expect(try await intake.count("intake_attachments") == 1)

            let oversizedBody = try await Self.upload(intake, code, files: [
                .file("file", name: "huge.pdf", type: "application/pdf", SamplePapers.pdf + Data(repeating: 1, count: 80 * 1024)),
            ])
            #expect(oversizedBody.status == 413)
        }
    }

    @Test func thePortalsFormKeepsAScanAndShowsARefusedFileBesideItsField() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()

            let blank = try await intake.get("yeu-cau/\(code)/dinh-kem")
            #expect(blank.status == 200)
            let form = try #require(PageElement(id: "attach", in: blank.text))
            #expect(form.inner.contains(#"<option value="residence-confirmation">Xác nhận cư trú</option>"#))
            #expect(blank.text.contains(#"enctype="multipart/form-data""#))
            #expect(PageElement(id: "kind-error", in: blank.text) == nil && PageElement(id: "file-error", in: blank.text) == nil,
                    "a blank form marks no field wrong")

            let program = MultipartForm([.field("phone", "0912 345 678"), .field("kind", "id-card"),
                                         .file("file", name: "cccd.jpg", type: "image/jpeg", SamplePapers.exe)])
            let refused = try await intake.call("POST", "yeu-cau/\(code)/dinh-kem", body: program.body,
                                                headers: ["Content-Type": program.contentType])
            #expect(refused.status == 422)
            #expect(PageElement(id: "file-error", in: refused.text)?.inner == "Chỉ nhận ảnh JPEG, PNG hoặc tệp PDF")
            #expect(refused.text.contains(#"value="0912 345 678""#), "the phone typed is kept")
            #expect(PageElement(id: "kind-error", in: refused.text) == nil, "only the file is marked wrong")

            let scan = MultipartForm([.field("phone", "0912 345 678"), .field("kind", "residence-confirmation"),
                                      .file("file", name: "xac-nhan-cu-tru.pdf", type: "application/pdf", SamplePapers.pdf)])
            let kept = try await intake.call("POST", "yeu-cau/\(code)/dinh-kem?lang=en", body: scan.body,
                                             headers: ["Content-Type": scan.contentType])
            #expect(kept.status == 201)
            #expect(PageElement(id: "kept", in: kept.text)?.inner.contains("Residence confirmation — PDF, 1 KB") == true)
            let added = try await intake.awaitSent(AttachmentAdded.routingKey)
            #expect(added.first?["kind"] as? String == "residence-confirmation")
        }
    }

    @Test func thePortalsFormSaysBesideTheFileFieldWhenWhatWasSentIsNotAFormOfFiles() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()

            let unreadable = try await intake.call("POST", "yeu-cau/\(code)/dinh-kem", body: Data("phone=0912345678".utf8),
                                                   headers: ["Content-Type": "application/x-www-form-urlencoded"])
            #expect(unreadable.status == 400)
            #expect(PageElement(id: "file-error", in: unreadable.text)?.inner
                == "Nội dung phải là biểu mẫu multipart/form-data có tệp đính kèm")
            #expect(PageElement(id: "attach", in: unreadable.text) != nil, "the form is there to send again")
            #expect(try await intake.count("intake_attachments") == 0)
        }
    }
}
