import CRM
import Contracts
import Foundation
import TestSupport
import Testing

/// The morning deadline digest: at `DEADLINE_DIGEST_AT` (07:00 by default) on crm's clock, each
/// officer of the branch gets their own tickets due on the next working day, due today and late,
/// and the branch head the whole branch, as the staff directory (`deploy/directory/staff.ldif`,
/// started by `scripts/test.sh`) has them; once a day per person, across a restart.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["STAFF_DIRECTORY_URL"]?.isEmpty == false,
                "STAFF_DIRECTORY_URL is unset: run scripts/test.sh"))
struct DeadlineDigestTests {
    /// Thursday 11 September 2025, two seconds before the digest's hour.
    static let beforeTheHour = vietnamTime("2025-09-11 07:00").addingTimeInterval(-2)
    /// Urban tickets, three working days: received Friday 5th (2nd was a holiday), due Wednesday 10th: late.
    static let late = "PC05TK-250905-000001"
    /// Received Monday 8th, due Thursday 11th: due today.
    static let dueToday = "PC05TK-250908-000001"
    /// Received Tuesday 9th, due Friday 12th: due on the next working day.
    static let dueNext = "PC05TK-250909-000001"
    /// Received Wednesday 10th, due Monday 15th: in nobody's digest.
    static let onTrack = "PC05TK-250910-000001"

    @Test func eachOfficerGetsTheirOwnTicketsAndTheHeadTheBranchOnceADayAcrossARestart() async throws {
        try await ClockedCRM.$runsDailyJobs.withValue(true) {
            try await CRMHarness.run(at: Self.beforeTheHour) { crm in
                try await Self.open(crm, [(Self.late, "2025-09-05"), (Self.dueToday, "2025-09-08"),
                                          (Self.dueNext, "2025-09-09"), (Self.onTrack, "2025-09-10")])
                let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
                _ = try await crm.post("api/v1/tickets/CRM-\(Self.dueToday)/assignment", ["officerId": "tk-cs-01"], token: head).expect(200)
                _ = try await crm.post("api/v1/tickets/CRM-\(Self.dueNext)/assignment", ["officerId": "tk-cs-02"], token: head).expect(200)
                _ = try await crm.post("api/v1/tickets/CRM-\(Self.onTrack)/assignment", ["officerId": "tk-cs-02"], token: head).expect(200)
                #expect(try await crm.count("crm_deadline_notices") == 0, "nothing goes before the hour")

                crm.clock.set(vietnamTime("2025-09-11 07:00"))
                try await crm.awaitSent(SendStaffDeadlineNotice.routingKey, count: 3)
                try await eventually("the pass is done") { crm.logs.contains("deadline digest pass done") }
                let digests = try await crm.sent(SendStaffDeadlineNotice.self)
                let byStaff = Dictionary(digests.map { ($0.staffId, $0) }) { first, _ in first }
                #expect(byStaff.keys.sorted() == ["tk-cs-01", "tk-cs-02", "tk-gd-01"], "ha-*, the technicians, nobody else")
                #expect(digests.count == 3)

                let first = try #require(byStaff["tk-cs-01"])
                #expect(first.email == "tk-cs-01@evn.example.vn")
                #expect(first.noticeId == "digest/2025-09-11/tk-cs-01")
                #expect(first.subject == "[PC05TK] Phiếu đến hạn và quá hạn ngày 11/09/2025 / Tickets due and late on 11/09/2025")
                #expect(first.text.hasPrefix("Kính gửi Trần Thị Mai,\n\nCác phiếu được giao cho anh/chị cần chú ý ngày 11/09/2025:"))
                #expect(first.text.contains("""
                    Quá hạn (0):
                    - Không có phiếu nào.

                    Đến hạn hôm nay (1):
                    - \(Self.dueToday) · Cấp điện mới hạ áp · hạn 11/09/2025
                      http://localhost:8081/phieu/CRM-\(Self.dueToday)

                    Đến hạn ngày làm việc tiếp theo (12/09/2025) (0):
                    """))
                #expect(first.text.contains("Due today (1):\n- \(Self.dueToday) · New low-voltage connection · due 11/09/2025"))

                let second = try #require(byStaff["tk-cs-02"])
                #expect(second.text.contains("Đến hạn ngày làm việc tiếp theo (12/09/2025) (1):\n- \(Self.dueNext) ·"))
                #expect(!second.text.contains(Self.onTrack), "a ticket on track is in no digest")
                #expect(!second.text.contains(Self.dueToday))

                let branch = try #require(byStaff["tk-gd-01"])
                #expect(branch.email == "tk-gd-01@evn.example.vn")
                #expect(branch.text.contains("""
                    Quá hạn (1):
                    - \(Self.late) · Cấp điện mới hạ áp · hạn 10/09/2025 · người xử lý: chưa giao
                      http://localhost:8081/phieu/CRM-\(Self.late)

                    Đến hạn hôm nay (1):
                    - \(Self.dueToday) · Cấp điện mới hạ áp · hạn 11/09/2025 · người xử lý: tk-cs-01
                    """))
                #expect(branch.text.contains("- \(Self.dueNext) · Cấp điện mới hạ áp · hạn 12/09/2025 · người xử lý: tk-cs-02"))
                #expect(branch.text.contains("Late (1):\n- \(Self.late) · New low-voltage connection · due 10/09/2025 · officer: not assigned"))
                #expect(!branch.text.contains(Self.onTrack))

                // The link leads the head to the ticket's page.
                let link = try #require(branch.text.split(separator: "\n").first { $0.contains("/phieu/CRM-\(Self.late)") })
                let path = String(link.trimmingCharacters(in: .whitespaces).dropFirst("http://localhost:8081/".count))
                let page = try await crm.call("GET", path, headers: ["Cookie": "staff_token=\(head)"])
                #expect(page.status == 200)
                #expect(String(decoding: page.body, as: UTF8.self).contains(Self.late))

                // Hội An gets a ticket due today after the digest; crm restarts the same morning.
                try await crm.publish(Samples.submitted("PC05HA-250908-000001", at: vietnamTime("2025-09-08 09:00"),
                                                        branch: Samples.otherBranch), correlationId: "PC05HA-250908-000001")
                try await eventually("Hội An's ticket is open") { try await crm.count("crm_tickets") == 5 }
                await crm.service.stop()
                let passes = crm.logs.all.count { $0.message == "deadline digest pass done" }
                crm.clock.set(vietnamTime("2025-09-11 07:30"))
                try await crm.start()
                try await eventually("the restarted crm's pass is done") {
                    crm.logs.all.count { $0.message == "deadline digest pass done" } > passes
                }
                try await crm.awaitOutboxDrained()
                let after = try await crm.sent(SendStaffDeadlineNotice.self)
                #expect(after.map(\.staffId).sorted() == ["ha-gd-01", "tk-cs-01", "tk-cs-02", "tk-gd-01"],
                        "Hội An's head gets the day's digest; Tam Kỳ's three are not sent again")
                #expect(try await crm.count("crm_deadline_notices") == 4)
            }
        }
    }

    @Test func onAWeekdayPublicHolidayCrmSaysOnceThatNoDigestGoes() async throws {
        try await ClockedCRM.$runsDailyJobs.withValue(true) {
            // Tuesday 2 September 2025, National Day, past the digest's hour: a late ticket waits.
            try await CRMHarness.run(at: vietnamTime("2025-09-02 07:00").addingTimeInterval(-2)) { crm in
                try await Self.open(crm, [(Self.late, "2025-08-26")])
                crm.clock.set(vietnamTime("2025-09-02 07:00"))
                try await eventually("crm says no digest goes on the holiday") {
                    crm.logs.contains("no deadline digest today: not a working day", where: "day", is: "2025-09-02")
                }
                #expect(crm.logs.all.count { $0.message == "no deadline digest today: not a working day" } == 1)
                #expect(try await crm.count("crm_deadline_notices") == 0, "the late ticket is in no digest on a holiday")
            }
        }
    }

    @Test func theWallBoardCountsTheDigestsThreeGroups() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-11 10:00")) { crm in
            try await Self.open(crm, [(Self.late, "2025-09-05"), (Self.dueToday, "2025-09-08"),
                                      (Self.dueNext, "2025-09-09"), (Self.onTrack, "2025-09-10")])
            let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            let board = String(decoding: try await crm.call("GET", "bang-tin", headers: ["Cookie": "staff_token=\(head)"]).body,
                               as: UTF8.self)
            #expect(PageElement(id: "due-next-count", in: board)?.inner == "Đến hạn ngày làm việc tiếp theo: 1")
            #expect(PageElement(id: "due-today-count", in: board)?.inner == "Đến hạn hôm nay: 1")
            #expect(PageElement(id: "breached-count", in: board)?.inner == "Quá hạn: 1")
            #expect(PageElement(id: "open-count", in: board)?.inner == "Đang xử lý: 4")
        }
    }

    /// Opens an urban new-connection ticket of Tam Kỳ for each code, received on its day at 09:00.
    static func open(_ crm: CRMHarness, _ tickets: [(code: String, day: String)]) async throws {
        for (code, day) in tickets {
            try await crm.publish(Samples.submitted(code, at: vietnamTime("\(day) 09:00")), correlationId: code)
        }
        try await eventually("the tickets are open") { try await crm.count("crm_tickets") == tickets.count }
    }
}
