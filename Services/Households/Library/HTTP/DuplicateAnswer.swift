import Hummingbird
import ServiceKit
import VietnameseIdentity

/// The 409 answer to a registration refused as a duplicate: the usual `errors`, and the
/// conflicts (masked number, units, and customer codes of the staff member's own unit only).
struct DuplicateAnswer: Encodable {
    var errors: [FieldError]
    var conflicts: [DuplicateCase]

    static func response(_ conflict: DuplicateConflict) throws -> Response {
        let units = Set(conflict.conflicts.flatMap { $0.holdings.map(\.unit) }).sorted().joined(separator: ", ")
        let error = FieldError(field: "", code: "household.duplicate_elsewhere", message: LocalizedMessage(
            vi: "Hộ này đã có trong hồ sơ đang hiệu lực của đơn vị \(units); cần cán bộ giám sát chấp thuận kèm lý do",
            en: "This household is already in an active dossier of \(units); a supervisor must allow it, with a reason"))
        return try Response.json(DuplicateAnswer(errors: [error], conflicts: conflict.conflicts), status: .conflict)
    }
}
