import Hummingbird
import ServiceKit
import StaffAuth

/// Households' own refusals, beside the ones every service shares (``APIError``).
extension APIError {
    /// The answer to the program's `refusal`.
    init(_ refusal: HouseholdsRefusal) {
        self = switch refusal {
        case .dossierNotFound: .dossierNotFound
        case .subHouseholdNotFound: .subHouseholdNotFound
        case .attachmentNotFound: .notFound(vi: "tệp đính kèm", en: "attachment")
        case .customerCodeActive: .customerCodeActive
        case .dossierClosed: .dossierClosed
        case .subHouseholdNotCurrent: .subHouseholdNotCurrent
        case .subHouseholdDuplicate: .subHouseholdDuplicate
        case .overrideNotAllowed: .overrideNotAllowed
        case .otherUnit: .otherUnit
        case .invalid(let failure): .invalid(failure)
        }
    }

    /// The answer to `error` when it is a refusal, the program's or the API's own; `nil` for any other error.
    init?(refusing error: any Error) {
        switch error {
        case let refusal as APIError: self = refusal
        case let refusal as HouseholdsRefusal: self.init(refusal)
        default: return nil
        }
    }

    static let dossierNotFound = APIError.notFound(vi: "hồ sơ hộ dùng chung", en: "dossier")
    static let subHouseholdNotFound = APIError.notFound(vi: "hộ dùng chung", en: "sub-household")

    static let customerCodeActive = APIError(
        status: .conflict, field: "customerCode", code: "dossier.customer_code_active",
        vi: "Mã khách hàng này đã có hồ sơ đang hiệu lực",
        en: "This customer code already has an active dossier")

    static let dossierClosed = APIError.conflict(
        code: "dossier.already_closed", vi: "Hồ sơ này đã được đóng", en: "This dossier is already closed")

    static let subHouseholdNotCurrent = APIError.conflict(
        code: "sub_household.not_current", vi: "Hộ này không còn dùng chung công tơ",
        en: "This household no longer shares the meter")

    static let subHouseholdDuplicate = APIError.conflict(
        code: "sub_household.duplicate", vi: "Hộ đã có trong hồ sơ khác", en: "The household is in another dossier")

    static let overrideNotAllowed = APIError(
        status: .forbidden, field: "override", code: "override.supervisor_only",
        vi: "Chỉ cán bộ phụ trách (giám sát) được chấp thuận đăng ký trùng",
        en: "Only a supervisor may register a household that is already in another dossier")

    static let importTooLarge = APIError(
        status: .contentTooLarge, field: "", code: "import.too_large",
        vi: "Tệp quá lớn để gửi qua API; hãy dùng lệnh nhập tệp của dịch vụ",
        en: "The file is too large for the API; use the service's import command")
}

/// A refusal of the program that reaches the HTTP edge unanswered is answered as the API answers it.
extension HouseholdsRefusal: HTTPResponseError {
    var status: HTTPResponse.Status { APIError(self).status }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try APIError(self).response(from: request, context: context)
    }
}
