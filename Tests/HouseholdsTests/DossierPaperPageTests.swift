import Foundation
import TestSupport
import Testing

/// The papers on a dossier's page as a unit's officer keeps them: uploaded from the page's form,
/// listed with kind, type, size, time and officer, downloaded through the listed link as the
/// same bytes; another unit's officer turned away; a file that is not a paper, or too large,
/// refused beside the file input in the page's language.
@Suite struct DossierPaperPageTests {
    @Test func anOfficerAttachesAPaperFromTheDossierPageAndDownloadsItFromTheList() async throws {
        try await HouseholdsHarness.run(environment: ["ATTACHMENT_MAX_BYTES": "1024"]) { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit, staffId: "tk-officer-07")
            let created = try await households.post("api/v1/dossiers", Samples.dossier(customerCode: "PC05TK0000301"),
                                                    token: officer)
            let dossierId = try #require(try created.expect(201)["dossierId"] as? String)
            func attach(_ kind: String, _ file: MultipartForm.Part, token: String, query: String = "") async throws -> HTTPAnswer {
                let form = MultipartForm([.field("kind", kind), file])
                return try await households.call("POST", "ho-dung-chung/ho-so/\(dossierId)/giay-to\(query)", body: form.body,
                                                 headers: ["Cookie": "staff_token=\(token)", "Content-Type": form.contentType])
            }

            let blank = try await households.staffPage("ho-dung-chung/ho-so/\(dossierId)", token: officer)
            #expect(PageElement(id: "no-papers", in: blank.text)?.inner == "Chưa có giấy tờ nào.")
            #expect(PageElement(id: "attach-paper", in: blank.text)?.inner.contains(#"name="file""#) == true)

            let kept = try await attach("household-book", .file("file", name: "so-ho-khau.pdf", type: "application/pdf",
                                                                 SamplePapers.png), token: officer)
            #expect(kept.status == 201)
            #expect(PageElement(id: "paper-kept", in: kept.text)?.inner.contains("Sổ hộ khẩu — PNG, 1 KB") == true,
                    "the type is the content's, not the name's")
            let papers = try #require(PageElement(id: "papers", in: kept.text)).inner
            #expect(papers.contains("<td>Sổ hộ khẩu</td>") && papers.contains("PNG, 1 KB"), "\(papers)")
            #expect(papers.contains("<td>tk-officer-07</td>"), "who added it")
            let link = try #require(papers.components(separatedBy: #"href=""#).dropFirst().first?.prefix { $0 != "\"" })
            #expect(link.hasPrefix("/ho-dung-chung/giay-to/"))
            let download = try await households.staffPage(String(link.dropFirst()), token: officer)
            #expect(download.status == 200)
            #expect(download.body == SamplePapers.png)
            #expect(download.header("Content-Type") == "image/png")
            #expect(download.header("Content-Disposition")?.hasSuffix(".png\"") == true)

            let otherUnit = try await households.token(.householdsOfficer, unit: "PC05HA")
            #expect(try await households.staffPage(String(link.dropFirst()), token: otherUnit).status == 403)
            let refusedUpload = try await attach("id-card", .file("file", name: "cccd.pdf", type: "application/pdf",
                                                                  SamplePapers.pdf), token: otherUnit)
            #expect(refusedUpload.status == 403)
            #expect(PageElement(id: "papers", in: refusedUpload.text) == nil, "another unit's papers are not shown")

            let program = try await attach("id-card", .file("file", name: "cccd.jpg", type: "image/jpeg", SamplePapers.exe),
                                           token: officer)
            #expect(program.status == 422)
            #expect(PageElement(id: "file-error", in: program.text)?.inner == "Chỉ nhận ảnh JPEG, PNG hoặc tệp PDF")
            #expect(PageElement(id: "kind", in: program.text)?.inner.contains(#"value="id-card" selected"#) == true,
                    "the form is shown again with the kind chosen")
            #expect(PageElement(id: "kind-error", in: program.text) == nil && !program.text.contains("field invalid\"><label for=\"kind\""),
                    "the kind is not marked wrong")
            let large = try await attach("residence-confirmation", .file("file", name: "xac-nhan.pdf", type: "application/pdf",
                                                                         SamplePapers.pdf + Data(count: 2048)),
                                         token: officer, query: "?lang=en")
            #expect(large.status == 422)
            #expect(PageElement(id: "file-error", in: large.text)?.inner == "The file is larger than the 1 KB allowed")
            #expect(try await households.count("households_attachments") == 1)
            let listed = try await households.staffPage("ho-dung-chung/ho-so/\(dossierId)", token: officer)
            #expect(PageElement(id: "papers", in: listed.text)?.inner.contains(String(link)) == true, "the kept paper stays listed")
        }
    }
}
