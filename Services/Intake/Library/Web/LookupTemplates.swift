import WebPages

/// The templates of ``LookupPages`` and ``ServiceRequestPages``.
enum LookupTemplates {
    static let all: [String: String] = [
        "outage": outage, "outageReceived": outageReceived, "plannedOutages": plannedOutages,
        "readingSchedule": readingSchedule, "tariff": tariff, "serviceKinds": serviceKinds,
        "serviceRequest": serviceRequest,
    ]

    static let communeSelect = """
        <div class="field{{#communeError}} invalid{{/communeError}}">
          <label for="communeCode">{{#vi}}Xã/phường{{/vi}}{{#en}}Commune or ward{{/en}}</label>
          <select id="communeCode" name="communeCode">
            <option value="">{{#vi}}— Chọn xã/phường —{{/vi}}{{#en}}— Choose —{{/en}}</option>
            {{#communes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/communes}}
          </select>
          {{#communeError}}<p class="field-error" id="communeCode-error">{{communeError}}</p>{{/communeError}}
        </div>
        """

    static let consent = """
        <div class="field{{#consentError}} invalid{{/consentError}}">
          <div class="check">
            <input type="checkbox" id="consent" name="consent" value="true" {{#consentError}}aria-invalid="true" aria-describedby="consent-error"{{/consentError}}>
            <label for="consent">{{#vi}}Tôi đồng ý để điện lực xử lý dữ liệu cá nhân của tôi để giải quyết yêu cầu (Nghị định 13/2023/NĐ-CP){{/vi}}{{#en}}I consent to the processing of my personal data to handle this request (Decree 13/2023/NĐ-CP){{/en}}</label>
          </div>
          {{#consentError}}<p class="field-error" id="consent-error">{{consentError}}</p>{{/consentError}}
        </div>
        """

    static let outage = """
        \(FormField.errorSummary)
        {{#operator}}<p class="notice" id="operator">{{#vi}}Điện thoại viên{{/vi}}{{#en}}Operator{{/en}}: <strong>{{operator}}</strong></p>{{/operator}}
        <form method="post" action="{{action}}" novalidate id="outage">
          {{#customerCode}}\(FormField.snippet){{/customerCode}}
          \(communeSelect)
          {{#phone}}\(FormField.snippet){{/phone}}
          {{#note}}\(FormField.snippet){{/note}}
          \(consent)
          <button type="submit" id="submit">{{#vi}}Gửi báo mất điện{{/vi}}{{#en}}Report the outage{{/en}}</button>
        </form>
        """

    static let outageReceived = """
        <div class="notice" role="status"><p>{{message}}</p>
        <p>{{#vi}}Mã báo mất điện{{/vi}}{{#en}}Report code{{/en}}: <span class="code" id="report-code">{{reportCode}}</span></p></div>
        """

    static let plannedOutages = """
        <form method="get" action="/lich-cat-dien" id="planned">
          \(communeSelect)
          {{#customerCode}}\(FormField.snippet){{/customerCode}}
          <button type="submit" id="submit">{{#vi}}Xem lịch{{/vi}}{{#en}}Show the schedule{{/en}}</button>
        </form>
        \(FormField.errorSummary)
        {{#asked}}<h2>{{#vi}}30 ngày tới{{/vi}}{{#en}}The next 30 days{{/en}}</h2>
        {{#none}}<p id="no-outage">{{#vi}}Không có lịch tạm ngừng cấp điện.{{/vi}}{{#en}}No planned outage.{{/en}}</p>{{/none}}
        <ol class="timeline" id="outages">{{#outages}}<li><time>{{startsAt}} – {{endsAt}}</time>
          <strong>{{location}}</strong>: {{reason}}{{#cancelled}} — <em>{{#vi}}đã hủy{{/vi}}{{#en}}cancelled{{/en}}</em>{{/cancelled}}</li>{{/outages}}</ol>
        {{/asked}}
        """

    static let readingSchedule = """
        <form method="get" action="/lich-ghi-chi-so" id="reading">
          {{#customerCode}}\(FormField.snippet){{/customerCode}}
          <button type="submit" id="submit">{{#vi}}Tra cứu{{/vi}}{{#en}}Look up{{/en}}</button>
        </form>
        \(FormField.errorSummary)
        {{#schedule}}<div class="notice" id="schedule">
          <p>{{#vi}}Công tơ{{/vi}}{{#en}}Meter{{/en}} {{meterSerial}} · {{#vi}}lộ trình{{/vi}}{{#en}}route{{/en}} {{route}} ({{branch}})</p>
          <p>{{#vi}}Ghi chỉ số vào ngày {{readingDay}} hằng tháng; lần tới{{/vi}}{{#en}}Read on day {{readingDay}} of each month; next on{{/en}} <strong id="next-reading">{{nextReadingOn}}</strong></p>
        </div>{{/schedule}}
        """

    static let tariff = """
        <form method="get" action="/uoc-tinh-tien-dien" id="tariff">
          {{#kWh}}\(FormField.snippet){{/kWh}}
          <div class="field"><label for="households">{{#vi}}Số hộ dùng chung công tơ{{/vi}}{{#en}}Households sharing the meter{{/en}}</label>
            <select id="households" name="households">{{#households}}<option{{#selected}} selected{{/selected}}>{{value}}</option>{{/households}}</select></div>
          {{#tenants}}\(FormField.snippet){{/tenants}}
          <button type="submit" id="submit">{{#vi}}Ước tính{{/vi}}{{#en}}Estimate{{/en}}</button>
        </form>
        \(FormField.errorSummary)
        {{#bill}}<table class="tickets" id="bill">
          <thead><tr><th scope="col">{{#vi}}Bậc{{/vi}}{{#en}}Tier{{/en}}</th><th scope="col">kWh</th>
            <th scope="col">{{#vi}}Đơn giá{{/vi}}{{#en}}Price{{/en}}</th><th scope="col">{{#vi}}Thành tiền{{/vi}}{{#en}}Amount{{/en}}</th></tr></thead>
          <tbody>{{#lines}}<tr><td>{{tier}}</td><td>{{kWh}}</td><td>{{price}}</td><td>{{amount}}</td></tr>{{/lines}}</tbody>
        </table>
        <p>{{#vi}}Cộng{{/vi}}{{#en}}Before VAT{{/en}}: {{beforeVAT}} · VAT {{vatPercent}}%: {{vat}}</p>
        <p>{{#vi}}Tổng cộng{{/vi}}{{#en}}Total{{/en}}: <strong id="total">{{total}}</strong></p>
        <p class="hint">{{#vi}}Biểu giá áp dụng từ{{/vi}}{{#en}}Tariff in force from{{/en}} {{table}}</p>{{/bill}}
        """

    static let serviceKinds = """
        <nav class="tasks" aria-label="{{#vi}}Loại yêu cầu{{/vi}}{{#en}}Kinds of request{{/en}}">
          {{#kinds}}<a href="/yeu-cau/dich-vu/{{value}}" id="kind-{{value}}">{{label}}</a>{{/kinds}}
        </nav>
        """

    static let serviceRequest = """
        {{#operator}}<p class="notice" id="operator">{{#vi}}Điện thoại viên{{/vi}}{{#en}}Operator{{/en}}: <strong>{{operator}}</strong></p>{{/operator}}
        \(FormField.errorSummary)
        <form method="post" action="{{action}}" novalidate id="service-request">
          <input type="hidden" name="formKey" value="{{formKey}}">
          {{#fields}}\(FormField.snippet){{/fields}}
          {{#purposeChoice}}<div class="field{{#purposeError}} invalid{{/purposeError}}"><label for="purpose">{{#vi}}Mục đích sử dụng mới{{/vi}}{{#en}}New purpose of use{{/en}}</label>
            <select id="purpose" name="purpose"><option value="">—</option>{{#purposes}}<option value="{{value}}">{{label}}</option>{{/purposes}}</select>
            {{#purposeError}}<p class="field-error" id="purpose-error">{{purposeError}}</p>{{/purposeError}}</div>{{/purposeChoice}}
          \(consent)
          <button type="submit" id="submit">{{#vi}}Gửi yêu cầu{{/vi}}{{#en}}Send the request{{/en}}</button>
        </form>
        """
}
