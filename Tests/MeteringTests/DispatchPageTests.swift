import Contracts
import Foundation
import TestSupport
import Testing

/// The branch head gives jobs on the dispatch page, choosing among the branch's field
/// technicians; each technician's day list then shows their own jobs first ("Việc được giao
/// cho tôi"), then the branch's jobs nobody has ("Chưa giao"), and not another's.
@Suite(.enabled(if: StaffDirectoryUnderTest.isRunning, "STAFF_DIRECTORY_URL is unset: run scripts/test.sh"))
struct DispatchPageTests {
    @Test func theHeadChoosesATechnicianOfTheBranchAndTheJobsPageNamesThem() async throws {
        try await MeteringHarness.run { metering in
            let orderId = try await metering.openOrder("PC05TK-251124-000070", serial: "TK-1P-0070")
            let head = try await metering.token(.branchHead, unit: Samples.branch, staffId: "tk-gd-01")

            let page = try await metering.staffPage("giao-viec", token: head)
            #expect(page.status == 200)
            #expect(PageElement(id: "\(orderId)-assigned-to", in: page.text)?.inner == "Chưa giao")
            let choices = try #require(PageElement(id: "\(orderId)-technicianId", in: page.text)).inner
            #expect(choices.contains("Phan Văn Long (tk-kt-01)") && choices.contains("Huỳnh Quốc Bảo (tk-kt-02)"),
                    "the branch's field technicians, by name, from the directory")
            #expect(!choices.contains("tk-cs-01") && !choices.contains("ha-kt-01"),
                    "neither an officer nor another branch's technician is offered")

            #expect(choices.hasPrefix(#"<option value="">Chọn công nhân kỹ thuật</option>"#), "nobody is chosen beforehand")
            let jobPath = "giao-viec/lenh-cong-tac/\(orderId)"
            #expect(PageElement(id: "\(orderId)-technicianId-error",
                                in: try await metering.staffForm(jobPath, ["technicianId": ""], token: head).text)?.inner
                    == "Hãy nhập mã nhân viên của công nhân kỹ thuật", "giving a job without choosing is refused")
            let refused = try await metering.staffForm(jobPath, ["technicianId": "tk-cs-01"], token: head)
            #expect(refused.status == 422)
            #expect(PageElement(id: "\(orderId)-technicianId-error", in: refused.text)?.inner
                    == "Người được giao phải là công nhân kỹ thuật của điện lực quản lý công việc")
            let english = try await metering.staffForm("\(jobPath)?lang=en", ["technicianId": "ha-kt-01"], token: head)
            #expect(PageElement(id: "\(orderId)-technicianId-error", in: english.text)?.inner
                    == "The technician must be a field technician of the job's branch")

            let given = try await metering.staffForm(jobPath, ["technicianId": "tk-kt-02"], token: head)
            #expect(given.status == 200, "the form's 303 leads back to the dispatch list")
            #expect(PageElement(id: "\(orderId)-assigned-to", in: given.text)?.inner == "tk-kt-02")
            #expect(given.text.contains(#"<option value="tk-kt-02" selected>"#), "the technician who has it is chosen")

            let technician = try await metering.token(.fieldTechnician, unit: Samples.branch, staffId: "tk-kt-02")
            let order = try await metering.staffPage("lenh-cong-tac/\(orderId)", token: technician)
            #expect(PageElement(id: "assigned-to", in: order.text)?.inner == "tk-kt-02")
            #expect(try await metering.staffPage("giao-viec", token: technician).status == 403,
                    "a technician does not give out jobs")
            let otherHead = try await metering.token(.branchHead, unit: Samples.otherBranch, staffId: "ha-gd-01")
            #expect(!(try await metering.staffPage("giao-viec", token: otherHead).text.contains(orderId)))
            #expect(try await metering.staffForm(jobPath, ["technicianId": "tk-kt-01"], token: otherHead).status == 403)
        }
    }

    @Test func eachTechnicianSeesTheirOwnJobsFirstThenTheUnassignedOnesAndNotAnothers() async throws {
        try await MeteringHarness.run { metering in
            let first = try await metering.openOrder("PC05TK-251124-000071", serial: "TK-1P-0071")
            let second = try await metering.openOrder("PC05TK-251124-000072", serial: "TK-1P-0072")
            let free = try await metering.openOrder("PC05TK-251124-000073", serial: "TK-1P-0073")
            let visit = try await metering.openVisit("PC05TK-251124-000074", purpose: .inspection)
            let freeVisit = try await metering.openVisit("PC05TK-251124-000075", customerCode: "PC05TK0012346")
            let head = try await metering.token(.branchHead, unit: Samples.branch, staffId: "tk-gd-01")
            for (path, technician) in [("lenh-cong-tac/\(first)", "tk-kt-01"), ("lenh-cong-tac/\(second)", "tk-kt-02"),
                                       ("kiem-tra-cong-to/\(visit)", "tk-kt-01")] {
                #expect(try await metering.staffForm("giao-viec/\(path)", ["technicianId": technician], token: head).status == 200)
            }

            let long = try await dayList(metering, "tk-kt-01")
            #expect(long.text.contains("Việc được giao cho tôi") && long.text.contains("Chưa giao"))
            let hisOwn = try #require(PageElement(id: "mine", in: long.text)).inner
            #expect(hisOwn.contains(#"href="/lenh-cong-tac/\#(first)""#) && hisOwn.contains(#"href="/kiem-tra-cong-to/\#(visit)""#))
            #expect(try #require(PageElement(id: "to-do", in: long.text)).inner.contains(free))
            #expect(try #require(PageElement(id: "visits", in: long.text)).inner.contains(freeVisit))
            #expect(!long.text.contains(second), "the order given to tk-kt-02 is not on tk-kt-01's list")
            #expect(long.text.range(of: "Việc được giao cho tôi")!.lowerBound < long.text.range(of: "Chưa giao")!.lowerBound,
                    "their own jobs come first")

            let bao = try await dayList(metering, "tk-kt-02")
            let hers = try #require(PageElement(id: "mine", in: bao.text)).inner
            #expect(hers.contains(second) && !hers.contains(first))
            #expect(!bao.text.contains(first) && !bao.text.contains(visit), "tk-kt-01's jobs are not on tk-kt-02's list")
            #expect(PageElement(id: "to-do", in: bao.text)?.inner.contains(free) == true, "an unassigned order is seen by both")
            #expect(PageElement(id: "visits", in: bao.text)?.inner.contains(freeVisit) == true)

            let newcomer = try await dayList(metering, "kt-0009")
            #expect(PageElement(id: "mine", in: newcomer.text)?.inner.contains("href") == false)
            #expect(newcomer.text.contains("Chưa có việc nào được giao cho bạn."))
        }
    }

    /// The day list `GET /lenh-cong-tac` as the PC05TK technician `staffId` opens it.
    private func dayList(_ metering: MeteringHarness, _ staffId: String) async throws -> HTTPAnswer {
        let page = try await metering.staffPage("lenh-cong-tac",
                                                token: try await metering.token(.fieldTechnician, unit: Samples.branch,
                                                                                staffId: staffId))
        #expect(page.status == 200)
        return page
    }
}
