import Contracts
import Foundation
import VietnameseIdentity

/// A change of the households sharing a meter: households joining (``newHouseholds``), sub-households
/// whose tenants left, or both. The landlord names a leaving one by the reference households gave
/// it (`SH-<n>`, shown on the dossier); households checks it is one of that meter's.
extension ServiceRequestValidator {
    static let leavingSubHouseholdIds = "leavingSubHouseholdIds"

    /// The kinds whose own fields are each optional, but at least one of them is required.
    static let eitherFields: [RequestKind: [String]] = [.householdCountChange: ["newHouseholds", leavingSubHouseholdIds]]

    static var leavingSchema: JSONValue {
        ["type": "array", "items": FieldFormat<String>.reference.schema, "minItems": 1, "uniqueItems": true,
         "maxItems": .integer(ConnectionRequest.maximumHouseholds - 1)]
    }

    /// The JSON Schema rule that a body carries at least one of `fields`.
    static func anyOfRule(_ fields: [String]) -> JSONValue {
        ["anyOf": .array(fields.map { ["required": [.string($0)]] })]
    }

    /// The households joining and the references of those leaving; a list left out is `nil`,
    /// and a request naming neither is refused at `newHouseholds`.
    func householdChange(
        _ form: ServiceRequestForm, requester: ConnectionRequest.Household?, asOf date: Date,
        in validation: inout Validation, notices: inout [FieldError]
    ) -> (joining: [Person]?, leaving: [String]?) {
        guard form.newHouseholds != nil || form.leavingSubHouseholdIds != nil else {
            validation.add(IntakeProblem.householdChangeEmpty, at: "newHouseholds")
            return (nil, nil)
        }
        let joining = form.newHouseholds.map {
            newHouseholds($0, requester: requester, asOf: date, in: &validation, notices: &notices)
        }
        let leaving = form.leavingSubHouseholdIds.map { leavingSubHouseholds($0, in: &validation) }
        return (joining, leaving)
    }

    /// The references of the sub-households that left: 1 to 8, each well-formed, none twice.
    private func leavingSubHouseholds(_ listed: [String], in validation: inout Validation) -> [String] {
        let field = Self.leavingSubHouseholdIds
        guard (1..<ConnectionRequest.maximumHouseholds).contains(listed.count) else {
            validation.add(IntakeProblem.leavingSubHouseholdsCount, at: field)
            return []
        }
        var references: [String] = []
        for (index, entry) in listed.enumerated() {
            do {
                let reference = try Self.reference(entry)
                guard !references.contains(reference) else {
                    validation.add(IntakeProblem.leavingSubHouseholdsCount, at: "\(field)[\(index)]")
                    continue
                }
                references.append(reference)
            } catch {
                validation.add(error, at: "\(field)[\(index)]")
            }
        }
        return references
    }
}
