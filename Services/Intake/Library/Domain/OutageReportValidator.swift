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

    let areas: ServiceAreaTable

    func validate(_ form: OutageReportForm) throws(ValidationFailure) -> OutageReport {
        var validation = Validation()
        let (channel, operatorId) = IntakeFields.channel(form.channel, operatorId: form.operatorId, in: &validation)
        let customerCode = validation.optional("customerCode", form.customerCode) { (text: String) throws(IntakeProblem) in
            try IntakeFields.servedCustomerCode(text, in: areas)
        }
        let area = validation.optional("communeCode", form.communeCode) { (code: String) throws(IntakeProblem) in
            try IntakeFields.servedArea(code, in: areas)
        }
        let noPlace = [form.customerCode, form.communeCode].allSatisfy { $0?.allSatisfy(\.isWhitespace) ?? true }
        if noPlace {
            validation.add(IntakeProblem.outagePlaceRequired, at: "customerCode")
        } else if let area, let customerCode, area.branch.code != customerCode.branchCode {
            validation.add(IntakeProblem.communeOfOtherBranch, at: "communeCode")
        }
        let phone = validation.required("phone", form.phone, VietnamesePhoneNumber.init)
        let note = validation.optional("note", form.note) { (text: String) throws(IntakeProblem) in
            try IntakeFields.text(text, maximum: Self.maximumNoteLength)
        }
        if form.consent != true {
            validation.add(IntakeProblem.consentRequired, at: "consent")
        }
        try validation.finish()
        let branch = area?.branch ?? areas.branch(code: customerCode!.branchCode)!
        return OutageReport(channel: channel!, operatorId: operatorId, branch: branch, customerCode: customerCode,
                            communeCode: area?.communeCode, phone: phone!, note: note)
    }
}
