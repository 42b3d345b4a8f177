import Foundation
import Metering
import ServiceAreas
import Tariff
import Testing
import WorkingCalendar

/// compose and Kubernetes mount `deploy/reference` for the settings naming the reference data
/// (`SERVICE_AREAS_FILE`, `TARIFF_FILE`, `READING_ROUTES_FILE`, `WORKING_CALENDAR_OVERRIDES`).
/// Read through the services' own loaders, each must give exactly what the code has built in, so
/// a deployment on the shipped files serves what a service without them would.
@Suite struct ShippedReferenceDataTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/reference")

    static func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    @Test func theServiceAreasAreTheBuiltInTable() throws {
        let shipped = try ServiceAreaTable.load(environment: [ServiceAreaTable.fileVariable: Self.path("service-areas.json")])
        #expect(shipped.areas == ServiceAreaTable.builtIn.areas)
    }

    @Test func theTariffIsThePublishedSchedule() throws {
        let shipped = try TariffSchedule.load(file: URL(fileURLWithPath: Self.path("tariff.json")))
        #expect(shipped == TariffSchedule.published)
    }

    @Test func theReadingRoutesAreTheBuiltInTable() throws {
        let shipped = try ReadingRouteTable.load(environment: [ReadingRouteTable.fileVariable: Self.path("reading-routes.json")])
        let builtIn = ReadingRouteTable.builtIn
        for area in ServiceAreaTable.builtIn.areas {
            #expect(shipped.route(communeCode: area.communeCode, branchCode: area.branch.code)
                    == builtIn.route(communeCode: area.communeCode, branchCode: area.branch.code), "\(area.communeCode)")
            // A commune without a route of its own falls back on its branch's.
            #expect(shipped.route(communeCode: "00000", branchCode: area.branch.code)
                    == builtIn.route(communeCode: "00000", branchCode: area.branch.code), "\(area.branch.code)")
        }
    }

    @Test func theWorkingCalendarFolderChangesNoDay() throws {
        let shipped = try WorkingCalendar.load(overridesFolder: URL(fileURLWithPath: Self.path("working-calendar")))
        let builtIn = try WorkingCalendar.load(overridesFolder: nil)
        for year in 2020...2030 {
            #expect(shipped.daysOff(in: year).map(\.day) == builtIn.daysOff(in: year).map(\.day), "\(year)")
            #expect(shipped.makeUpWorkingDays(in: year).map(\.day) == builtIn.makeUpWorkingDays(in: year).map(\.day))
        }
    }
}
