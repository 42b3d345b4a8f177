import Hummingbird
import ServiceKit

/// Outage's own refusals, beside the ones every service shares (``APIError``).
extension APIError {
    static let incidentNotFound = APIError.notFound(vi: "sự cố", en: "incident")

    static let incidentRestored = APIError.conflict(
        code: "incident.restored",
        vi: "Sự cố này đã được khôi phục cấp điện",
        en: "Power has already been restored for this incident")

    static let plannedOutageNotFound = APIError.notFound(vi: "lịch tạm ngừng cấp điện", en: "planned outage")

    static let plannedOutageCancelled = APIError.conflict(
        code: "planned_outage.cancelled",
        vi: "Lịch tạm ngừng cấp điện này đã bị hủy",
        en: "This planned outage has been cancelled")

    /// A billing export row for a customer whose supply point came from their signed contract.
    static let supplyPointUnderContract = APIError.conflict(
        code: "customer_code.signed_contract",
        vi: "Điểm cấp điện này đã được cập nhật theo hợp đồng khách hàng đã ký; tệp xuất không ghi đè lên",
        en: "This supply point was updated from the customer's signed contract; the export does not overwrite it")

    static let supplyPointFileTooLarge = APIError(
        status: .contentTooLarge, code: "import.too_large",
        vi: "Tệp quá lớn để gửi qua API",
        en: "The file is too large for the API")
}
