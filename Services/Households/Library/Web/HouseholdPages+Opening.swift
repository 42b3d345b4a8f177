import Contracts
import Foundation
import Hummingbird
import Messaging
import ServiceKit
import StaffAuth
import VietnameseIdentity
import WebPages
import WorkingCalendar

/// Opening a dossier: the form, and what registering it answers.
extension HouseholdPages {
    func openingForm(_ request: Request, staff: SignedInStaff, posted: WebForm? = nil,
                     errors: FieldMessages = FieldMessages(), extra: [String: Any] = [:],
                     status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = PageLanguage(request)
        var context = extra
        let own = FormField.input("unit", label: ("Đơn vị quản lý hồ sơ", "Unit keeping the dossier"), in: language,
                                  value: posted?["unit"] ?? staff.claims.ownUnit, error: errors["unit"])
        context["meterFields"] = [
            own,
            FormField.input("customerCode", label: ("Mã khách hàng (công tơ dùng chung)", "Customer code (the shared meter)"),
                            in: language, value: posted?["customerCode"], error: errors["customerCode"]),
            FormField.input("meterSerial", label: ("Số công tơ (nếu biết)", "Meter serial (if known)"), in: language,
                            value: posted?["meterSerial"], error: errors["meterSerial"]),
            FormField.input("contactPhone", label: ("Điện thoại chủ hộ chính (nhận nhắc gia hạn)",
                                                    "Main household's mobile (for renewal reminders)"),
                            in: language, value: posted?["contactPhone"], error: errors["contactPhone"], type: "tel"),
        ]
        context["holderFields"] = HouseholdFormFields.inputs(HouseholdFormFields.holder, prefix: "holder.", posted: posted,
                                                             errors: errors, in: language)
        context["slots"] = (0..<Self.openingSlots).map { index -> [String: Any] in
            let prefix = "subHouseholds[\(index)]."
            return Self.values([
                "number": index + 1, "id": FieldMessages.id("subHouseholds[\(index)].residenceConfirmation"),
                "error": errors["subHouseholds[\(index)].residenceConfirmation"],
                "fields": HouseholdFormFields.inputs(HouseholdFormFields.household, prefix: prefix, posted: posted,
                                                     errors: errors, in: language)])
        }
        context["errors"] = errors.all
        context["hasErrors"] = !errors.isEmpty
        context["override"] = overrideField(staff, posted: posted, errors: errors, in: language)
        return pages.render("openDossier", title: language.pick("Mở hồ sơ hộ dùng chung công tơ", "Open a shared-meter dossier"),
                            for: request, language: language, context: context, status: status, staff: staff)
    }

    func open(_ request: Request, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let form = try await WebForm.read(request)
        // Blank household inputs are left out; an error on the n-th household sent is shown on its own inputs.
        let slots = (0..<Self.openingSlots).filter { HouseholdFormFields.read(form, prefix: "subHouseholds[\($0)].") != nil }
        let dossier = DossierForm(
            customerCode: form["customerCode"], unit: form.text("unit"), meterSerial: form.text("meterSerial"),
            holder: .init(fullName: form["holder.fullName"], idNumber: form["holder.idNumber"],
                          householdBook: form.text("holder.householdBook")),
            contactPhone: form.text("contactPhone"),
            subHouseholds: slots.compactMap { HouseholdFormFields.read(form, prefix: "subHouseholds[\($0)].") },
            override: HouseholdFormFields.override(form))
        do {
            switch try await program.openDossier(dossier, unit: try staff.claims.actingUnit(named: dossier.unit, field: "unit"),
                                                 by: staff.claims) {
            case .registered(let view):
                return WebPages.seeOther("/ho-dung-chung/ho-so/\(view.dossierId)")
            case .duplicates(let conflict):
                return try await openingForm(request, staff: staff, posted: form,
                                             extra: ["screening": Self.shown(conflict: conflict)], status: .conflict)
            }
        } catch {
            guard let refusal = APIError(refusing: error) else { throw error }
            let errors = refusal.errors.map { error in
                FieldError(field: Self.slotField(error.field, slots: slots), code: error.code, message: error.message)
            }
            return try await openingForm(request, staff: staff, posted: form, errors: FieldMessages(errors, in: language),
                                         status: refusal.status)
        }
    }

    /// `field` of the API's n-th sub-household as the input of the form's slot it came from.
    private static func slotField(_ field: String, slots: [Int]) -> String {
        guard field.hasPrefix("subHouseholds["), let close = field.firstIndex(of: "]"),
              let sent = Int(field[field.index(field.startIndex, offsetBy: 14)..<close]), slots.indices.contains(sent)
        else { return field }
        return "subHouseholds[\(slots[sent])" + field[close...]
    }
}
