import Contracts
import Foundation
import Hummingbird
import ServiceKit
import WebPages

/// `GET|POST /ho-dung-chung`: the holder of a shared meter lists the households sharing it,
/// each with the reference (`SH-…`) a household change names when tenants leave. The customer
/// code and the phone the dossier was registered with open it (``MeterHouseholdsListing``);
/// posted, so the phone never sits in an address, and counted against the client's access
/// allowance like tracking, since a phone is guessed there (``AbuseLimits``).
struct MeterHouseholdsPage: Sendable {
    static let path = "ho-dung-chung"

    let pages: WebPages
    let listing: MeterHouseholdsListing
    let limits: AbuseLimits

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, _ in
            page(request, WebForm(query: request), errors: FieldMessages())
        }
        router.post(RouterPath(Self.path)) { request, context in
            try limits.admit(.access, request, context)
            let language = PageLanguage(request)
            let posted = try await WebForm.read(request)
            switch await listing.households(customerCode: posted.text("customerCode"), phone: posted["phone"]) {
            case .success(let households):
                return page(request, posted, errors: FieldMessages(), households: households)
            case .failure(let refusal):
                return page(request, posted, errors: FieldMessages(refusal.errors, in: language, wholeRequestAt: "customerCode"),
                            status: refusal.status)
            }
        }
    }

    private func page(_ request: Request, _ form: WebForm, errors: FieldMessages, households: MeterHouseholds? = nil,
                      status: HTTPResponse.Status = .ok) -> Response {
        let language = PageLanguage(request)
        var context: [String: Any] = [
            "customerCode": CustomerCodeField.input(form, errors: errors, in: language),
            "phone": FormField.input("phone", label: ("Số điện thoại của chủ hợp đồng đã đăng ký", "The contract holder's registered phone"),
                                     in: language, value: form["phone"], error: errors["phone"], type: "tel"),
            "errors": errors.all, "hasErrors": !errors.isEmpty,
        ]
        if let households {
            context["listed"] = [
                "customerCode": households.customerCode, "none": households.households.isEmpty,
                "households": households.households.map { household -> [String: Any] in
                    ["reference": household.subHouseholdId, "name": household.shortName,
                     "since": ShownTime.day(household.joinedOn.description),
                     "counting": language.pick(household.counting ? "Đang được tính" : "Chưa được tính (giấy xác nhận cư trú hết hạn)",
                                               household.counting ? "Counted" : "Not counted (residence confirmation expired)")]
                },
            ] as [String: Any]
        }
        return pages.render("meterHouseholds", title: language.pick("Các hộ dùng chung công tơ", "Households sharing the meter"),
                            for: request, language: language, context: context, status: status)
    }

    static let template = """
        <p>{{#vi}}Chủ hợp đồng tra cứu các hộ đang dùng chung công tơ và mã hộ của từng hộ, để báo hộ đã chuyển đi.{{/vi}}{{#en}}The contract holder looks up the households sharing the meter and each one's reference, to report a household that left.{{/en}}</p>
        \(FormField.errorSummary)
        <form method="post" action="/ho-dung-chung" novalidate id="meter-households">
          {{#customerCode}}\(FormField.snippet){{/customerCode}}
          {{#phone}}\(FormField.snippet){{/phone}}
          <button type="submit" id="submit">{{#vi}}Tra cứu{{/vi}}{{#en}}Look up{{/en}}</button>
        </form>
        {{#listed}}<section id="households">
          <h2>{{#vi}}Các hộ dùng chung công tơ của khách hàng{{/vi}}{{#en}}Households sharing the meter of customer{{/en}} {{customerCode}}</h2>
          {{#none}}<p id="no-households">{{#vi}}Không có hộ nào đang dùng chung công tơ.{{/vi}}{{#en}}No household shares the meter now.{{/en}}</p>{{/none}}
          {{^none}}<table>
            <thead><tr><th>{{#vi}}Mã hộ{{/vi}}{{#en}}Reference{{/en}}</th><th>{{#vi}}Chủ hộ{{/vi}}{{#en}}Head of household{{/en}}</th><th>{{#vi}}Từ ngày{{/vi}}{{#en}}Since{{/en}}</th><th>{{#vi}}Định mức bậc thang{{/vi}}{{#en}}Tier allowance{{/en}}</th></tr></thead>
            <tbody>{{#households}}<tr id="household-{{reference}}"><td class="code">{{reference}}</td><td>{{name}}</td><td>{{since}}</td><td>{{counting}}</td></tr>{{/households}}</tbody>
          </table>
          <p><a href="/yeu-cau/dich-vu/household_count_change" id="report-leaving">{{#vi}}Báo hộ đã chuyển đi{{/vi}}{{#en}}Report a household that left{{/en}}</a></p>{{/none}}
        </section>{{/listed}}
        """
}
