import Foundation
import GRDB
import TestSupport
import Testing

/// The billing system's (CMIS) customer export, imported through the API as corporation staff
/// upload it: tolerant of what real exports look like, strict about each value, and in step
/// with the export on every re-import.
@Suite struct CustomerImportTests {
    static let header = "customer_code,name,address,branch,area_class,household_count"

    @Test func aRealExportImportsItsGoodRowsAndReportsEachBadOneByLine() async throws {
        try await HouseholdsHarness.run { households in
            let corporation = try await households.token(.householdsOfficer, unit: "CORP")
            // A byte-order mark, CRLF line ends, a decomposed name, a quoted address with a comma.
            let csv = "\u{FEFF}" + [
                Self.header,
                "PC05TK0000001,Nguye\u{0302}\u{0303}n Văn An,\"Thôn 3, xã Tam Thăng\",PC05TK,rural,2",
                "PC05TK0000002,Trần Thị Bích,12 Phan Chu Trinh,PC05TK,urban,1",
                "PC05TK0000003,Lê Văn Cường,45 Hùng Vương,PC05TK,urban,2.5",
                "pc05tk0000004,Phạm Dung,7 Lê Lợi,PC05TK,suburban,2",
                "PC05TK0000005,Võ Én,8 Lê Lợi,PC05TK,urban,2.3",
                "PC05TK0000001,Nguyễn Văn An,Thôn 3,PC05TK,rural,3",
                "PC05HA0000001,Hồ Thị Gấm,\"Phường Minh An, Hội An\",PC05HA,urban,3",
            ].joined(separator: "\r\n") + "\r\n"
            let summary = try await households.upload("api/v1/customer-imports", csv: csv, token: corporation).expect(200)
            #expect(summary["rows"] as? Int == 7)
            #expect(summary["added"] as? Int == 4)
            let rejected = try #require(summary["rejected"] as? [[String: Any]])
            #expect(rejected.map { "\($0["line"] as? Int ?? 0):\($0["field"] as? String ?? ""):\($0["code"] as? String ?? "")" } == [
                "5:area_class:area_class.invalid",
                "6:household_count:household_count.invalid",
                "7:customer_code:customer_code.repeated_in_file",
            ])
            #expect(rejected.allSatisfy { (($0["message"] as? [String: String])?["vi"]?.isEmpty) == false })

            let context = households.host.context
            let stored = try context.store.database.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT customer_code, name_sealed, address_sealed, household_quarters FROM households_customers ORDER BY 1
                    """)
            }
            #expect(stored.map { $0["customer_code"] as String } == ["PC05HA0000001", "PC05TK0000001", "PC05TK0000002",
                                                                      "PC05TK0000003"])
            let an = try context.personalData.open(stored[1]["name_sealed"])
            #expect(Array(an.unicodeScalars) == Array("Nguyễn Văn An".precomposedStringWithCanonicalMapping.unicodeScalars))
            #expect(try context.personalData.open(stored[1]["address_sealed"]) == "Thôn 3, xã Tam Thăng")
            let plain = try StoreFileScan.plainTexts(["Thôn 3, xã Tam Thăng", "Văn An"], in: context.store.database)
            #expect(plain.isEmpty, "names and addresses are sealed at rest")
            #expect(stored.map { $0["household_quarters"] as Int } == [12, 8, 4, 10])
        }
    }

    @Test func aReImportUpdatesWhatChangedAndMarksWhoLeftTheExportOfItsBranches() async throws {
        try await HouseholdsHarness.run { households in
            let corporation = try await households.token(.householdsOfficer, unit: "CORP")
            let first = [
                Self.header,
                "PC05TK0000001,Nguyễn Văn An,Thôn 3,PC05TK,rural,2",
                "PC05TK0000002,Trần Thị Bích,12 Phan Chu Trinh,PC05TK,urban,1",
                "PC05TK0000003,Lê Văn Cường,45 Hùng Vương,PC05TK,urban,3",
                "PC05HA0000001,Hồ Thị Gấm,Minh An,PC05HA,urban,3",
            ].joined(separator: "\n")
            _ = try await households.upload("api/v1/customer-imports", csv: first, token: corporation).expect(200)
            // Only Tam Kỳ's customers this time: one changed (count and address), one unchanged, one
            // gone; Hội An is not touched.
            let second = [
                Self.header,
                "PC05TK0000001,Nguyễn Văn An,Thôn 4,PC05TK,rural,3",
                "PC05TK0000002,Trần Thị Bích,12 Phan Chu Trinh,PC05TK,urban,1",
            ].joined(separator: "\n")
            let summary = try await households.upload("api/v1/customer-imports", csv: second, token: corporation).expect(200)
            #expect(summary["added"] as? Int == 0)
            #expect(summary["updated"] as? Int == 1)
            #expect(summary["unchanged"] as? Int == 1)
            #expect(summary["departed"] as? Int == 1)
            #expect((summary["rejected"] as? [Any])?.isEmpty == true)

            let rows = try households.host.context.store.database.read { db in
                try Row.fetchAll(db, sql: "SELECT customer_code, household_quarters, in_export FROM households_customers ORDER BY 1")
            }
            #expect(rows.map { "\($0["customer_code"] as String)=\($0["household_quarters"] as Int)/\($0["in_export"] as Int)" } == [
                "PC05HA0000001=12/1", "PC05TK0000001=12/1", "PC05TK0000002=4/1", "PC05TK0000003=12/0",
            ])
            let context = households.host.context
            let updated = try #require(try context.store.database.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT name_sealed, address_sealed FROM households_customers WHERE customer_code = 'PC05TK0000001'
                    """)
            })
            #expect(try context.personalData.open(updated["name_sealed"]) == "Nguyễn Văn An")
            #expect(try context.personalData.open(updated["address_sealed"]) == "Thôn 4", "the update writes the new address")
            let imports = try await households.count("households_imports")
            #expect(imports == 2)
        }
    }

    @Test func onlyCorporationStaffImportTheExportAndAFileWithoutItsColumnsIsRefusedWhole() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            #expect(try await households.upload("api/v1/customer-imports", csv: Self.header, token: officer).status == 403)
            let corporation = try await households.token(.householdsOfficer, unit: "CORP")
            let summary = try await households.upload("api/v1/customer-imports", csv: "ma_kh,ten\nPC05TK0000001,An\n",
                                                      token: corporation).expect(200)
            let rejected = try #require(summary["rejected"] as? [[String: Any]])
            #expect(rejected.map { $0["code"] as? String } == ["csv.missing_columns"])
            #expect(try await households.count("households_customers") == 0)
        }
    }
}
