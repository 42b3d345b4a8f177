import Contracts
import Foundation
import Hummingbird
import Messaging
import ServiceKit
import StaffAuth
import VietnameseIdentity
import WebPages
import WorkingCalendar

/// The sub-household program's pages for unit staff, signed in at the staff sign-in (the
/// `staff_token` cookie, the token of the API; roles `households_officer`, `households_supervisor`):
///
/// - `GET /ho-dung-chung[?q=&after=]`: the unit's dossiers, searched by customer code or holder's name;
/// - `GET|POST /ho-dung-chung/mo-ho-so`: opens a dossier, the holder and its households;
/// - `GET /ho-dung-chung/ho-so/{dossierId}`: the dossier, every household's details and split
///   status, the form registering one and the history of its count;
/// - `POST /ho-dung-chung/ho-so/{dossierId}/them-ho`: registers a sub-household; the page shows
///   the screening answer, clear, or the other active dossiers holding the ID number and where,
///   and to a supervisor the override with its reason;
/// - `POST /ho-dung-chung/ho-so/{dossierId}/tach`: records why one of its households has not
///   split, and whether it wants to;
/// - `GET /ho-dung-chung/trung[?after=]`: the unit's duplicates and the supervisors' overrides;
/// - `GET /ho-dung-chung/het-han[?after=]`: confirmations expiring or expired, and who was reminded;
/// - `GET /ho-dung-chung/dieu-chinh`: the printable re-pricing list of the unit;
/// - `GET /ho-dung-chung/bao-cao-tach[?month=YYYY-MM]`: the monthly split report.
struct HouseholdPages: Sendable {
    let pages: WebPages
    let session: StaffPageSession
    let program: HouseholdsProgram
    let document: RepricingDocument

    /// The entries of one page of a list on the pages.
    static let pageSize = 50
    /// The sub-household inputs the opening form offers; more are added on the dossier's page.
    static let openingSlots = 2

    func register(on router: Router<ServiceRequestContext>) {
        WebAssets.register(on: router)
        router.get("ho-dung-chung") { request, context in
            try await dossierList(request, staff: try await session.visitor(request, context, for: .households))
        }
        router.get("ho-dung-chung/mo-ho-so") { request, context in
            try await openingForm(request, staff: try await session.visitor(request, context, for: .households))
        }
        router.post("ho-dung-chung/mo-ho-so") { request, context in
            try await open(request, staff: try await session.visitor(request, context, for: .households))
        }
        router.get("ho-dung-chung/ho-so/:dossierId") { request, context in
            let staff = try await session.visitor(request, context, for: .households)
            return try await dossierPage(request, id: try context.parameters.require("dossierId"), staff: staff)
        }
        router.post("ho-dung-chung/ho-so/:dossierId/them-ho") { request, context in
            let staff = try await session.visitor(request, context, for: .households)
            return try await register(request, dossierId: try context.parameters.require("dossierId"), staff: staff)
        }
        router.post("ho-dung-chung/ho-so/:dossierId/tach") { request, context in
            let staff = try await session.visitor(request, context, for: .households)
            return try await recordSplitStatus(request, dossierId: try context.parameters.require("dossierId"), staff: staff)
        }
        router.get("ho-dung-chung/trung") { request, context in
            try await duplicates(request, staff: try await session.visitor(request, context, for: .households))
        }
        router.get("ho-dung-chung/het-han") { request, context in
            try await expiry(request, staff: try await session.visitor(request, context, for: .households))
        }
        router.get("ho-dung-chung/dieu-chinh") { request, context in
            let claims = try await session.visitor(request, context, for: .households).claims
            let list = try await program.repricing(unit: claims.ownUnit)
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: document.html(list))))
        }
        router.get("ho-dung-chung/bao-cao-tach") { request, context in
            try await splitReport(request, staff: try await session.visitor(request, context, for: .households))
        }
    }

    // MARK: The unit's dossiers

    private func dossierList(_ request: Request, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let query = request.uri.queryParameters
        let search = DossierSearch(query.get("q").map { String($0) })
        let list = try await program.dossiers(unit: staff.claims.ownUnit, search: search,
                                              page: ListPage(after: query.get("after").map { String($0) }, limit: Self.pageSize))
        let context = Self.values([
            "q": search?.text ?? "",
            "dossiers": list.dossiers.map { dossier -> [String: Any] in
                ["dossierId": dossier.dossierId, "customerCode": dossier.customerCode, "holderName": dossier.holderName,
                 "unit": dossier.unit, "households": dossier.allowance.households,
                 "statusLabel": dossier.status.shown(in: language), "openedOn": ShownTime.dayAndTime(dossier.openedAt)]
            },
            "none": list.dossiers.isEmpty,
            "next": list.next.map { next in
                "/ho-dung-chung?after=\(next)" + (search.map { "&q=\(Self.encoded($0.text))" } ?? "")
            },
        ])
        return pages.render("dossiers", title: language.pick("Hồ sơ hộ dùng chung công tơ", "Shared-meter dossiers"),
                            for: request, language: language, context: context, staff: staff)
    }

    // MARK: Opening a dossier

    private func openingForm(_ request: Request, staff: SignedInStaff, posted: WebForm? = nil,
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

    private func open(_ request: Request, staff: SignedInStaff) async throws -> Response {
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
            switch try await program.registerDossier(dossier, by: staff.claims) {
            case .registered(let view):
                return WebPages.seeOther("/ho-dung-chung/ho-so/\(view.dossierId)")
            case .duplicates(let conflict):
                return try await openingForm(request, staff: staff, posted: form,
                                             extra: ["screening": Self.shown(conflict: conflict)], status: .conflict)
            }
        } catch let refusal as APIError {
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

    // MARK: A dossier

    private func dossierPage(_ request: Request, id: String, staff: SignedInStaff, posted: WebForm? = nil,
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
        } catch let refusal as APIError {
            context["problem"] = refusal.errors.first.map { language.pick($0.message.vi, $0.message.en) }
            return pages.render("dossier", title: language.pick("Hồ sơ hộ dùng chung công tơ", "Shared-meter dossier"),
                                for: request, language: language, context: context, status: refusal.status, staff: staff)
        }
        context["errors"] = errors.all
        context["hasErrors"] = !errors.isEmpty
        return pages.render("dossier", title: language.pick("Hồ sơ hộ dùng chung công tơ", "Shared-meter dossier"),
                            for: request, language: language, context: context, status: status, staff: staff)
    }

    private func register(_ request: Request, dossierId: String, staff: SignedInStaff) async throws -> Response {
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
        } catch let refusal as APIError {
            return try await dossierPage(request, id: dossierId, staff: staff, posted: form,
                                         errors: FieldMessages(refusal.errors, in: language), status: refusal.status)
        }
    }

    private func recordSplitStatus(_ request: Request, dossierId: String, staff: SignedInStaff) async throws -> Response {
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
        } catch let refusal as APIError {
            return try await dossierPage(request, id: dossierId, staff: staff, posted: form,
                                         errors: FieldMessages(refusal.errors, in: language), status: refusal.status)
        }
    }

    /// The override's reason input, for a supervisor only: officers see that a supervisor decides.
    private func overrideField(_ staff: SignedInStaff, posted: WebForm?, errors: FieldMessages,
                               in language: PageLanguage) -> [String: Any]? {
        guard staff.claims.roles.contains(.householdsSupervisor) else { return nil }
        return FormField.input("override.reason", label: ("Lý do chấp thuận đăng ký dù trùng (giám sát)",
                                                          "Reason to register despite the duplicate (supervisor)"),
                               in: language, value: posted?["override.reason"], error: errors["override.reason"] ?? errors["override"],
                               hint: ("Chỉ điền khi đã xác minh; 10–500 ký tự, được lưu cùng mã cán bộ",
                                      "Only once verified; 10–500 characters, kept with your staff id"))
    }

    // MARK: Duplicates and expiry

    private func duplicates(_ request: Request, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let after = request.uri.queryParameters.get("after").map { String($0).uppercased() }
        let unit = staff.claims.ownUnit
        let report = try await program.duplicates(
            unit: unit, page: ListPage(after: after.flatMap { DuplicateIndex.Position($0) == nil ? nil : $0 }, limit: Self.pageSize))
        let context = Self.values([
            "cases": report.cases.map { found -> [String: Any] in
                ["key": found.maskedKey,
                 "kind": found.key == .idNumber ? language.pick("Số CCCD", "Citizen ID") : language.pick("Sổ hộ khẩu", "Household book"),
                 "holdings": found.holdings.map { holding -> [String: Any] in
                     Self.values(["unit": holding.unit, "customerCode": holding.customerCode, "dossierId": holding.dossierId,
                                  "roleLabel": MemberRole.shown(holding.role?.rawValue, in: language)])
                 }]
            },
            "none": report.cases.isEmpty,
            "next": report.next.map { "/ho-dung-chung/trung?after=\($0)" },
            "overrides": try await program.overrides(unit: unit).map { record -> [String: Any] in
                ["dossierId": record.dossierId, "customerCode": record.customerCode, "grantedBy": record.grantedBy,
                 "when": ShownTime.dayAndTime(record.grantedAt), "reason": record.reason,
                 "keys": record.maskedKeys.joined(separator: ", ")]
            },
        ])
        return pages.render("duplicates", title: language.pick("Hộ trùng giữa các hồ sơ", "Households in more than one dossier"),
                            for: request, language: language, context: context, staff: staff)
    }

    private func expiry(_ request: Request, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let after = request.uri.queryParameters.get("after").map { String($0).uppercased() }
        let list = try await program.expiring(
            unit: staff.claims.ownUnit,
            page: ListPage(after: after.flatMap { SubHouseholdReference($0) == nil ? nil : $0 }, limit: Self.pageSize))
        func shown(_ item: ExpiryItem) -> [String: Any] {
            Self.values(["dossierId": item.dossierId, "customerCode": item.customerCode, "subHouseholdId": item.subHouseholdId,
             "fullName": item.fullName, "maskedIdNumber": item.maskedIdNumber, "validUntil": ShownTime.day(item.validUntil.description),
             "remindedAt": item.remindedAt.map(ShownTime.dayAndTime), "phone": item.maskedContactPhone])
        }
        let context = Self.values([
            "day": ShownTime.day(list.day.description),
            "expiringSoon": list.expiringSoon.map(shown), "expired": list.expired.map(shown),
            "noneSoon": list.expiringSoon.isEmpty, "noneExpired": list.expired.isEmpty,
            "next": list.next.map { "/ho-dung-chung/het-han?after=\($0)" },
        ])
        return pages.render("expiry", title: language.pick("Xác nhận cư trú sắp hết hạn", "Residence confirmations ending"),
                            for: request, language: language, context: context, staff: staff)
    }

    private func splitReport(_ request: Request, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let text = request.uri.queryParameters.get("month") ?? String(CalendarDay.today.description.prefix(7))
        guard let month = CalendarDay(text + "-01"), text.count == 7 else { throw APIError.dossierNotFound }
        let report = try await program.splitReport(unit: staff.claims.ownUnit, month: month)
        var context = Self.shown(report: try JSONSerialization.jsonObject(with: try JSONCoding.encoder.encode(report)),
                                 in: language)
        context["splitCount"] = report.splitsDone.count
        return pages.render("splitReport", title: language.pick("Báo cáo tách công tơ tháng \(text)", "Meter splits, \(text)"),
                            for: request, language: language, context: context, staff: staff)
    }

    // MARK: Values for the templates

    /// A registration refused for duplicates: each number, masked, and the dossiers holding it.
    static func shown(conflict: DuplicateConflict) -> [String: Any] {
        ["clear": false, "cases": conflict.conflicts.map { item -> [String: Any] in
            ["key": item.maskedKey, "holdings": item.holdings.map { holding -> [String: Any] in
                ["unit": holding.unit, "customerCode": holding.customerCode ?? "", "dossierId": holding.dossierId ?? ""]
            }]
        }]
    }

    /// The dossier's values for the page (the API's JSON): its status and each household's
    /// place, status and reason not to split in `language`'s words beside their codes, its days as shown.
    static func shown(dossier: Any, in language: PageLanguage) -> [String: Any] {
        var dossier = dossier as? [String: Any] ?? [:]
        dossier["statusLabel"] = DossierStatus.shown(dossier["status"], in: language)
        dossier["members"] = (dossier["members"] as? [[String: Any]] ?? []).map { member in
            var member = member
            member["roleLabel"] = MemberRole.shown(member["role"], in: language)
            member["statusLabel"] = MemberStatus.shown(member["status"], in: language)
            if var confirmation = member["residenceConfirmation"] as? [String: Any] {
                confirmation["issuedOn"] = (confirmation["issuedOn"] as? String).map(ShownTime.day)
                confirmation["validUntil"] = (confirmation["validUntil"] as? String).map(ShownTime.day)
                member["residenceConfirmation"] = confirmation
            }
            if var split = member["splitStatus"] as? [String: Any] {
                split["reasonLabel"] = NotSplitReason.shown(split["notSplitReason"], in: language)
                member["splitStatus"] = split
            }
            return member
        }
        return dossier
    }

    /// The split report's values for the page (the API's JSON), each pending wish with its
    /// reason in `language`'s words.
    static func shown(report: Any, in language: PageLanguage) -> [String: Any] {
        var report = report as? [String: Any] ?? [:]
        report["pendingWishes"] = (report["pendingWishes"] as? [[String: Any]] ?? []).map { wish in
            var wish = wish
            wish["reasonLabel"] = NotSplitReason.shown(wish["reason"], in: language)
            return wish
        }
        return report
    }

    /// The template's values without those absent, which a section would take as present.
    private static func values(_ values: [String: Any?]) -> [String: Any] {
        values.compactMapValues { $0 }
    }

    /// `text` as a query's value.
    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
