import CSV
import Contracts
import Foundation
import ServiceAreas
import VietnameseIdentity

/// Reads the billing system's supply-point export (CSV, UTF-8, a header line):
/// `customer_code,branch,commune_code[,station_code][,phone]`.
///
/// Every row is checked on its own: a bad one is reported with its line and field and the
/// others are kept, so one typo in a branch's million rows does not stop the import. A row's
/// customer code must be one of its branch's (its first six characters are the branch code).
struct SupplyPointImport: Sendable {
    /// A row that was not kept, and why.
    struct Rejection: Codable, Sendable {
        var line: Int
        var field: String
        var code: String
        var message: LocalizedMessage
    }

    /// A checked row.
    struct Row: Sendable {
        var line: Int
        var point: SupplyPoint
        var phone: VietnamesePhoneNumber?
    }

    static let required = ["customer_code", "branch", "commune_code"]

    let areas: ServiceAreaTable

    /// The rows of `file`, each checked: kept rows and rejections in line order.
    func read(_ file: Data) -> (rows: [Row], rejected: [Rejection]) {
        var rows: [Row] = []
        var rejected: [Rejection] = []
        var header: CSVHeader?
        var optional: [String: Int] = [:]
        for result in CSVReader(data: file) {
            switch result {
            case .failure(let error):
                rejected.append(Rejection(line: error.line, field: "", code: "csv.malformed",
                                          message: LocalizedMessage(vi: "Dòng CSV không hợp lệ: \(error)", en: "Malformed CSV line: \(error)")))
            case .success(let record) where header == nil:
                do {
                    header = try CSVHeader(record, requiring: Self.required)
                    for name in ["station_code", "phone"] {
                        optional[name] = record.fields.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == name }
                    }
                } catch {
                    return ([], [Rejection(line: record.line, field: error.names.joined(separator: ","), code: "csv.missing_columns",
                                           message: LocalizedMessage(vi: "Thiếu cột: \(error.names.joined(separator: ", "))",
                                                                     en: "Missing columns: \(error.names.joined(separator: ", "))"))])
                }
            case .success(let record):
                let value = { (name: String) -> String? in
                    header?.value(name, in: record) ?? optional[name].flatMap { $0 < record.fields.count ? record.fields[$0] : nil }
                }
                switch check(value, line: record.line) {
                case .success(let row): rows.append(row)
                case .failure(let failure):
                    rejected += failure.errors.map {
                        Rejection(line: record.line, field: $0.field, code: $0.code, message: $0.message)
                    }
                }
            }
        }
        return (rows, rejected)
    }

    private func check(_ value: (String) -> String?, line: Int) -> Result<Row, ValidationFailure> {
        var validation = Validation()
        let code = validation.required("customer_code", value("customer_code")) { (text: String) throws(OutageProblem) in
            guard let code = CustomerCode(text) else { throw .customerCodeFormat }
            return code
        }
        let branch = validation.required("branch", value("branch")) { (text: String) throws(OutageProblem) in
            let code = text.trimmingCharacters(in: .whitespaces).uppercased()
            guard areas.branch(code: code) != nil else { throw .unknownBranch(code: code) }
            return code
        }
        let commune = validation.required("commune_code", value("commune_code")) { (text: String) throws(OutageProblem) in
            let code = text.trimmingCharacters(in: .whitespaces)
            guard let branch, areas.area(communeCode: code)?.branch.code == branch else {
                throw .communeNotOfBranch(code: code, branch: branch ?? "")
            }
            return code
        }
        let station = value("station_code").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
            .flatMap { $0.isEmpty ? nil : $0 }
        if let code, let branch, code.branchCode != branch {
            validation.add(OutageProblem.customerCodeOfOtherBranch(branch: branch), at: "customer_code")
        }
        let phone = validation.optional("phone", value("phone"), VietnamesePhoneNumber.init)
        do {
            try validation.finish()
        } catch {
            return .failure(error)
        }
        return .success(Row(line: line, point: SupplyPoint(customerCode: code!.description, branchCode: branch!, communeCode: commune!,
                                               stationCode: station), phone: phone))
    }
}
