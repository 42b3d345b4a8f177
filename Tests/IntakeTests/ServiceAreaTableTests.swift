import Contracts
import Foundation
import Intake
import ServiceAreas
import ServiceKit
import Testing

@Suite struct ServiceAreaTableTests {
    @Test func theBuiltInTableServesDaNangAndQuangNam() {
        let hoaXuan = ServiceAreaTable.builtIn.area(communeCode: "20314")
        #expect(hoaXuan?.province == "Đà Nẵng")
        #expect(hoaXuan?.areaClass == .urban)
        #expect(ServiceAreaTable.builtIn.area(communeCode: "20377")?.branch.name == "Tam Kỳ")
        #expect(ServiceAreaTable.builtIn.area(communeCode: "99999") == nil)
    }

    @Test func aFileNamedBySERVICE_AREAS_FILEReplacesTheBuiltInTable() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("areas-\(UUID().uuidString).json")
        let area = ServiceArea(communeCode: "20395", communeName: "Phường Minh An", province: "Quảng Nam",
                               branch: Branch(code: "PC05HA", name: "Hội An", hotline: "0235 3861 111"), areaClass: .urban)
        try JSONEncoder().encode([area]).write(to: file)

        let table = try ServiceAreaTable.load(environment: [ServiceAreaTable.fileVariable: file.path])

        #expect(table.areas == [area])
        #expect(table.area(communeCode: "20314") == nil)
    }

    @Test func aTableNamingACommuneTwiceIsRefused() {
        let area = ServiceAreaTable.builtIn.areas[0]
        #expect(throws: ServiceAreaTableError.duplicateCommune(area.communeCode)) {
            try ServiceAreaTable([area, area])
        }
    }

    @Test func anUnreadableFileStopsTheService() {
        #expect(throws: DataTableFileError.self) {
            try ServiceAreaTable.load(environment: [ServiceAreaTable.fileVariable: "/nonexistent/areas.json"])
        }
    }
}
