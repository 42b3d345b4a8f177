import Contracts
import Foundation
import Hummingbird
import ServiceAreas
import ServiceKit
import StaffAuth
import VietnameseIdentity
import WebPages

/// The portal's forms for every request about an existing supply point, one form per kind
/// with only that kind's fields, filed as the API files them (``ServiceRequestFiling``):
/// `GET /yeu-cau/dich-vu` lists the kinds; `GET|POST /yeu-cau/dich-vu/{kind}` files one, then
/// the same receipt as a new connection. `GET|POST /tong-dai/dich-vu/{kind}` is the call-centre
/// console's, for a signed-in operator filing for a caller, who vouches for the caller's phone;
/// the portal's filings count against the client's and the phone's allowances (``AbuseLimits``)
/// and the phone's budget (``PhoneMessageBudget``).
struct ServiceRequestPages: Sendable {
    static let newHouseholdRows = 3

    let pages: WebPages
    let areas: ServiceAreaTable
    let filing: ServiceRequestFiling
    let session: StaffPageSession
    let limits: AbuseLimits

    func register(on router: Router<ServiceRequestContext>) {
        router.get("yeu-cau/dich-vu") { request, _ in
            let language = PageLanguage(request)
            return pages.render("serviceKinds", title: language.pick("Các yêu cầu dịch vụ điện", "Electricity service requests"),
                                for: request, language: language, context: [
                                    "kinds": RequestKind.allCases.filter { !$0.isConnection }.map {
                                        ["value": $0.rawValue, "label": $0.shown(in: language)]
                                    },
                                ])
        }
        for console in [false, true] {
            let path = console ? "tong-dai/dich-vu/:kind" : "yeu-cau/dich-vu/:kind"
            router.get(RouterPath(path)) { request, context in
                let kind = try Self.kind(context.parameters.get("kind"))
                let staff = try await caller(request, context, console: console)
                // The console's links fill the caller's phone and customer code in.
                let prefilled = console ? WebForm(query: request) : WebForm(fields: [:])
                return page(request, kind, prefilled, errors: FieldMessages(), operator: staff)
            }
            router.post(RouterPath(path)) { request, context in
                if !console { try limits.admit(.filing, request, context) }
                let kind = try Self.kind(context.parameters.get("kind"))
                return try await file(request, kind, by: try await caller(request, context, console: console))
            }
        }
    }

    /// Who files: on the portal the public (nil, any branch); on the console the signed-in
    /// operator, for their own branch only unless they are the corporation's hotline.
    ///
    /// - Throws: ``StaffPageRefusal`` when the console's visitor is not a signed-in operator.
    private func caller(_ request: Request, _ context: ServiceRequestContext, console: Bool) async throws -> SignedInStaff? {
        console ? try await session.visitor(request, context, for: .callCentre) : nil
    }

    private func file(_ request: Request, _ kind: RequestKind, by staff: SignedInStaff?) async throws -> Response {
        let language = PageLanguage(request)
        let posted = try await WebForm.read(request)
        let party: FilingParty = staff.map { .callCentre($0.claims) } ?? .anonymous
        switch try await filing.file(form(posted, kind: kind, operatorId: party.operatorId ?? ""), by: party,
                                     idempotency: FormSubmissionKey.claim(posted)) {
        case .success(.accepted(let receipt)), .success(.replayed(let receipt)):
            return WebPages.seeOther("/yeu-cau/\(receipt.requestCode)/da-nhan")
        case .success(.keyReused):
            return page(request, kind, FormSubmissionKey.dropped(from: posted),
                        errors: FieldMessages([FormSubmissionKey.sentWithOtherDetails], in: language),
                        operator: staff, status: .conflict)
        case .failure(.invalid(let errors)):
            return page(request, kind, posted, errors: FieldMessages(errors, in: language), operator: staff,
                        status: .unprocessableContent)
        case .failure(.otherUnit(let field)):
            return page(request, kind, posted, errors: FieldMessages(APIError.namedOtherUnit(field: field).errors, in: language),
                        operator: staff, status: .forbidden)
        case .failure(.throttled(let throttle)):
            throw TooManyRequests(throttle)
        }
    }

    /// The API's form from the posted fields: the kind's own fields only, the others left out.
    private func form(_ posted: WebForm, kind: RequestKind, operatorId: String) -> ServiceRequestForm {
        var form = ServiceRequestForm(
            kind: kind.rawValue, channel: operatorId.isEmpty ? Channel.web.rawValue : Channel.phone.rawValue,
            operatorId: operatorId.isEmpty ? nil : operatorId, customerCode: posted["customerCode"],
            requester: .init(fullName: posted["requester.fullName"], idNumber: posted["requester.idNumber"],
                             phone: posted["requester.phone"], email: posted.text("requester.email")),
            note: posted.text("note"), consent: posted["consent"] == "true")
        switch kind {
        case .changeOfHolder:
            form.newHolder = .init(fullName: posted["newHolder.fullName"], idNumber: posted["newHolder.idNumber"],
                                   phone: posted["newHolder.phone"], email: posted.text("newHolder.email"))
        case .changeOfPurpose:
            form.purpose = posted["purpose"]
        case .householdCountChange:
            let joining: [SubmissionForm.PersonForm] = (0..<Self.newHouseholdRows).compactMap { row in
                let name = posted.text("newHouseholds[\(row)].fullName"), id = posted.text("newHouseholds[\(row)].idNumber")
                return name == nil && id == nil ? nil : .init(fullName: name, idNumber: id)
            }
            let leaving = (0..<Self.newHouseholdRows).compactMap { posted.text("leavingSubHouseholdIds[\($0)]") }
            // A landlord whose tenants only left fills in no new household, and the other way round.
            form.newHouseholds = joining.isEmpty ? nil : joining
            form.leavingSubHouseholdIds = leaving.isEmpty ? nil : leaving
        case .independentVerification:
            form.disputedRequestCode = posted["disputedRequestCode"]
        case .meterSplit:
            form.subHouseholdId = posted["subHouseholdId"]
            let commune = posted.text("site.communeCode")
            form.site = .init(province: commune.flatMap { areas.area(communeCode: $0)?.province } ?? commune,
                              communeCode: commune, street: posted["site.street"])
        default:
            break
        }
        return form
    }

    private func page(_ request: Request, _ kind: RequestKind, _ posted: WebForm, errors: FieldMessages,
                      operator staff: SignedInStaff?, status: HTTPResponse.Status = .ok) -> Response {
        let language = PageLanguage(request)
        let operatorId = staff?.claims.staffId ?? ""
        func field(_ name: String, _ label: (String, String), type: String = "text", hint: (String, String)? = nil)
            -> [String: Any] {
            FormField.input(name, label: label, in: language, value: posted[name], error: errors[name], type: type, hint: hint)
        }
        var fields = [
            field("customerCode", CustomerCodeField.label),
            field("requester.fullName", ("Họ và tên người yêu cầu", "Your full name")),
            field("requester.idNumber", ("Số CCCD", "Citizen ID number")),
            field("requester.phone", ("Số điện thoại di động", "Mobile phone"), type: "tel"),
            field("requester.email", ("E-mail (không bắt buộc)", "E-mail (optional)"), type: "email"),
        ]
        switch kind {
        case .changeOfHolder:
            fields += [field("newHolder.fullName", ("Họ tên chủ hợp đồng mới", "New holder's full name")),
                       field("newHolder.idNumber", ("Số CCCD của chủ hợp đồng mới", "New holder's citizen ID")),
                       field("newHolder.phone", ("Số điện thoại di động của chủ hợp đồng mới", "New holder's mobile phone"),
                             type: "tel"),
                       field("newHolder.email", ("E-mail của chủ hợp đồng mới (không bắt buộc)", "New holder's e-mail (optional)"),
                             type: "email")]
        case .householdCountChange:
            for row in 0..<Self.newHouseholdRows {
                fields += [field("newHouseholds[\(row)].fullName", ("Họ tên chủ hộ mới \(row + 1)", "Head of new household \(row + 1)")),
                           field("newHouseholds[\(row)].idNumber", ("Số CCCD chủ hộ \(row + 1)", "Citizen ID of head \(row + 1)"))]
            }
            for row in 0..<Self.newHouseholdRows {
                fields.append(field("leavingSubHouseholdIds[\(row)]",
                                    ("Mã hộ dùng chung đã chuyển đi \(row + 1) (SH-…)", "Sub-household that left \(row + 1) (SH-…)"),
                                    hint: ("Mã in trên hồ sơ hộ dùng chung; chủ hợp đồng tra cứu tại trang “Các hộ dùng chung công tơ” (/ho-dung-chung)",
                                           "The reference on the households' dossier; the holder looks it up on “Households sharing your meter” (/ho-dung-chung)")))
            }
        case .independentVerification:
            fields.append(field("disputedRequestCode", ("Mã yêu cầu kiểm định có kết quả bị khiếu nại", "Code of the disputed verification")))
        case .meterSplit:
            fields += [field("subHouseholdId", ("Mã hộ dùng chung (SH-…)", "Sub-household reference (SH-…)")),
                       field("site.communeCode", ("Mã xã/phường nơi lắp công tơ mới", "Commune code of the new meter"),
                             hint: ("5 chữ số, ví dụ 20350", "5 digits, e.g. 20350")),
                       field("site.street", ("Số nhà, đường", "House number, street"))]
        default:
            break
        }
        fields.append(field("note", ("Nội dung yêu cầu (không bắt buộc)", "What you ask (optional)")))
        var context: [String: Any] = [
            "fields": fields, "errors": errors.all, "hasErrors": !errors.isEmpty,
            "action": "/\(operatorId.isEmpty ? "yeu-cau" : "tong-dai")/dich-vu/\(kind.rawValue)",
            "purposeChoice": kind == .changeOfPurpose,
            "purposes": PurposeOfUse.choices(in: language),
        ]
        context["operator"] = operatorId.isEmpty ? nil : operatorId
        context["formKey"] = FormSubmissionKey.rendered(posted)
        context["purposeError"] = errors["purpose"]
        context["consentError"] = errors["consent"]
        return pages.render("serviceRequest", title: kind.shown(in: language), for: request, language: language,
                            context: context, status: status, staff: staff)
    }

    private static func kind(_ raw: String?) throws -> RequestKind {
        guard let kind = raw.flatMap(RequestKind.init(rawValue:)), !kind.isConnection else { throw APIError.pageNotFound }
        return kind
    }
}
