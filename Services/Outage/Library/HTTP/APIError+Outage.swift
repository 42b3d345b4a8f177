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

    static let supplyPointFileTooLarge = APIError(
        status: .contentTooLarge, code: "import.too_large",
        vi: "Tệp quá lớn để gửi qua API",
        en: "The file is too large for the API")
}
