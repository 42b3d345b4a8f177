import Hummingbird
import ServiceKit

/// Households' own refusals, beside the ones every service shares (``APIError``).
extension APIError {
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

    static let overrideNotAllowed = APIError(
        status: .forbidden, field: "override", code: "override.supervisor_only",
        vi: "Chỉ cán bộ phụ trách (giám sát) được chấp thuận đăng ký trùng",
        en: "Only a supervisor may register a household that is already in another dossier")

    static let importTooLarge = APIError(
        status: .contentTooLarge, field: "", code: "import.too_large",
        vi: "Tệp quá lớn để gửi qua API; hãy dùng lệnh nhập tệp của dịch vụ",
        en: "The file is too large for the API; use the service's import command")
}
