import Contracts
import Foundation

/// One step crm recorded on a request's timeline: what happened, when, and (for steps that
/// may happen more than once) what tells the occurrences apart.
///
/// Labels are not stored: they are derived from the kind, so that a better wording reaches
/// old requests too, and the store holds no text a customer could not be shown.
struct TimelineEntry: Sendable, Equatable {
    var kind: Kind
    /// Tells apart steps of one kind (`request_received/sms` for a notice), or says how the request
    /// came (`phone` for its `request_submitted`); empty for other steps that happen once.
    var detail: String
    var at: Date

    init(_ kind: Kind, detail: String = "", at: Date) {
        self.kind = kind
        self.detail = detail
        self.at = at
    }

    /// The steps of the new-connection flow, in the order they usually happen, then those of a
    /// contract amendment (which shares the opening and closing steps), then those of service
    /// requests, then those of inquiries.
    enum Kind: String, Sendable, CaseIterable {
        case requestSubmitted = "request_submitted"
        case ticketOpened = "ticket_opened"
        case screeningClear = "screening_clear"
        case screeningConflict = "screening_conflict"
        case screeningCleared = "screening_cleared"
        case contactRecorded = "contact_recorded"
        case siteSurveyed = "site_surveyed"
        case siteNeedsPoleOrCable = "site_needs_pole_or_cable"
        case siteInfeasible = "site_infeasible"
        case installationRequested = "installation_requested"
        case workOrderOpened = "work_order_opened"
        case meterInstalled = "meter_installed"
        case contractDrafted = "contract_drafted"
        case signatureCaptured = "signature_captured"
        case contractSigned = "contract_signed"
        case requestRefused = "request_refused"
        case ticketClosed = "ticket_closed"
        case customerNotified = "customer_notified"
        case householdCountChanged = "household_count_changed"
        case contractAmended = "contract_amended"
        case requestApproved = "request_approved"
        case meterVisitRequested = "meter_visit_requested"
        /// `detail` is `accurate` or `inaccurate`.
        case meterChecked = "meter_checked"
        case finalReadingTaken = "final_reading_taken"
        case householdsCounted = "households_counted"
        case contractChanged = "contract_changed"
        case contractEnded = "contract_ended"
        /// A later mail of an inquiry's thread; `detail` is its place in the conversation.
        case customerWrote = "customer_wrote"
        /// An officer's answer to an inquiry; `detail` is `<place in the conversation>/<staff id>`.
        case inquiryAnswered = "inquiry_answered"
        /// A later mail reopened a closed inquiry; `detail` counts the reopenings.
        case ticketReopened = "ticket_reopened"
        /// `detail` is the assignment's time in seconds, so that a re-assignment is a step of its own.
        case ticketAssigned = "ticket_assigned"

        /// The service whose message recorded the step.
        var actor: ServiceName {
            switch self {
            case .requestSubmitted, .signatureCaptured: .intake
            case .screeningClear, .screeningConflict, .householdCountChanged, .householdsCounted: .households
            case .workOrderOpened, .meterInstalled, .meterChecked, .finalReadingTaken: .metering
            case .customerNotified: .notification
            case .customerWrote: .intake
            default: .crm
            }
        }
    }

    /// The step as the customer reads it.
    var step: TimelineStep {
        TimelineStep(at: at, actor: kind.actor, label: label)
    }

    private var label: LocalizedText {
        switch kind {
        case .requestSubmitted: receivedLabel
        case .ticketOpened: LocalizedText(vi: "Điện lực đã mở phiếu xử lý", en: "Ticket opened at the branch")
        case .screeningClear:
            LocalizedText(vi: "Đã kiểm tra hồ sơ hộ dùng điện: không trùng", en: "Household screening: clear")
        case .screeningConflict:
            LocalizedText(vi: "Kiểm tra hồ sơ hộ dùng điện: phát hiện trùng, đang xem xét",
                          en: "Household screening: a conflict is under review")
        case .screeningCleared:
            LocalizedText(vi: "Đã xem xét hồ sơ trùng: được tiếp tục", en: "Screening conflict reviewed: cleared")
        case .contactRecorded: LocalizedText(vi: "Nhân viên đã liên hệ khách hàng", en: "Staff contacted the customer")
        case .siteSurveyed: LocalizedText(vi: "Đã khảo sát hiện trường", en: "Site surveyed")
        case .siteNeedsPoleOrCable:
            LocalizedText(vi: "Đã khảo sát hiện trường: cần bổ sung cột hoặc cáp",
                          en: "Site surveyed: a pole or cable is needed")
        case .siteInfeasible:
            LocalizedText(vi: "Đã khảo sát hiện trường: chưa đủ điều kiện cấp điện",
                          en: "Site surveyed: the site cannot be connected")
        case .installationRequested: LocalizedText(vi: "Đã yêu cầu lắp đặt công tơ", en: "Meter installation requested")
        case .workOrderOpened: LocalizedText(vi: "Đã lập phiếu thi công lắp công tơ", en: "Installation work order opened")
        case .meterInstalled: LocalizedText(vi: "Đã lắp đặt và niêm phong công tơ", en: "Meter installed and sealed")
        case .contractDrafted: LocalizedText(vi: "Đã soạn hợp đồng mua bán điện", en: "Electricity contract drafted")
        case .signatureCaptured: LocalizedText(vi: "Khách hàng đã ký hợp đồng", en: "Customer signed the contract")
        case .contractSigned: LocalizedText(vi: "Hợp đồng đã có hiệu lực", en: "Contract in force")
        case .requestRefused: LocalizedText(vi: "Yêu cầu không được chấp thuận", en: "Request refused")
        case .ticketClosed: LocalizedText(vi: "Đã hoàn tất phiếu xử lý", en: "Ticket closed")
        case .customerNotified: notificationLabel
        case .householdCountChanged:
            LocalizedText(vi: "Số hộ dùng chung công tơ đã thay đổi",
                          en: "The number of households sharing the meter changed")
        case .contractAmended:
            LocalizedText(vi: "Đã điều chỉnh hợp đồng theo số hộ mới", en: "Contract amended to the new household count")
        case .requestApproved: LocalizedText(vi: "Điện lực đã chấp thuận yêu cầu", en: "The branch approved the request")
        case .meterVisitRequested:
            LocalizedText(vi: "Đã giao nhân viên đến công tơ của khách hàng", en: "Field staff sent to the meter")
        case .meterChecked:
            detail == "accurate"
                ? LocalizedText(vi: "Đã kiểm tra công tơ: đạt cấp chính xác", en: "Meter checked: within its accuracy class")
                : LocalizedText(vi: "Đã kiểm tra công tơ: không đạt cấp chính xác",
                                en: "Meter checked: outside its accuracy class")
        case .finalReadingTaken: LocalizedText(vi: "Đã chốt chỉ số công tơ", en: "Final meter reading taken")
        case .householdsCounted:
            LocalizedText(vi: "Đã cập nhật số hộ dùng chung công tơ", en: "Households sharing the meter counted")
        case .contractChanged: LocalizedText(vi: "Hợp đồng đã được điều chỉnh", en: "Contract changed")
        case .contractEnded: LocalizedText(vi: "Hợp đồng đã chấm dứt", en: "Contract ended")
        case .customerWrote:
            LocalizedText(vi: "Khách hàng gửi thêm thư điện tử", en: "The customer wrote again by e-mail")
        case .inquiryAnswered: answeredLabel
        case .ticketReopened: LocalizedText(vi: "Đã mở lại phiếu xử lý", en: "Ticket reopened")
        case .ticketAssigned: LocalizedText(vi: "Đã giao phiếu cho nhân viên xử lý", en: "Ticket assigned to an officer")
        }
    }

    /// "Officer tk-cs-014 answered by e-mail", from a `<place>/<staff id>` detail.
    private var answeredLabel: LocalizedText {
        let staffId = detail.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        return LocalizedText(vi: "Nhân viên \(staffId) đã trả lời khách hàng qua thư điện tử",
                             en: "Officer \(staffId) answered the customer by e-mail")
    }

    /// "Request received by the call centre", from the channel intake recorded in the detail;
    /// steps recorded before the channel was kept just say the request was received.
    private var receivedLabel: LocalizedText {
        switch Channel(rawValue: detail) {
        case .web: LocalizedText(vi: "Đã tiếp nhận yêu cầu qua cổng dịch vụ trực tuyến", en: "Request received on the online portal")
        case .phone: LocalizedText(vi: "Đã tiếp nhận yêu cầu qua tổng đài", en: "Request received by the call centre")
        case .sms: LocalizedText(vi: "Đã tiếp nhận yêu cầu qua tin nhắn SMS", en: "Request received by SMS")
        case .email: LocalizedText(vi: "Đã tiếp nhận yêu cầu qua thư điện tử", en: "Request received by e-mail")
        case nil: LocalizedText(vi: "Đã tiếp nhận yêu cầu", en: "Request received")
        }
    }

    /// "Notice sent (SMS): request received", from a `notice/channel` detail.
    private var notificationLabel: LocalizedText {
        let parts = detail.split(separator: "/").map(String.init)
        let notice = parts.first.flatMap(CustomerNotified.Notice.init(rawValue:))
        let channel = parts.count > 1 ? CustomerNotified.DeliveryChannel(rawValue: parts[1]) : nil
        let via = switch channel {
        case .sms: (vi: "SMS", en: "SMS")
        case .email: (vi: "email", en: "e-mail")
        case nil: (vi: "", en: "")
        }
        let what = switch notice {
        case .requestReceived: (vi: "đã tiếp nhận yêu cầu", en: "request received")
        case .requestRefused: (vi: "yêu cầu không được chấp thuận", en: "request refused")
        case .contractReady: (vi: "hợp đồng sẵn sàng để ký", en: "contract ready to sign")
        case .contractSigned: (vi: "hợp đồng đã ký", en: "contract signed")
        case .requestProgressed: (vi: "tiến độ yêu cầu", en: "request progress")
        case nil: (vi: "", en: "")
        }
        return LocalizedText(vi: "Đã gửi thông báo qua \(via.vi): \(what.vi)", en: "Notice sent by \(via.en): \(what.en)")
    }
}
