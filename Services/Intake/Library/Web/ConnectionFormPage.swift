import Contracts
import Foundation
import ServiceAreas
import VietnameseIdentity
import WebPages

/// The new-connection form of the portal and of the call-centre console: the posted fields as
/// the API's ``SubmissionForm`` (so the same validator checks them), and the page's values and
/// errors to show the form again.
///
/// The form has three rows for the households sharing the meter; the household count is one
/// plus the rows filled in, so a customer never has to keep the two in step.
struct ConnectionFormPage: Sendable {
    static let householdRows = 3

    let areas: ServiceAreaTable

    /// The posted form with the filled household rows moved up, in their order, so that the
    /// validator's `extraHouseholds[i]` is the row shown as number i + 1.
    func compacted(_ form: WebForm) -> WebForm {
        var fields = form.fields
        var filled: [(String?, String?)] = []
        for row in 0..<Self.householdRows {
            let name = form.text("extraHouseholds[\(row)].fullName"), id = form.text("extraHouseholds[\(row)].idNumber")
            if name != nil || id != nil { filled.append((name, id)) }
            fields["extraHouseholds[\(row)].fullName"] = nil
            fields["extraHouseholds[\(row)].idNumber"] = nil
        }
        for (row, household) in filled.enumerated() {
            fields["extraHouseholds[\(row)].fullName"] = household.0
            fields["extraHouseholds[\(row)].idNumber"] = household.1
        }
        return WebForm(fields: fields)
    }

    /// The API form the posted fields make, for `channel` (`web`, or `phone` with the operator).
    func submission(_ form: WebForm, channel: Channel, operatorId: String?) -> SubmissionForm {
        let area = form.text("site.communeCode").flatMap { areas.area(communeCode: $0) }
        let households = (0..<Self.householdRows).compactMap { row -> SubmissionForm.PersonForm? in
            let name = form.text("extraHouseholds[\(row)].fullName")
            let id = form.text("extraHouseholds[\(row)].idNumber")
            guard name != nil || id != nil else { return nil }
            return SubmissionForm.PersonForm(fullName: name, idNumber: id)
        }
        return SubmissionForm(
            kind: form["kind"] ?? RequestKind.newLowVoltageConnection.rawValue,
            applicant: .init(fullName: form["applicant.fullName"], idNumber: form["applicant.idNumber"],
                             phone: form["applicant.phone"], email: form.text("applicant.email")),
            site: .init(province: area?.province ?? form["site.communeCode"], communeCode: form["site.communeCode"],
                        street: form["site.street"]),
            purpose: form["purpose"], householdCount: households.count + 1, extraHouseholds: households,
            termMonths: form.text("termMonths").map(Self.months), consent: form["consent"] == "true", channel: channel.rawValue, operatorId: operatorId)
    }

    /// The months typed for the contract's term; what is not a whole number counts as 0, so
    /// that the validator's range message asks for one.
    private static func months(_ text: String) -> Int {
        Int(text) ?? 0
    }

    /// The template's values: what was typed (nothing on a first visit), the choices, and each
    /// field's error beside it.
    func context(_ form: WebForm, errors: FieldMessages, language: PageLanguage) -> [String: Any] {
        func field(_ name: String, label: (String, String), type: String = "text", hint: (String, String)? = nil,
                   autocomplete: String = "off") -> [String: Any] {
            FormField.input(name, label: label, in: language, value: form[name], error: errors[name], type: type,
                            hint: hint, autocomplete: autocomplete)
        }
        let selectedCommune = form["site.communeCode"]
        let communes = areas.areas.map { area -> [String: Any] in
            ["value": area.communeCode, "label": "\(area.communeName), \(area.province)",
             "selected": area.communeCode == selectedCommune]
        }
        let purpose = form["purpose"] ?? PurposeOfUse.residential.rawValue
        var rows: [[String: Any]] = []
        for row in 0..<Self.householdRows {
            rows.append([
                "number": row + 1,
                "name": field("extraHouseholds[\(row)].fullName", label: ("Họ tên chủ hộ", "Head of household")),
                "id": field("extraHouseholds[\(row)].idNumber", label: ("Số CCCD", "Citizen ID number")),
            ])
        }
        let kind = form["kind"] ?? RequestKind.newLowVoltageConnection.rawValue
        var context: [String: Any] = [
            "kinds": [
                ["value": RequestKind.newLowVoltageConnection.rawValue,
                 "label": language.pick("Hạ áp (nhà ở, cửa hàng)", "Low voltage (homes, shops)"),
                 "selected": kind == RequestKind.newLowVoltageConnection.rawValue],
                ["value": RequestKind.newMediumVoltageConnection.rawValue,
                 "label": language.pick("Trung áp (có trạm biến áp riêng)", "Medium voltage (own substation)"),
                 "selected": kind == RequestKind.newMediumVoltageConnection.rawValue],
            ],
            "fullName": field("applicant.fullName", label: ("Họ và tên", "Full name"), autocomplete: "name"),
            "idNumber": field("applicant.idNumber", label: ("Số căn cước công dân (CCCD)", "Citizen ID number (CCCD)"),
                              hint: ("12 chữ số", "12 digits")),
            "phone": field("applicant.phone", label: ("Số điện thoại di động", "Mobile phone"), type: "tel",
                           hint: ("Mã ký hợp đồng sẽ gửi tới số này", "The signing code is sent to this number"),
                           autocomplete: "tel"),
            "email": field("applicant.email", label: ("E-mail (không bắt buộc)", "E-mail (optional)"), type: "email",
                           autocomplete: "email"),
            "street": field("site.street", label: ("Số nhà, đường, thôn/tổ", "House number, street, hamlet"),
                            autocomplete: "street-address"),
            "termMonths": field("termMonths", label: ("Thời hạn hợp đồng, số tháng (không bắt buộc)",
                                                      "Contract term in months (optional)"),
                                type: "number",
                                hint: ("Chỉ khi cấp điện tạm thời (công trình xây dựng, kinh doanh theo mùa vụ), từ 1 đến 60 tháng; để trống nếu dùng điện lâu dài",
                                       "Only for a temporary supply (a building site, a seasonal business), 1 to 60 months; leave empty for a permanent supply")),
            "communeId": FieldMessages.id("site.communeCode"),
            "communes": communes,
            "purposes": PurposeOfUse.allCases.map { ["value": $0.rawValue, "label": $0.shown(in: language),
                                                     "selected": $0.rawValue == purpose] },
            "households": rows,
            "consentChecked": form["consent"] == "true",
            "errors": errors.all,
            "hasErrors": !errors.isEmpty,
        ]
        context["communeError"] = errors["site.communeCode"]
        context["purposeError"] = errors["purpose"]
        context["householdsError"] = errors["extraHouseholds"] ?? errors["householdCount"]
        context["consentError"] = errors["consent"]
        return context
    }
}
