import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import WebPages

/// The dispatcher's supply-point import (`dispatcher`; branch dispatchers load their own
/// branch's rows only, corporation staff any):
///
/// - `GET /diem-cap-dien`: the form, where the billing system's export (the CSV with its header
///   row, as `POST /api/v1/supply-points` takes it) is pasted;
/// - `POST /diem-cap-dien`: loads it through ``SupplyPointLoader``, like the API, and shows how
///   many rows were kept and each refused row with its line, column and reason in the page's
///   language. A form holds at most ``WebForm/maximumBodySize`` bytes: a branch's update, not a
///   whole export, which goes through the API.
struct SupplyPointImportPage: Sendable {
    static let path = "/diem-cap-dien"

    let pages: WebPages
    let session: StaffPageSession
    let loader: SupplyPointLoader

    func register(on router: Router<ServiceRequestContext>) {
        let route = RouterPath(String(Self.path.dropFirst()))
        router.get(route) { request, context in
            let staff = try await session.visitor(request, context, for: .outageDesk)
            return page(request, staff: staff, context: [:])
        }
        router.post(route) { request, context in
            let staff = try await session.visitor(request, context, for: .outageDesk)
            let language = PageLanguage(request)
            guard let csv = try await WebForm.read(request).text("csv") else {
                return page(request, staff: staff, context: [
                    "csvError": language.pick("Hãy dán nội dung tệp CSV, cả dòng tiêu đề",
                                              "Paste the CSV file's content, its header row included"),
                ], status: .unprocessableContent)
            }
            let summary = try await loader.load(Data(csv.utf8), by: staff.claims)
            return page(request, staff: staff, context: [
                "done": true, "imported": summary.imported, "rejectedCount": summary.rejected.count,
                "rejected": summary.rejected.map { rejection in
                    ["line": rejection.line, "field": rejection.field, "code": rejection.code,
                     "message": language.pick(rejection.message.vi, rejection.message.en)]
                },
            ])
        }
    }

    private func page(_ request: Request, staff: SignedInStaff, context: [String: Any],
                      status: HTTPResponse.Status = .ok) -> Response {
        let language = PageLanguage(request)
        return pages.render("supplyPoints", title: language.pick("Nạp điểm cấp điện", "Load supply points"), for: request,
                            language: language, context: context, status: status, staff: staff)
    }

    static let template = """
        {{#done}}<div class="notice" role="status" id="import-result"><p>{{#vi}}Đã nạp{{/vi}}{{#en}}Loaded{{/en}} <strong id="imported">{{imported}}</strong> {{#vi}}điểm cấp điện; bị từ chối{{/vi}}{{#en}}supply points; refused{{/en}} <strong id="rejected-count">{{rejectedCount}}</strong> {{#vi}}dòng{{/vi}}{{#en}}row(s){{/en}}.</p>
          <ul id="rejected">{{#rejected}}<li data-code="{{code}}">{{#vi}}Dòng{{/vi}}{{#en}}Line{{/en}} {{line}}, {{#vi}}cột{{/vi}}{{#en}}column{{/en}} <code>{{field}}</code>: {{message}}</li>{{/rejected}}</ul></div>{{/done}}
        <p>{{#vi}}Dán tệp xuất từ hệ thống hóa đơn (CSV, dòng đầu là tiêu đề: customer_code, branch, commune_code, station_code, phone). Mỗi lần tối đa 64 KB; tệp lớn hơn nạp qua API.{{/vi}}{{#en}}Paste the billing system's export (CSV, the first row its header: customer_code, branch, commune_code, station_code, phone). At most 64 KB at a time; larger files go through the API.{{/en}}</p>
        <form method="post" action="/diem-cap-dien" id="import-form" novalidate>
          <div class="field{{#csvError}} invalid{{/csvError}}"><label for="csv">{{#vi}}Nội dung tệp CSV{{/vi}}{{#en}}The CSV file's content{{/en}}</label>
            <textarea id="csv" name="csv" rows="10"{{#csvError}} aria-invalid="true" aria-describedby="csv-error"{{/csvError}}></textarea>
            {{#csvError}}<p class="field-error" id="csv-error">{{csvError}}</p>{{/csvError}}</div>
          <button type="submit" id="load">{{#vi}}Nạp{{/vi}}{{#en}}Load{{/en}}</button>
        </form>
        """
}
