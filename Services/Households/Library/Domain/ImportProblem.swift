import CSV
import VietnameseIdentity

/// What makes a whole row of an import unusable, beside the field problems of its values.
enum ImportProblem: FieldProblem, Hashable {
    /// The CSV reader could not read the row (an open quote, invalid UTF-8, …).
    case unreadable(CSVError.Reason)
    /// The file lacks required columns.
    case missingColumns([String])
    /// The customer code appears twice in one export; the first row was taken.
    case repeatedCustomer
    /// A sub-household row whose customer has no active dossier and no main-household row before it.
    case noDossier
    /// A main-household row for a customer that already has an active dossier.
    case dossierExists
    /// A row of a unit the importing staff member does not keep.
    case otherUnit

    var code: String {
        switch self {
        case .unreadable(let reason): "csv.\(reason.rawValue)"
        case .missingColumns: "csv.missing_columns"
        case .repeatedCustomer: "customer_code.repeated_in_file"
        case .noDossier: "dossier.not_found"
        case .dossierExists: "dossier.customer_code_active"
        case .otherUnit: "unit.other"
        }
    }

    var message: LocalizedMessage {
        switch self {
        case .unreadable:
            LocalizedMessage(vi: "Không đọc được dòng này (dấu ngoặc kép hoặc mã UTF-8 không hợp lệ)",
                             en: "This row cannot be read (a quote or the UTF-8 encoding is invalid)")
        case .missingColumns(let names):
            LocalizedMessage(vi: "Tệp thiếu cột: \(names.joined(separator: ", "))",
                             en: "The file lacks the columns: \(names.joined(separator: ", "))")
        case .repeatedCustomer:
            LocalizedMessage(vi: "Mã khách hàng đã xuất hiện ở một dòng trước; dòng trước được nhận",
                             en: "The customer code appeared on an earlier row, which was taken")
        case .noDossier:
            LocalizedMessage(vi: "Khách hàng chưa có hồ sơ hộ dùng chung và không có dòng hộ chính phía trước",
                             en: "The customer has no shared-meter dossier and no main-household row before this one")
        case .dossierExists:
            LocalizedMessage(vi: "Mã khách hàng này đã có hồ sơ đang hiệu lực",
                             en: "This customer code already has an active dossier")
        case .otherUnit:
            LocalizedMessage(vi: "Dòng này thuộc đơn vị khác", en: "This row belongs to another unit")
        }
    }

    /// The rejection of `line` for this problem, at `field`.
    func rejection(line: Int, field: String = "row") -> ImportRejection {
        ImportRejection(line: line, field: field, code: code, message: message)
    }
}
