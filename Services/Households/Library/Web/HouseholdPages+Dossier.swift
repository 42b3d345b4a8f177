import Contracts
import Foundation
import Hummingbird
import Messaging
import ServiceKit
import StaffAuth
import VietnameseIdentity
import WebPages
import WorkingCalendar

/// A dossier's page: its households and count history, and the forms that register a
/// sub-household and record a split status on it.
extension HouseholdPages {
    func dossierPage(_ request: Request, id: String, staff: SignedInStaff, posted: WebForm? = nil, paperKind: String? = nil,
                     errors: FieldMessages = FieldMessages(), extra: [String: Any] = [:],
                     status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = PageLanguage(request)
        var context = extra
        do {
            let view = try await program.dossier(id: id.uppercased(), by: staff.claims)
            context["dossier"] = Self.shown(dossier: try JSONSerialization.jsonObject(with: try JSONCoding.encoder.encode(view)),
                                            in: language)
            context["history"] = try await program.history(dossierId: view.dossierId, by: staff.claims).map { change in
                ["when": ShownTime.dayAndTime(change.changedAt), "reasonLabel": change.reason.shown(in: language),
                 "previous": change.previous.households, "new": change.new.households,
                 "effectiveOn": ShownTime.day(change.effectiveOn)]
            }
            context["fields"] = HouseholdFormFields.inputs(HouseholdFormFields.household, prefix: "", posted: posted,
                                                           errors: errors, in: language)
            context["confirmationError"] = errors["residenceConfirmation"]
            let splittable = view.members.filter { $0.role == .sub && $0.status == .active }
            context["canRecordSplit"] = !splittable.isEmpty
            context["splittable"] = splittable.map { member -> [String: Any] in
                ["value": member.subHouseholdId, "label": "\(member.subHouseholdId) · \(member.fullName)",
                 "selected": member.subHouseholdId == posted?["subHouseholdId"]]
            }
            context["reasons"] = NotSplitReason.choices(in: language).map { choice in
                choice.merging(["selected": choice["value"] == posted?["notSplitReason"] ? "selected" : ""]) { $1 }
            }
            context["reasonError"] = errors["notSplitReason"]
            context["noteField"] = FormField.input("note", label: ("Ghi chú (bắt buộc khi lý do là “khác”)", "Note (needed for “other”)"),
                                                   in: language, value: posted?["note"], error: errors["note"])
            context["override"] = overrideField(staff, posted: posted, errors: errors, in: language)
            context.merge(try await paperValues(of: view, chosen: paperKind, errors: errors, in: language)) { $1 }
        } catch {
            guard let refusal = APIError(refusing: error) else { throw error }
            context["problem"] = refusal.errors.first.map { language.pick($0.message.vi, $0.message.en) }
            return pages.render("dossier", title: language.pick("Hồ sơ hộ dùng chung công tơ", "Shared-meter dossier"),
                                for: request, language: language, context: context, status: refusal.status, staff: staff)
        }
        context["errors"] = errors.all
        context["hasErrors"] = !errors.isEmpty
        return pages.render("dossier", title: language.pick("Hồ sơ hộ dùng chung công tơ", "Shared-meter dossier"),
                            for: request, language: language, context: context, status: status, staff: staff)
    }

    func register(_ request: Request, dossierId: String, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let form = try await WebForm.read(request)
        let household = HouseholdFormFields.read(form, prefix: "") ?? SubHouseholdForm(fullName: nil, idNumber: nil)
        do {
            switch try await program.registerSubHousehold(household, dossierId: dossierId,
                                                          override: HouseholdFormFields.override(form), by: staff.claims) {
            case .registered(let view):
                return try await dossierPage(request, id: dossierId, staff: staff, extra: [
                    "screening": ["clear": true, "name": view.fullName, "reference": view.subHouseholdId],
                ], status: .created)
            case .duplicates(let conflict):
                return try await dossierPage(request, id: dossierId, staff: staff, posted: form,
                                             extra: ["screening": Self.shown(conflict: conflict)], status: .conflict)
            }
        } catch {
            guard let refusal = APIError(refusing: error) else { throw error }
            return try await dossierPage(request, id: dossierId, staff: staff, posted: form,
                                         errors: FieldMessages(refusal.errors, in: language), status: refusal.status)
        }
    }

    func recordSplitStatus(_ request: Request, dossierId: String, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let form = try await WebForm.read(request)
        let split = SplitStatusForm(notSplitReason: form.text("notSplitReason"), note: form.text("note"),
                                    wantsSplit: form.text("wantsSplit") != nil)
        do {
            let dossier = try await program.dossier(id: dossierId.uppercased(), by: staff.claims)
            guard let reference = form.text("subHouseholdId").flatMap(SubHouseholdReference.init), dossier.members.contains(where: {
                $0.subHouseholdId == reference.description && $0.role == .sub && $0.status == .active
            }) else { throw APIError.subHouseholdNotFound }
            let status: SplitStatusView
            do {
                status = try split.validate()
            } catch {
                throw APIError.invalid(error)
            }
            _ = try await program.recordSplitStatus(status, reference: reference, by: staff.claims)
            return WebPages.seeOther("/ho-dung-chung/ho-so/\(dossier.dossierId)")
        } catch {
            guard let refusal = APIError(refusing: error) else { throw error }
            return try await dossierPage(request, id: dossierId, staff: staff, posted: form,
                                         errors: FieldMessages(refusal.errors, in: language), status: refusal.status)
        }
    }

    /// The override's reason input, for a supervisor only: officers see that a supervisor decides.
    func overrideField(_ staff: SignedInStaff, posted: WebForm?, errors: FieldMessages,
                       in language: PageLanguage) -> [String: Any]? {
        guard staff.claims.roles.contains(.householdsSupervisor) else { return nil }
        return FormField.input("override.reason", label: ("Lý do chấp thuận đăng ký dù trùng (giám sát)",
                                                          "Reason to register despite the duplicate (supervisor)"),
                               in: language, value: posted?["override.reason"], error: errors["override.reason"] ?? errors["override"],
                               hint: ("Chỉ điền khi đã xác minh; 10–500 ký tự, được lưu cùng mã cán bộ",
                                      "Only once verified; 10–500 characters, kept with your staff id"))
    }
}
