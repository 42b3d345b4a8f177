import Hummingbird
import ServiceKit

/// Metering's own refusals, beside the ones every service shares (``APIError``).
extension APIError {
    static let duplicateSerial = APIError(
        status: .conflict, field: "serial", code: "meter.duplicate_serial",
        vi: "Công tơ có số chế tạo này đã được nhập kho",
        en: "A meter with this serial has already been received")

    static let workOrderNotFound = APIError.notFound(vi: "lệnh công tác", en: "work order")

    static let workOrderCompleted = APIError.conflict(
        code: "work_order.already_completed",
        vi: "Lệnh công tác này đã được nghiệm thu",
        en: "This work order has already been completed")

    static let workOrderAwaitingMeter = APIError.conflict(
        code: "work_order.awaiting_meter",
        vi: "Lệnh công tác chưa có công tơ: kho chưa có công tơ đã kiểm định phù hợp",
        en: "The work order has no meter yet: no suitable verified meter is in stock")

    static let noReadingRoute = APIError.conflict(
        code: "reading_route.missing",
        vi: "Chưa có lộ trình ghi chỉ số cho khu vực này; vui lòng báo quản trị hệ thống",
        en: "No reading route covers this site; please tell the system administrator")

    static let visitNotFound = APIError.notFound(vi: "phiếu kiểm tra công tơ", en: "meter visit")

    static let visitDone = APIError.conflict(
        code: "meter_visit.already_recorded",
        vi: "Kết quả của lần kiểm tra công tơ này đã được ghi nhận",
        en: "The result of this meter visit is already recorded")

    /// The person named is not a field technician of the job's branch in the staff directory.
    static let notBranchTechnician = APIError(
        status: .unprocessableContent, field: "technicianId", code: "technicianId.not_branch_technician",
        vi: "Người được giao phải là công nhân kỹ thuật của điện lực quản lý công việc",
        en: "The technician must be a field technician of the job's branch")
}
