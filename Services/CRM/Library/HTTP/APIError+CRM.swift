import Hummingbird
import ServiceKit

/// crm's refusals of staff actions, beside the ones every service shares (``APIError``).
extension APIError {
    static let ticketNotFound = APIError.notFound(vi: "phiếu yêu cầu", en: "ticket")

    static let ticketClosed = APIError.conflict(
        code: "ticket.closed",
        vi: "Phiếu yêu cầu đã đóng; không thể cập nhật thêm",
        en: "The ticket is closed; it takes no further steps")

    /// The officer named is not a customer-service officer of the ticket's branch in the staff directory.
    static let notBranchOfficer = APIError(
        status: .unprocessableContent, field: "officerId", code: "officerId.not_branch_officer",
        vi: "Người được giao phải là nhân viên chăm sóc khách hàng của điện lực quản lý phiếu",
        en: "The officer must be a customer-service officer of the ticket's branch")

    static let wrongTicketKind = APIError.conflict(
        code: "ticket.wrong_kind",
        vi: "Bước này không áp dụng cho loại phiếu yêu cầu này",
        en: "This step does not apply to this kind of ticket")

    static let surveyAlreadyRecorded = APIError.conflict(
        code: "survey.already_recorded",
        vi: "Kết quả khảo sát hiện trường của phiếu này đã được ghi nhận",
        en: "The site survey of this ticket is already recorded")

    static let surveyRequired = APIError.conflict(
        code: "installation.survey_required",
        vi: "Chỉ yêu cầu lắp đặt công tơ sau khi khảo sát xác định đủ điều kiện cấp điện",
        en: "A meter installation can only be requested after a survey found the site can be connected")

    static let installationAlreadyRequested = APIError.conflict(
        code: "installation.already_requested",
        vi: "Đã yêu cầu lắp đặt công tơ cho phiếu này",
        en: "A meter installation was already requested for this ticket")

    static let noScreeningConflict = APIError.conflict(
        code: "screening.no_conflict",
        vi: "Kết quả kiểm tra hồ sơ hộ dùng điện không có trường hợp trùng cần xử lý",
        en: "Household screening found no conflict to resolve")

    static let screeningAlreadyResolved = APIError.conflict(
        code: "screening.already_resolved",
        vi: "Trường hợp trùng hồ sơ của phiếu này đã được xử lý",
        en: "The screening conflict of this ticket is already resolved")

    static let notAwaitingDecision = APIError.conflict(
        code: "decision.not_awaited",
        vi: "Yêu cầu này không chờ quyết định của điện lực ở bước hiện tại",
        en: "This request is not waiting for the branch's decision at its current step")

    static let noReplyAddress = APIError.conflict(
        code: "inquiry.no_reply_address",
        vi: "Thư của khách hàng không có địa chỉ trả lời; vui lòng liên hệ khách hàng theo cách khác",
        en: "The customer's mail names no address to answer; reach the customer another way")
}

/// The staff edge's answer to a step the workflow refused: the same 409s as every refusal above.
extension APIError {
    init(_ refusal: StepRefusal) {
        self = switch refusal {
        case .ticketClosed: .ticketClosed
        case .wrongTicketKind: .wrongTicketKind
        case .surveyAlreadyRecorded: .surveyAlreadyRecorded
        case .surveyRequired: .surveyRequired
        case .installationAlreadyRequested: .installationAlreadyRequested
        case .noScreeningConflict: .noScreeningConflict
        case .screeningAlreadyResolved: .screeningAlreadyResolved
        case .notAwaitingDecision: .notAwaitingDecision
        case .noReplyAddress: .noReplyAddress
        }
    }

    /// Runs `step`, answering a ``StepRefusal`` it throws as the matching ``APIError``.
    static func answeringRefusals<Result>(_ step: () throws -> Result) throws -> Result {
        do {
            return try step()
        } catch let refusal as StepRefusal {
            throw APIError(refusal)
        }
    }
}
