import CSV
import Contracts
import VietnameseIdentity

/// Reads the billing system's customer export, one row at a time, into ``CustomerRecord``s
/// or into the rejections of each bad field.
///
/// Columns, in any order, other columns ignored: `customer_code,name,address,branch,area_class,household_count`.
struct CustomerRecordParser: Sendable {
    static let columns = ["customer_code", "name", "address", "branch", "area_class", "household_count"]

    let header: CSVHeader

    func parse(_ record: CSVRecord) -> Result<CustomerRecord, ValidationFailure> {
        var validation = Validation()
        let code = validation.required("customer_code", field("customer_code", record), DossierValidator.customerCode)
        let name = validation.required("name", field("name", record)) { (text: String) throws(HouseholdsProblem) in
            try SubHouseholdValidator.text(text, length: 2...200, problem: .invalidText)
        }
        let address = validation.required("address", field("address", record), SubHouseholdValidator.address)
        let branch = validation.required("branch", field("branch", record), DossierValidator.unit)
        let area = validation.required("area_class", field("area_class", record)) { (text: String) throws(HouseholdsProblem) in
            guard let area = AreaClass(rawValue: text)
                    ?? AreaClass(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw .invalidAreaClass
            }
            return area
        }
        let count = validation.required("household_count", field("household_count", record)) {
            (text: String) throws(HouseholdsProblem) in
            guard let count = HouseholdQuarters(decimal: text), count.quarters >= 4 else { throw .invalidHouseholdCount }
            return count
        }
        do {
            try validation.finish()
        } catch {
            return .failure(error)
        }
        return .success(CustomerRecord(customerCode: code!, name: name!, address: address!, branch: branch!,
                                       areaClass: area!, households: count!))
    }

    private func field(_ name: String, _ record: CSVRecord) -> String? {
        header.value(name, in: record)
    }
}
