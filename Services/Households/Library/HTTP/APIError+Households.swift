import Hummingbird
import ServiceKit

/// Households' own refusals, beside the ones every service shares (``APIError``).
extension APIError {
    static let dossierNotFound = APIError.notFound(vi: "hồ sơ hộ dùng chung", en: "dossier")

    static let customerCodeActive = APIError(
        status: .conflict, field: "customerCode", code: "dossier.customer_code_active",
        vi: "Mã khách hàng này đã có hồ sơ đang hiệu lực",
        en: "This customer code already has an active dossier")

    static let dossierClosed = APIError.conflict(
        code: "dossier.already_closed", vi: "Hồ sơ này đã được đóng", en: "This dossier is already closed")
}
