import Contracts
import Foundation
import WorkingCalendar

/// Branches, sites, days and bodies as the tests use them.
enum Samples {
    static let branch = "PC05TK"
    static let otherBranch = "PC05HA"

    /// A site in Phường Tân Thạnh (commune 20350), whose built-in reading route is `TK-R07`, read on the 14th.
    static let site = Site(province: "Quảng Nam", communeCode: "20350", street: "12 Phan Chu Trinh, tổ 3",
                           branchCode: branch, areaClass: .urban)

    static func installMeter(_ requestCode: String, phase: MeterPhase = .single, split: InstallMeter.Split? = nil) -> InstallMeter {
        InstallMeter(requestCode: requestCode, requestKind: split == nil ? .newLowVoltageConnection : .meterSplit,
                     branchCode: branch, phase: phase, site: site, split: split)
    }

    /// A tenant household of the shared meter `PC05TK0012345` moving to its own contract.
    static let split = InstallMeter.Split(sharedCustomerCode: "PC05TK0012345", subHouseholdId: "HS-PC05TK-000007-02",
                                          newCustomerCode: "PC05TK0012399")

    /// The day `offset` days from today, in Vietnam, as `YYYY-MM-DD`.
    static func day(_ offset: Int) -> String {
        CalendarDay(Date()).adding(days: offset).description
    }

    /// A `POST /api/v1/meters` body: verified a month ago, valid until `validFor` days from today.
    static func meter(_ serial: String, phase: Int = 1, validFor days: Int = 365) -> [String: Any] {
        ["serial": serial, "phase": phase, "verifiedOn": day(-30), "verificationValidUntil": day(days)]
    }
}
