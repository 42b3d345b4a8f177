import Contracts
import Foundation

/// The flow's input messages as intake, households, metering and notification send them.
enum Samples {
    static let branch = Branch(code: "PC05TK", name: "Tam Kỳ", hotline: "0235 3852 999")
    static let otherBranch = Branch(code: "PC05HA", name: "Hội An", hotline: "0235 3861 999")

    /// A request for a shared meter (the applicant and one extra household).
    static func submitted(_ code: String, at submittedAt: Date, areaClass: AreaClass = .urban,
                          branch: Branch = branch, purpose: PurposeOfUse = .residential,
                          householdCount: Int = 2) -> RequestSubmitted {
        RequestSubmitted(
            requestCode: code, requestKind: .newLowVoltageConnection, channel: .web,
            applicant: Applicant(fullName: "Nguyễn Văn An", idNumber: "049088012345", phone: "+84912345678",
                                 email: "an.nguyen@example.vn"),
            site: Site(province: "Quảng Nam", communeCode: "20350", street: "12 Phan Chu Trinh, tổ 3",
                       branchCode: branch.code, areaClass: areaClass),
            branch: branch, purpose: purpose, householdCount: householdCount,
            extraHouseholds: householdCount >= 2
                ? [Person(fullName: "Trần Thị Bích", idNumber: "049195004321")] : [],
            consentGivenAt: submittedAt, submittedAt: submittedAt)
    }

    static func clear(_ code: String, at date: Date, kind: RequestKind? = .newLowVoltageConnection) -> ScreeningCompleted {
        ScreeningCompleted(requestCode: code, requestKind: kind, outcome: .clear, screenedAt: date)
    }

    static func conflict(_ code: String, at date: Date) -> ScreeningCompleted {
        ScreeningCompleted(requestCode: code, requestKind: .newLowVoltageConnection, outcome: .conflict,
                           conflicts: [ScreeningConflict(maskedIdNumber: "049*******21", unit: "PC05HA",
                                                         customerCode: "PC05HA0000042")],
                           screenedAt: date)
    }

    static func workOrder(_ code: String, at date: Date, kind: RequestKind? = .newLowVoltageConnection) -> WorkOrderOpened {
        WorkOrderOpened(workOrderId: "WO-\(code)", requestCode: code, requestKind: kind, branchCode: branch.code,
                        meterSerial: "VN1P-250001", openedAt: date)
    }

    static func installed(_ code: String, at date: Date, kind: RequestKind? = .newLowVoltageConnection) -> MeterInstalled {
        MeterInstalled(workOrderId: "WO-\(code)", requestCode: code, requestKind: kind, meterSerial: "VN1P-250001",
                       initialReadingKWh: 0, sealNumbers: ["S-001", "S-002"], readingRoute: "TK-R07",
                       readingDay: 12, installedAt: date)
    }

    static func signed(_ code: String, contractNumber: String, at date: Date) -> SignatureCaptured {
        SignatureCaptured(requestCode: code, contractNumber: contractNumber, method: .smsOneTimeCode, signedAt: date)
    }

    /// The notice delivered by SMS at `date`, and by e-mail at `emailAt` in the same event when given.
    static func notified(_ code: String, _ notice: CustomerNotified.Notice, at date: Date, emailAt: Date? = nil)
        -> CustomerNotified {
        CustomerNotified(requestCode: code, notice: notice, channel: .sms, deliveredAt: date,
                         alsoDelivered: emailAt.map { [CustomerNotified.ChannelDelivery(channel: .email, deliveredAt: $0)] })
    }

    /// households' report that the count on a shared meter changed, from two households to
    /// two and a quarter unless told otherwise.
    static func countChanged(_ changeId: String, at changedAt: Date, unit: String = branch.code,
                             customerCode: String = "PC05TK0000001", contractNumber: String? = nil,
                             previousQuarters: Int = 8, newQuarters: Int = 9) -> HouseholdCountChanged {
        HouseholdCountChanged(
            changeId: changeId, dossierId: "HS-\(unit)-000001", unit: unit, customerCode: customerCode,
            contractNumber: contractNumber, previousQuarters: previousQuarters, newQuarters: newQuarters,
            reason: .subHouseholdRegistered, effectiveOn: CalendarDate("2025-09-11")!, changedAt: changedAt)
    }
}
