import Foundation
import TestSupport
import Testing

/// `POST|GET /api/v1/dossiers/{id}/attachments` and `GET /api/v1/dossier-attachments/{id}` as a
/// unit's households officers keep a dossier's household book and residence confirmation.
@Suite struct DossierAttachmentTests {
    @Test func aHouseholdBookIsKeptSealedListedAndDownloadedByTheUnitOnly() async throws {
        try await HouseholdsHarness.run(environment: ["ATTACHMENT_MAX_FILES": "2"]) { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let created = try await households.post("api/v1/dossiers", Samples.dossier(customerCode: "PC05TK0000001"),
                                                    token: officer)
            let dossierId = try #require(try created.expect(201)["dossierId"] as? String)
            func upload(_ kind: String, _ files: [MultipartForm.Part], token: String) async throws -> HTTPAnswer {
                let form = MultipartForm([.field("kind", kind)] + files)
                return try await households.call("POST", "api/v1/dossiers/\(dossierId)/attachments", body: form.body,
                                                 token: token, headers: ["Content-Type": form.contentType])
            }

            let kept = try await upload("household-book", [.file("file", name: "so-ho-khau.pdf", type: "application/pdf",
                                                                   SamplePapers.png)], token: officer)
            let files = try #require(try kept.expect(201)["attachments"] as? [[String: Any]])
            #expect(files.first?["contentType"] as? String == "image/png")
            #expect(files.first?["kind"] as? String == "household-book")
            let id = try #require(files.first?["attachmentId"] as? String)
            #expect(try households.storeBytes().range(of: SamplePapers.png) == nil)

            let listed = try await households.get("api/v1/dossiers/\(dossierId)/attachments", token: officer)
            #expect((try listed.json()["attachments"] as? [[String: Any]])?.map { $0["attachmentId"] as? String } == [id])
            let download = try await households.get("api/v1/dossier-attachments/\(id)", token: officer)
            #expect(download.status == 200)
            #expect(download.body == SamplePapers.png)
            #expect(download.header("Content-Type") == "image/png")

            let otherUnit = try await households.token(.householdsOfficer, unit: "PC05HA")
            #expect(try await households.get("api/v1/dossier-attachments/\(id)", token: otherUnit).status == 403)
            #expect(try await households.get("api/v1/dossiers/\(dossierId)/attachments", token: otherUnit).status == 403)
            let refusedUpload = try await upload("household-book", [.file("file", name: "b.pdf", type: "application/pdf",
                                                                         SamplePapers.pdf)], token: otherUnit)
            #expect(refusedUpload.status == 403)

            let program = try await upload("residence-confirmation", [.file("file", name: "xac-nhan.pdf",
                                                                           type: "application/pdf", SamplePapers.exe)],
                                           token: officer)
            #expect(program.status == 422)
            #expect(try program.errorCodes() == ["attachment.unsupported_type"])
            let tooMany = try await upload("residence-confirmation", [
                .file("file", name: "a.pdf", type: "application/pdf", SamplePapers.pdf),
                .file("file", name: "b.jpg", type: "image/jpeg", SamplePapers.jpeg),
            ], token: officer)
            #expect(try tooMany.errorCodes() == ["attachment.too_many"])
            #expect(try await households.count("households_attachments") == 1)
        }
    }
}
