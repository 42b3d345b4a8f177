import Contracts
import Foundation
import Hummingbird
import ServiceAreas
import ServiceKit
import StaffAuth
import Tariff
import VietnameseIdentity
import WebPages

/// The portal's outage report and look-ups, each through the use case its API endpoint calls
/// (``OutageReporting``, ``PlannedOutageSchedule``, ``MeterReadingSchedule``, ``BillEstimation``):
///
/// - `GET|POST /bao-mat-dien`: report an outage (customer code or commune, phone, note);
/// - `GET|POST /tong-dai/bao-mat-dien`: the same for a signed-in call-centre operator (role
///   `call_centre`) reporting for a caller, filed with channel `phone` and the operator's id,
///   the form filled from the address's `phone` and `customerCode` (the console's links);
/// - `GET /lich-cat-dien`: the planned-outage schedule of a commune or customer code;
/// - `GET /lich-ghi-chi-so`: when a customer's meter is read;
/// - `GET /uoc-tinh-tien-dien`: a residential bill estimate.
///
/// The look-ups are GET forms: the answer is a page of its own address, to bookmark or share.
/// The report counts as a filing and the look-ups as look-ups against the client's
/// allowances, as their API endpoints do (``AbuseLimits``).
struct LookupPages: Sendable {
    let pages: WebPages
    let areas: ServiceAreaTable
    let outageReports: OutageReporting
    let plannedOutages: PlannedOutageSchedule
    let readingSchedule: MeterReadingSchedule
    let tariff: BillEstimation
    let limits: AbuseLimits
    let session: StaffPageSession

    func register(on router: Router<ServiceRequestContext>) {
        router.get("bao-mat-dien") { request, _ in outagePage(request, WebForm(fields: [:]), errors: FieldMessages()) }
        router.post("bao-mat-dien") { request, context in
            try limits.admit(.filing, request, context)
            return try await report(request)
        }
        router.get("tong-dai/bao-mat-dien") { request, context in
            let staff = try await session.visitor(request, context, for: .callCentre)
            return outagePage(request, WebForm(query: request), errors: FieldMessages(), operator: staff)
        }
        router.post("tong-dai/bao-mat-dien") { request, context in
            try await report(request, operator: session.visitor(request, context, for: .callCentre))
        }
        router.get("lich-cat-dien") { request, context in
            try limits.admit(.lookup, request, context)
            return try await planned(request)
        }
        router.get("lich-ghi-chi-so") { request, context in
            try limits.admit(.lookup, request, context)
            return try await reading(request)
        }
        router.get("uoc-tinh-tien-dien") { request, context in
            try limits.admit(.lookup, request, context)
            return estimate(request)
        }
    }

    // MARK: Outage report

    /// Files the posted report: the customer's on the portal, or a caller's by an operator on the
    /// console, for the operator's own branch unless they are the corporation's hotline.
    private func report(_ request: Request, operator staff: SignedInStaff? = nil) async throws -> Response {
        let language = PageLanguage(request)
        let posted = try await WebForm.read(request)
        let party: FilingParty = staff.map { .callCentre($0.claims) } ?? .anonymous
        let form = OutageReportForm(
            channel: (party.operatorId == nil ? Channel.web : .phone).rawValue, operatorId: party.operatorId,
            customerCode: posted.text("customerCode"), communeCode: posted.text("communeCode"), phone: posted["phone"],
            note: posted.text("note"), consent: posted["consent"] == "true")
        switch try await outageReports.report(form, by: party) {
        case .success(let receipt):
            return pages.render("outageReceived", title: language.pick("Đã nhận báo mất điện", "Outage reported"),
                                for: request, language: language, context: [
                                    "reportCode": receipt.reportCode,
                                    "message": language.pick(receipt.message.vi, receipt.message.en),
                                ], status: .accepted)
        case .failure(.invalid(let errors)):
            return outagePage(request, posted, errors: FieldMessages(errors, in: language), operator: staff,
                              status: .unprocessableContent)
        case .failure(.otherUnit(let field)):
            return outagePage(request, posted, errors: FieldMessages(APIError.namedOtherUnit(field: field).errors, in: language),
                              operator: staff, status: .forbidden)
        case .failure(.throttled(let throttle)):
            throw TooManyRequests(throttle)
        }
    }

    private func outagePage(_ request: Request, _ posted: WebForm, errors: FieldMessages, operator staff: SignedInStaff? = nil,
                            status: HTTPResponse.Status = .ok) -> Response {
        let language = PageLanguage(request)
        var context = common(posted, errors: errors, language: language)
        context["operator"] = staff?.claims.staffId
        context["action"] = staff == nil ? "/bao-mat-dien" : "/tong-dai/bao-mat-dien"
        context["customerCode"] = CustomerCodeField.input(
            posted, errors: errors, in: language, hint: ("Hoặc chọn xã/phường bên dưới", "Or choose the commune below"))
        context["phone"] = FormField.input(
            "phone", label: ("Số điện thoại di động", "Mobile phone"), in: language, value: posted["phone"],
            error: errors["phone"], type: "tel", hint: ("Nhận tin nhắn khi có điện trở lại", "Texted when power is back"))
        context["note"] = FormField.input("note", label: ("Ghi chú (không bắt buộc)", "Note (optional)"), in: language,
                                          value: posted["note"], error: errors["note"])
        context["consentError"] = errors["consent"]
        return pages.render("outage", title: language.pick("Báo mất điện", "Report an outage"), for: request,
                            language: language, context: context, status: status, staff: staff)
    }

    // MARK: Look-ups

    private func planned(_ request: Request) async throws -> Response {
        let language = PageLanguage(request)
        let asked = WebForm(query: request)
        var context = common(asked, errors: FieldMessages(), language: language)
        context["customerCode"] = CustomerCodeField.input(asked, errors: FieldMessages(), in: language)
        if asked.text("communeCode") != nil || asked.text("customerCode") != nil {
            switch await plannedOutages.schedule(communeCode: asked.text("communeCode"),
                                                 customerCode: asked.text("customerCode"), from: nil, to: nil) {
            case .success(let outages):
                context["asked"] = true
                context["outages"] = outages.map { outage -> [String: Any] in
                    ["location": outage.location, "reason": outage.reason, "branch": outage.branch.name,
                     "startsAt": ShownTime.dayAndTime(outage.startsAt), "endsAt": ShownTime.dayAndTime(outage.endsAt),
                     "cancelled": outage.status == .cancelled]
                }
                context["none"] = outages.isEmpty
            case .failure(let refusal):
                context = refused(context, refusal, language: language)
            }
        }
        return pages.render("plannedOutages", title: language.pick("Lịch tạm ngừng cấp điện", "Planned outages"),
                            for: request, language: language, context: context)
    }

    private func reading(_ request: Request) async throws -> Response {
        let language = PageLanguage(request)
        let asked = WebForm(query: request)
        var context: [String: Any] = ["customerCode": CustomerCodeField.input(asked, errors: FieldMessages(), in: language)]
        if asked.text("customerCode") != nil {
            switch await readingSchedule.schedule(customerCode: asked["customerCode"]) {
            case .success(let schedule):
                context["schedule"] = [
                    "customerCode": schedule.customerCode, "meterSerial": schedule.meterSerial, "route": schedule.route,
                    "readingDay": schedule.readingDay, "branch": schedule.branch.name,
                    "nextReadingOn": ShownTime.day(schedule.nextReadingOn),
                ] as [String: Any]
            case .failure(let refusal):
                context = refused(context, refusal, language: language)
                context["customerCode"] = CustomerCodeField.input(
                    asked, errors: FieldMessages(refusal.errors, in: language, wholeRequestAt: "customerCode"), in: language)
            }
        }
        return pages.render("readingSchedule", title: language.pick("Lịch ghi chỉ số công tơ", "Meter-reading schedule"),
                            for: request, language: language, context: context)
    }

    private func estimate(_ request: Request) -> Response {
        let language = PageLanguage(request)
        let asked = WebForm(query: request)
        var context: [String: Any] = [
            "kWh": FormField.input("kWh", label: ("Điện năng tiêu thụ trong tháng (kWh)", "Consumption in the month (kWh)"),
                                   in: language, value: asked["kWh"], error: nil, type: "number"),
            "households": (1...10).map { ["value": $0, "selected": "\($0)" == (asked["households"] ?? "1")] },
            "tenants": FormField.input("tenants", label: ("Số người thuê nhà đã đăng ký (nếu có)", "Registered tenants (if any)"),
                                       in: language, value: asked["tenants"], error: nil, type: "number",
                                       hint: ("Mỗi 4 người tính là một hộ", "Every 4 persons count as one household")),
        ]
        if asked.text("kWh") != nil {
            switch BillEstimation.query({ asked.text($0) }).flatMap(tariff.estimate) {
            case .success(let answer):
                if case .month(let bill) = answer {
                    context["bill"] = [
                        "lines": bill.lines.map { ["tier": $0.tier, "kWh": Self.kWh($0.kWh), "price": Self.dong($0.price),
                                                   "amount": Self.dong($0.amount)] },
                        "beforeVAT": Self.dong(bill.amountBeforeVAT), "vatPercent": "\(bill.vatPercent)",
                        "vat": Self.dong(bill.vatAmount), "total": Self.dong(bill.total),
                        "table": ShownTime.day(bill.tableEffectiveFrom.description),
                    ] as [String: Any]
                }
            case .failure(let refusal):
                context = refused(context, refusal, language: language)
            }
        }
        return pages.render("tariff", title: language.pick("Ước tính tiền điện sinh hoạt", "Household bill estimate"),
                            for: request, language: language, context: context)
    }

    // MARK: Shared

    /// The commune choices and the error summary every form here has.
    private func common(_ form: WebForm, errors: FieldMessages, language: PageLanguage) -> [String: Any] {
        var context: [String: Any] = [
            "communes": areas.areas.map { area -> [String: Any] in
                ["value": area.communeCode, "label": "\(area.communeName), \(area.province)",
                 "selected": area.communeCode == form["communeCode"]]
            },
            "errors": errors.all, "hasErrors": !errors.isEmpty,
        ]
        context["communeError"] = errors["communeCode"]
        return context
    }

    private func refused(_ context: [String: Any], _ refusal: LookupRefusal, language: PageLanguage) -> [String: Any] {
        var context = context
        let messages = FieldMessages(refusal.errors, in: language, wholeRequestAt: "customerCode")
        context["errors"] = messages.all
        context["hasErrors"] = true
        return context
    }

    /// A tier's kWh as people read them: whole, or to two decimals for a fractional bound (2¼ households).
    private static func kWh(_ value: KilowattHours) -> String {
        guard value.denominator != 1 else { return "\(value.numerator)" }
        return String(format: "%.2f", Double(value.numerator) / Double(value.denominator))
            .replacingOccurrences(of: ".", with: ",")
    }

    /// `1.234.567 đ`.
    private static func dong(_ amount: Decimal) -> String {
        NumberText.vi(NSDecimalNumber(decimal: amount).rounding(accordingToBehavior: nil).intValue) + " đ"
    }
}
