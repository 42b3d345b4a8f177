import Contracts
import Foundation

/// One realistic value of every contract: a request from Tam Kỳ followed through the flow.
enum ContractSamples {
    static let requestCode = "QNA-25-000123"
    static let branch = Branch(code: "PC05TK", name: "Tam Kỳ", hotline: "0235 3852 999")
    static let site = Site(
        province: "Đà Nẵng", communeCode: "20314", street: "12 Phan Chu Trinh, tổ 3", branchCode: "PC05TK",
        areaClass: .urban
    )
    static let holder = Person(fullName: "Nguyễn Văn An", idNumber: "049088012345")
    static let tenant = Person(fullName: "Trần Thị Bích", idNumber: "049195004321")

    static let requestSubmitted = RequestSubmitted(
        requestCode: requestCode, requestKind: .newLowVoltageConnection, channel: .phone, operatorId: "cc-0042",
        applicant: Applicant(fullName: holder.fullName, idNumber: holder.idNumber, phone: "+84912345678",
                             email: "an.nguyen@example.vn"),
        site: site, branch: branch, purpose: .residential, householdCount: 2, extraHouseholds: [tenant],
        consentGivenAt: instant("2025-11-24T08:14:30Z"), submittedAt: instant("2025-11-24T08:15:00Z")
    )

    static let all: [any MessageContract] = [
        requestSubmitted,
        TicketOpened(
            ticketId: "T-2025-004711", requestCode: requestCode, requestKind: .newLowVoltageConnection, branch: branch,
            contact: CustomerContact(phone: "+84912345678", email: "an.nguyen@example.vn"), slaLimitWorkingDays: 3,
            dueDate: day("2025-11-27"), openedAt: instant("2025-11-24T08:15:02Z")
        ),
        ScreenIdentities(requestCode: requestCode, requestKind: .newLowVoltageConnection, idNumbers: [holder.idNumber, tenant.idNumber]),
        ScreeningCompleted(
            requestCode: requestCode, requestKind: .newLowVoltageConnection, outcome: .conflict,
            conflicts: [ScreeningConflict(maskedIdNumber: "049*******21", unit: "PC05HA", customerCode: "PC05HA0004567")],
            screenedAt: instant("2025-11-24T08:15:04Z")
        ),
        ContactRecorded(ticketId: "T-2025-004711", requestCode: requestCode, staffId: "tk-017",
                        contactedAt: instant("2025-11-24T09:30:00Z")),
        SurveyRecorded(
            ticketId: "T-2025-004711", requestCode: requestCode, outcome: .needsPoleOrCable, phase: .single,
            slaLimitWorkingDays: 7, dueDate: day("2025-12-03"), staffId: "tk-017",
            surveyedAt: instant("2025-11-25T02:00:00Z")
        ),
        RequestRefused(
            ticketId: "T-2025-004711", requestCode: requestCode, requestKind: .newLowVoltageConnection, branch: branch,
            ground: .siteInfeasible,
            reason: "Khu vực chưa có lưới điện hạ áp", refusedAt: instant("2025-11-25T03:00:00Z")
        ),
        InstallMeter(requestCode: requestCode, requestKind: .newLowVoltageConnection, branchCode: "PC05TK",
                     phase: .single, site: site),
        WorkOrderOpened(workOrderId: "WO-TK-2025-0815", requestCode: requestCode, requestKind: .newLowVoltageConnection,
                        branchCode: "PC05TK", meterSerial: "EMEC-22-1234567", openedAt: instant("2025-11-25T03:10:00Z")),
        MeterInstalled(
            workOrderId: "WO-TK-2025-0815", requestCode: requestCode, requestKind: .newLowVoltageConnection,
            meterSerial: "EMEC-22-1234567",
            initialReadingKWh: 0, sealNumbers: ["KD-889102", "KD-889103"], readingRoute: "TK-R07", readingDay: 12,
            installedAt: instant("2025-11-27T07:45:00Z")
        ),
        ContractDrafted(
            contractNumber: "HĐ-TK-2025-000123", requestCode: requestCode, branch: branch, holderName: holder.fullName,
            site: site, meterSerial: "EMEC-22-1234567", purpose: .residential, tariffGroup: "residential-tiered",
            householdCount: 2, draftedAt: instant("2025-11-27T08:00:00Z")
        ),
        SendSigningCode(
            requestCode: requestCode, contractNumber: "HĐ-TK-2025-000123", branch: branch, phone: "+84912345678",
            signingCode: "048213", validityMinutes: 15, issuedAt: instant("2025-11-27T08:00:01Z")
        ),
        SignatureCaptured(requestCode: requestCode, contractNumber: "HĐ-TK-2025-000123", method: .smsOneTimeCode,
                          signedAt: instant("2025-11-27T08:06:40Z")),
        ContractSigned(
            contractNumber: "HĐ-TK-2025-000123", requestCode: requestCode, branch: branch,
            customerCode: "PC05TK0012345", meterSerial: "EMEC-22-1234567", householdCount: 2,
            signedAt: instant("2025-11-27T08:06:40Z"), communeCode: "20314", holderPhone: "+84912345678",
            endsOn: day("2026-05-27")
        ),
        RegisterMainHousehold(
            requestCode: requestCode, contractNumber: "HĐ-TK-2025-000123", customerCode: "PC05TK0012345",
            meterSerial: "EMEC-22-1234567", site: site, holder: holder, holderPhone: "+84912345678", householdCount: 2,
            subHouseholds: [tenant], signedAt: instant("2025-11-27T08:06:40Z")
        ),
        TicketClosed(
            ticketId: "T-2025-004711", requestCode: requestCode, branchCode: "PC05TK", resolution: .contractSigned,
            slaLimitWorkingDays: 7, workingDaysTaken: 4, slaOutcome: .met, closedAt: instant("2025-11-27T08:06:41Z")
        ),
        CustomerNotified(requestCode: requestCode, notice: .contractSigned, channel: .sms,
                         deliveredAt: instant("2025-11-27T08:06:45Z"),
                         alsoDelivered: [.init(channel: .email, deliveredAt: instant("2025-11-27T08:06:46Z"))]),
        RequestTimelineQuery(requestCode: requestCode),
        HouseholdCountChanged(
            changeId: "5f0c8a52-7d1e-4b0e-9c35-0d6f2b1f9e11", dossierId: "HS-PC05TK-000042", unit: "PC05TK",
            customerCode: "PC05TK0012345", contractNumber: "HĐ-TK-2025-000123", previousQuarters: 8, newQuarters: 11,
            reason: .subHouseholdRegistered, effectiveOn: day("2026-03-02"), changedAt: instant("2026-03-02T02:10:00Z")
        ),
        MeterSplit(
            workOrderId: "WO-PC05TK-000077", requestCode: "QNA-26-000456", sharedCustomerCode: "PC05TK0012345",
            subHouseholdId: "SH-1042", newCustomerCode: "PC05TK0012399", newMeterSerial: "EMEC-22-1234599",
            splitAt: instant("2026-04-10T03:00:00Z")
        ),
        SendResidenceReminder(
            reminderId: "SH-1042-expiring_soon-2026-05-31", customerCode: "PC05TK0012345", unit: "PC05TK",
            phone: "+84912345678", threshold: .expiringSoon, validUntil: day("2026-05-31"),
            issuedAt: instant("2026-05-01T23:00:00Z")
        ),
        RecordOutageReport(
            reportCode: "PC05TK-261202-000042", channel: .web, branch: branch, communeCode: "20314",
            customerCode: "PC05TK0012345", phone: "+84912345678", note: "Cột điện đổ trước nhà",
            reportedAt: instant("2026-12-02T01:10:00Z")
        ),
        IncidentRestored(
            incidentId: "SC-PC05TK-000017", branchCode: "PC05TK", area: "commune:20314", cause: "Cây đổ vào đường dây",
            reporterCount: 37, openedAt: instant("2026-12-02T01:10:00Z"), restoredAt: instant("2026-12-02T04:45:00Z")
        ),
        SendOutageNotice(
            noticeId: "KH-PC05TK-000003-r1-PC05TK0012345", notice: .plannedScheduled, reference: "KH-PC05TK-000003",
            phone: "+84912345678", branch: branch, location: "Phường An Mỹ, Tam Kỳ", reason: "Thay máy biến áp",
            startsAt: instant("2026-12-10T00:30:00Z"), endsAt: instant("2026-12-10T09:00:00Z"),
            issuedAt: instant("2026-12-02T02:00:00Z")
        ),
        PlannedOutagesQuery(communeCode: "20314", from: instant("2026-12-02T00:00:00Z"), to: instant("2026-12-31T00:00:00Z")),
        InstallMeter(
            requestCode: "QNA-26-000456", requestKind: .meterSplit, branchCode: "PC05TK", phase: .single, site: site,
            split: InstallMeter.Split(sharedCustomerCode: "PC05TK0012345", subHouseholdId: "SH-1042",
                                      newCustomerCode: "PC05TK0012399")
        ),
        ServiceRequestSubmitted(
            requestCode: "PC05TK-261202-000051", requestKind: .householdCountChange, channel: .web,
            customerCode: "PC05TK0012345", branch: branch,
            requester: Applicant(fullName: holder.fullName, idNumber: holder.idNumber, phone: "+84912345678"),
            details: ServiceRequestDetails(newHouseholds: [tenant], note: "Con trai ra ở riêng cùng nhà"),
            consentGivenAt: instant("2026-12-02T02:00:00Z"), submittedAt: instant("2026-12-02T02:00:01Z")
        ),
        RequestProgressed(
            ticketId: "CRM-PC05TK-261202-000051", requestCode: "PC05TK-261202-000051",
            requestKind: .meterVerification, branch: branch, stage: .meterChecked,
            summary: LocalizedText(vi: "Công tơ sai số +1,4%, đạt cấp chính xác 2; phí kiểm định 135.000 đ",
                                   en: "Meter error +1.4%, within class 2; verification fee 135,000 VND"),
            progressedAt: instant("2026-12-04T03:00:00Z")
        ),
        ContractHolderChanged(
            contractNumber: "HĐ-TK-2025-000123", requestCode: "PC05TK-261202-000052", branch: branch,
            customerCode: "PC05TK0012345", effectiveOn: day("2026-12-04"),
            changedAt: instant("2026-12-04T03:10:00Z"), communeCode: "20314",
            holderContact: CustomerContact(phone: "+84987654321", email: "binh@example.vn")
        ),
        ContractEnded(
            contractNumber: "HĐ-TK-2025-000123", requestCode: "PC05TK-261202-000053", branch: branch,
            customerCode: "PC05TK0012345", effectiveOn: day("2026-12-05"), endedAt: instant("2026-12-05T02:30:00Z")
        ),
        VisitMeter(requestCode: "PC05TK-261202-000051", branchCode: "PC05TK", customerCode: "PC05TK0012345",
                   purpose: .verification),
        MeterVisited(
            visitId: "KD-PC05TK-000008", requestCode: "PC05TK-261202-000051", purpose: .verification,
            meterSerial: "EMH-2025-00012", readingKWh: 10432,
            check: MeterVisited.Check(measuredErrorPercent: 1.4, accuracyClass: 2, accurate: true, feeVND: 135_000),
            findings: nil, visitedAt: instant("2026-12-04T03:00:00Z")
        ),
        RegisterSubHouseholds(
            requestCode: "PC05TK-261202-000051", customerCode: "PC05TK0012345", unit: "PC05TK", holder: holder,
            holderPhone: "+84912345678", subHouseholds: [tenant], leavingSubHouseholdIds: ["SH-1042"]
        ),
        SubHouseholdsRefused(requestCode: "PC05TK-261202-000051", customerCode: "PC05TK0012345",
                             unknownSubHouseholdIds: ["SH-1043"], refusedAt: instant("2026-12-04T03:05:00Z")),
        ReadingScheduleQuery(customerCode: "PC05TK0012345"),
        MeterHouseholdsQuery(customerCode: "PC05TK0012345", holderPhone: "+84912345678"),
        SendSMSReply(
            messageId: "mo-20261203-000123", phone: "+84912345678",
            text: "EVN: Dien luc Tam Ky da nhan bao mat dien cua KH PC05TK0012345, ma PC05TK-261203-000007.",
            issuedAt: instant("2026-12-03T01:15:00Z")
        ),
        InquiryReceived(
            requestCode: "PC05TK-261204-000003", channel: .email, branch: branch, customerCode: "PC05TK0012345",
            subject: "Hỏi về hoá đơn tháng 11", text: "Mã khách hàng PC05TK0012345, hoá đơn tháng 11 cao bất thường.",
            senderEmail: "an.nguyen@example.vn", messageId: "CAFx7y@mail.example.vn", followUp: false,
            receivedAt: instant("2026-12-04T01:14:00Z")
        ),
        SendEmailReply(
            mailId: "1733270400-42", requestCode: "PC05TK-261204-000003", email: "an.nguyen@example.vn",
            subject: "Re: Hỏi về hoá đơn tháng 11", text: "Điện lực Tam Kỳ đã nhận thư của Quý khách, mã PC05TK-261204-000003.",
            inReplyTo: "CAFx7y@mail.example.vn", references: ["CAFx7x@mail.example.vn"],
            issuedAt: instant("2026-12-04T01:15:00Z")
        ),
        AttachmentAdded(
            requestCode: requestCode, branchCode: "PC05TK", attachmentId: "3f2c9a1e-7b4d-4c8e-9f10-2a5b6c7d8e9f",
            kind: "household-book", contentType: "application/pdf", byteCount: 182_304, channel: .web,
            addedAt: instant("2025-11-24T08:20:00Z")
        ),
        SendStaffDeadlineNotice(
            noticeId: "digest/2025-12-03/tk-cs-01", branchCode: "PC05TK", staffId: "tk-cs-01",
            email: "tk-cs-01@evn.example.vn",
            subject: "[PC05TK] Phiếu đến hạn và quá hạn ngày 03/12/2025 / Tickets due and late on 03/12/2025",
            text: "Đến hạn hôm nay (1):\n- \(requestCode) · Cấp điện mới hạ áp · hạn 03/12/2025",
            issuedAt: instant("2025-12-03T00:00:00Z")
        ),
    ]

    static let timeline = RequestTimeline(
        requestCode: requestCode, branch: branch, dueDate: day("2025-12-03"),
        steps: [
            TimelineStep(at: instant("2025-11-24T08:15:00Z"), actor: .intake,
                         label: LocalizedText(vi: "Đã tiếp nhận yêu cầu", en: "Request received")),
            TimelineStep(at: instant("2025-11-25T02:00:00Z"), actor: .crm,
                         label: LocalizedText(vi: "Đã khảo sát hiện trường", en: "Site surveyed")),
        ]
    )

    static func instant(_ text: String) -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else { fatalError("not ISO-8601: \(text)") }
        return date
    }

    static func day(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(text) else { fatalError("not YYYY-MM-DD: \(text)") }
        return date
    }
}
