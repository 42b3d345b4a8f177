import Contracts
import Foundation
import ServiceAreas
import VietnameseIdentity

/// Turns an outage report form into an ``OutageReport``, or into every field error at once.
///
/// The branch comes from the commune (the service-area table) or from the customer code's
/// branch prefix; when both are given they must agree, so a report is never filed with the
/// wrong branch's dispatch.
struct OutageReportValidator: Sendable {
    static let maximumNoteLength = 500

    static let phone = FieldDeclaration<VietnamesePhoneNumber>.required("phone", .phone, "The mobile texted when power is back.")
    static let note = FieldDeclaration<String>.optional("note", .text(maximum: maximumNoteLength), "What the reporter sees.")

    let areas: ServiceAreaTable

    var customerCode: FieldDeclaration<CustomerCode> {
        .optional("customerCode", .servedCustomerCode(in: areas),
                  "The customer code on the bill, e.g. PC05TK0012345 (or give communeCode).")
    }

    var communeCode: FieldDeclaration<ServiceArea> {
        .optional("communeCode", .servedCommune(in: areas), "The commune without power (or give customerCode).")
    }

    /// The body's JSON Schema: a customer code or a commune at least, of one branch when both.
    var schema: FormSchema {
        let given: (String, JSONValue) -> JSONValue = { name, format in ["required": [.string(name)], "properties": [name: format]] }
        let left: (String) -> JSONValue = { name in ["properties": [name: ["anyOf": [SchemaPattern.blank, SchemaPattern.null]]]] }
        let sameBranch = IntakeFields.sameBranchRule(in: areas) { customerCode, commune in
            ["properties": [self.customerCode.name: customerCode, self.communeCode.name: commune]]
        }
        return FormSchema([
            .field(IntakeFields.channelField), .field(IntakeFields.operatorIdField), .field(customerCode),
            .field(communeCode), .field(Self.phone), .field(Self.note),
            .value("consent", IntakeFields.consent, required: true),
        ], rules: [
            IntakeFields.channelRule,
            ["anyOf": [given(customerCode.name, customerCode.format.schema), given(communeCode.name, communeCode.format.schema)]],
            ["anyOf": .array([left(customerCode.name), left(communeCode.name)] + sameBranch)],
        ])
    }

    func validate(_ form: OutageReportForm) throws(ValidationFailure) -> OutageReport {
        var validation = Validation()
        let (channel, operatorId) = IntakeFields.channel(form.channel, operatorId: form.operatorId, in: &validation)
        let customerCode = validation.check(self.customerCode, form.customerCode)
        let area = validation.check(communeCode, form.communeCode)
        let noPlace = [form.customerCode, form.communeCode].allSatisfy { $0?.allSatisfy(\.isWhitespace) ?? true }
        if noPlace {
            validation.add(IntakeProblem.outagePlaceRequired, at: self.customerCode.name)
        } else if let area, let customerCode, area.branch.code != customerCode.branchCode {
            validation.add(IntakeProblem.communeOfOtherBranch, at: communeCode.name)
        }
        let phone = validation.check(Self.phone, form.phone)
        let note = validation.check(Self.note, form.note)
        if form.consent != true {
            validation.add(IntakeProblem.consentRequired, at: "consent")
        }
        return try validation.finish {
            guard let channel, let phone,
                  let branch = area?.branch ?? customerCode.flatMap({ areas.branch(code: $0.branchCode) }) else { return nil }
            return OutageReport(channel: channel, operatorId: operatorId, branch: branch, customerCode: customerCode,
                                communeCode: area?.communeCode, phone: phone, note: note)
        }
    }
}
