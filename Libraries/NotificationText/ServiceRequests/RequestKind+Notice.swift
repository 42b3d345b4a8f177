import Contracts

/// How the customer's notices name each kind of request and say what the branch does next,
/// so that a change of holder is not told about a survey appointment.
///
/// Names and sentences are short on purpose: with every other value at its limit, the notice
/// of the longest kind still fits two GSM-7 segments.
extension RequestKind {
    /// The request as the notices name it after "Yêu cầu", e.g. `đổi chủ hợp đồng`.
    var noticeName: String {
        switch self {
        case .newLowVoltageConnection: "cấp điện mới hạ áp"
        case .newMediumVoltageConnection: "cấp điện mới trung áp"
        case .changeOfHolder: "đổi chủ hợp đồng"
        case .changeOfPurpose: "đổi mục đích sử dụng điện"
        case .contractRenewal: "gia hạn hợp đồng"
        case .contractTermination: "chấm dứt hợp đồng"
        case .householdCountChange: "thay đổi số hộ dùng chung"
        case .meterInspection: "kiểm tra công tơ"
        case .meterVerification: "kiểm định công tơ"
        case .independentVerification: "kiểm định độc lập công tơ"
        case .meterSplit: "tách công tơ"
        }
    }

    /// What the branch does once the request is received, one sentence with its full stop.
    var nextStep: String {
        switch self {
        case .newLowVoltageConnection, .newMediumVoltageConnection:
            "Nhân viên Điện lực sẽ liên hệ để hẹn khảo sát."
        case .changeOfHolder, .changeOfPurpose, .contractRenewal:
            "Điện lực sẽ xem xét hồ sơ và báo kết quả."
        case .contractTermination:
            "Nhân viên Điện lực sẽ liên hệ để hẹn chốt chỉ số công tơ."
        case .householdCountChange:
            "Điện lực sẽ đối chiếu các hộ và báo kết quả."
        case .meterInspection:
            "Nhân viên Điện lực sẽ liên hệ để hẹn kiểm tra công tơ."
        case .meterVerification, .independentVerification:
            "Nhân viên Điện lực sẽ liên hệ để hẹn kiểm định công tơ."
        case .meterSplit:
            "Nhân viên Điện lực sẽ liên hệ để hẹn khảo sát lắp công tơ."
        }
    }
}

extension RequestProgressed.Stage {
    /// What became of a request of `kind`, after its name and code, e.g. `đã được chấp thuận`.
    func noticePhrase(for kind: RequestKind) -> String {
        switch self {
        case .approved: "đã được chấp thuận"
        case .meterChecked: kind == .meterInspection ? "đã có kết quả kiểm tra" : "đã có kết quả kiểm định"
        case .finalReadingTaken: "đã chốt chỉ số công tơ"
        case .completed: "đã hoàn thành"
        }
    }
}
