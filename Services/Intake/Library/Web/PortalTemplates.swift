import WebPages

/// The portal's and the call-centre console's pages, as Mustache templates inside the shared
/// layout (`WebPages`). Every form works without JavaScript: it posts, and a refused form
/// comes back with what was typed and each error beside its field.
enum PortalTemplates {
    static let all: [String: String] = [
        "home": home, "connection": connection, "received": received, "track": track, "timeline": timeline,
        "sign": sign, "contract": contract, "signed": signed, "tooMany": tooMany,
    ]

    static let home = """
        <p>{{#vi}}Gửi yêu cầu và theo dõi dịch vụ điện trực tuyến, không cần đến quầy giao dịch.{{/vi}}{{#en}}Ask for electricity services and follow them online, without visiting the office.{{/en}}</p>
        <nav class="tasks" aria-label="{{#vi}}Dịch vụ{{/vi}}{{#en}}Services{{/en}}">
          <a href="/yeu-cau/cap-dien-moi" id="go-new-connection">{{#vi}}Đăng ký cấp điện mới{{/vi}}{{#en}}Request a new connection{{/en}}</a>
          <a href="/tra-cuu" id="go-track">{{#vi}}Tra cứu tiến độ yêu cầu{{/vi}}{{#en}}Track a request{{/en}}</a>
          <a href="/ky-hop-dong" id="go-sign">{{#vi}}Ký hợp đồng mua bán điện{{/vi}}{{#en}}Sign your electricity contract{{/en}}</a>
          <a href="/ho-dung-chung" id="go-households">{{#vi}}Các hộ dùng chung công tơ{{/vi}}{{#en}}Households sharing your meter{{/en}}</a>
          <a href="/yeu-cau/dich-vu" id="go-services">{{#vi}}Yêu cầu dịch vụ khác (hợp đồng, công tơ){{/vi}}{{#en}}Other requests (contract, meter){{/en}}</a>
          <a href="/bao-mat-dien" id="go-outage">{{#vi}}Báo mất điện{{/vi}}{{#en}}Report an outage{{/en}}</a>
          <a href="/lich-cat-dien" id="go-planned">{{#vi}}Lịch tạm ngừng cấp điện{{/vi}}{{#en}}Planned outages{{/en}}</a>
          <a href="/lich-ghi-chi-so" id="go-reading">{{#vi}}Lịch ghi chỉ số công tơ{{/vi}}{{#en}}Meter-reading schedule{{/en}}</a>
          <a href="/uoc-tinh-tien-dien" id="go-tariff">{{#vi}}Ước tính tiền điện{{/vi}}{{#en}}Bill estimate{{/en}}</a>
        </nav>
        """

    static let errorSummary = FormField.errorSummary
    static let input = FormField.snippet

    static let connection = """
        {{#operator}}<p class="notice" id="operator">{{#vi}}Điện thoại viên{{/vi}}{{#en}}Operator{{/en}}: <strong>{{operator}}</strong> — {{#vi}}nhận yêu cầu qua tổng đài cho khách hàng gọi đến{{/vi}}{{#en}}filing for a caller on the hotline{{/en}}</p>{{/operator}}
        \(errorSummary)
        <form method="post" action="{{action}}" novalidate id="new-connection">
          <input type="hidden" name="formKey" value="{{formKey}}">
          <fieldset><legend>{{#vi}}Người yêu cầu (chủ hợp đồng){{/vi}}{{#en}}Applicant (contract holder){{/en}}</legend>
          {{#fullName}}\(input){{/fullName}}
          {{#idNumber}}\(input){{/idNumber}}
          {{#phone}}\(input){{/phone}}
          {{#email}}\(input){{/email}}
          </fieldset>
          <fieldset><legend>{{#vi}}Địa điểm sử dụng điện{{/vi}}{{#en}}Where the electricity is used{{/en}}</legend>
          <div class="field">
            <label for="kind">{{#vi}}Cấp điện áp{{/vi}}{{#en}}Voltage{{/en}}</label>
            <select id="kind" name="kind">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select>
          </div>
          <div class="field{{#communeError}} invalid{{/communeError}}">
            <label for="{{communeId}}">{{#vi}}Xã/phường{{/vi}}{{#en}}Commune or ward{{/en}}</label>
            <select id="{{communeId}}" name="site.communeCode" {{#communeError}}aria-invalid="true" aria-describedby="{{communeId}}-error"{{/communeError}}>
              <option value="">{{#vi}}— Chọn xã/phường —{{/vi}}{{#en}}— Choose —{{/en}}</option>
              {{#communes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/communes}}
            </select>
            {{#communeError}}<p class="field-error" id="{{communeId}}-error">{{communeError}}</p>{{/communeError}}
          </div>
          {{#street}}\(input){{/street}}
          <div class="field{{#purposeError}} invalid{{/purposeError}}">
            <label for="purpose">{{#vi}}Mục đích sử dụng điện{{/vi}}{{#en}}Purpose of use{{/en}}</label>
            <select id="purpose" name="purpose">{{#purposes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/purposes}}</select>
            {{#purposeError}}<p class="field-error" id="purpose-error">{{purposeError}}</p>{{/purposeError}}
          </div>
          {{#termMonths}}\(input){{/termMonths}}
          </fieldset>
          <fieldset><legend>{{#vi}}Các hộ dùng chung công tơ (nếu có){{/vi}}{{#en}}Households sharing the meter (if any){{/en}}</legend>
          {{#householdsError}}<p class="field-error" id="extraHouseholds-error">{{householdsError}}</p>{{/householdsError}}
          {{#households}}
            <p><strong>{{#vi}}Hộ{{/vi}}{{#en}}Household{{/en}} {{number}}</strong></p>
            {{#name}}\(input){{/name}}
            {{#id}}\(input){{/id}}
          {{/households}}
          </fieldset>
          <div class="field{{#consentError}} invalid{{/consentError}}">
            <div class="check">
              <input type="checkbox" id="consent" name="consent" value="true"{{#consentChecked}} checked{{/consentChecked}}
                     {{#consentError}}aria-invalid="true" aria-describedby="consent-error"{{/consentError}}>
              <label for="consent">{{#vi}}Tôi đồng ý để điện lực xử lý dữ liệu cá nhân của tôi để giải quyết yêu cầu (Nghị định 13/2023/NĐ-CP){{/vi}}{{#en}}I consent to the processing of my personal data to handle this request (Decree 13/2023/NĐ-CP){{/en}}</label>
            </div>
            {{#consentError}}<p class="field-error" id="consent-error">{{consentError}}</p>{{/consentError}}
          </div>
          <button type="submit" id="submit">{{#vi}}Gửi yêu cầu{{/vi}}{{#en}}Send the request{{/en}}</button>
        </form>
        """

    /// A form or look-up refused over an abuse limit: what happened, and when to come back.
    static let tooMany = """
        <div class="summary" role="alert" id="too-many">
          <p>{{message}}</p>
        </div>
        <a class="button" href="/" id="go-home">{{#vi}}Về trang chủ{{/vi}}{{#en}}Back to the start{{/en}}</a>
        """

    static let received = """
        <div class="notice" role="status">
          <p>{{#vi}}Điện lực {{branchName}} đã nhận yêu cầu. Mã yêu cầu của Quý khách:{{/vi}}{{#en}}Điện lực {{branchName}} has the request. Its code:{{/en}}</p>
          <p class="code" id="request-code">{{requestCode}}</p>
          <p>{{#vi}}Nhân viên sẽ liên hệ trong thời gian sớm nhất. Đường dây nóng: {{branchHotline}}.{{/vi}}{{#en}}Staff will call you soon. Hotline: {{branchHotline}}.{{/en}}</p>
        </div>
        <a class="button" href="/tra-cuu?code={{requestCode}}" id="go-track">{{#vi}}Tra cứu tiến độ{{/vi}}{{#en}}Track this request{{/en}}</a>
        <a class="button" href="/yeu-cau/{{requestCode}}/dinh-kem" id="go-attach">{{#vi}}Gửi ảnh giấy tờ (CCCD, sổ hộ khẩu, xác nhận cư trú){{/vi}}{{#en}}Send photos of papers (ID card, household book, residence confirmation){{/en}}</a>
        """

    static let codeAndPhone = """
        \(errorSummary)
        {{#code}}\(input){{/code}}
        {{#phone}}\(input){{/phone}}
        """

    static let track = """
        <form method="post" action="/tra-cuu" novalidate id="track">
          \(codeAndPhone)
          <button type="submit" id="submit">{{#vi}}Tra cứu{{/vi}}{{#en}}Track{{/en}}</button>
        </form>
        <p id="email-inquiries">{{#vi}}Yêu cầu gửi qua thư điện tử không tra cứu tại đây: Điện lực trả lời trong chuỗi thư của Quý khách. Để hỏi thêm, vui lòng trả lời thư đó hoặc gọi 1900 1909 và cho biết mã yêu cầu.{{/vi}}{{#en}}A request sent by e-mail is not tracked here: the branch answers in your e-mail thread. To ask more, reply to that e-mail or call 1900 1909 quoting the request code.{{/en}}</p>
        """

    static let timeline = """
        <p>{{#vi}}Yêu cầu{{/vi}}{{#en}}Request{{/en}} <span class="code" id="request-code">{{requestCode}}</span></p>
        <p id="branch">{{#vi}}Điện lực phụ trách{{/vi}}{{#en}}Branch in charge{{/en}}: <strong>{{branchName}}</strong> ({{branchHotline}})</p>
        <p id="channel">{{#vi}}Tiếp nhận qua{{/vi}}{{#en}}Received through{{/en}}: {{channel}}</p>
        {{#dueDate}}<p id="due-date">{{#vi}}Hạn giải quyết{{/vi}}{{#en}}Due by{{/en}}: <strong>{{dueDate}}</strong></p>{{/dueDate}}
        <h2>{{#vi}}Các bước đã thực hiện{{/vi}}{{#en}}Steps so far{{/en}}</h2>
        <ol class="timeline" id="timeline">{{#steps}}<li class="step"><time datetime="{{at}}">{{shownAt}}</time>{{label}}</li>{{/steps}}</ol>
        <a href="/ky-hop-dong?code={{requestCode}}">{{#vi}}Ký hợp đồng khi đã nhận mã qua SMS{{/vi}}{{#en}}Sign the contract once the SMS code arrives{{/en}}</a>
        {{#signedCopy}}<form method="post" action="/ky-hop-dong/ban-da-ky" id="signed-copy">
          <input type="hidden" name="code" value="{{requestCode}}"><input type="hidden" name="phone" value="{{phone}}">
          <button type="submit" id="download-signed-copy">{{#vi}}Tải bản hợp đồng đã ký{{/vi}}{{#en}}Download the signed contract{{/en}}</button>
        </form>{{/signedCopy}}
        """

    static let sign = """
        <p>{{#vi}}Nhập mã yêu cầu, số điện thoại đã đăng ký và mã ký gồm 6 chữ số trong tin nhắn SMS.{{/vi}}{{#en}}Enter the request code, the registered phone and the 6-digit code from the SMS.{{/en}}</p>
        {{#newCodeSent}}<p class="notice" role="status" id="new-code-sent">{{#vi}}Đã gửi mã ký mới đến số điện thoại đã đăng ký. Mã có hiệu lực {{validityMinutes}} phút, đến {{expiresAt}}; mã cũ không còn dùng được.{{/vi}}{{#en}}A new signing code is on its way to the registered phone. It is valid for {{validityMinutes}} minutes, until {{expiresAt}}; the previous code no longer works.{{/en}}</p>{{/newCodeSent}}
        <form method="post" action="/ky-hop-dong" novalidate id="sign">
          \(codeAndPhone)
          {{#signingCode}}\(input){{/signingCode}}
          <button type="submit" id="submit">{{#vi}}Ký hợp đồng{{/vi}}{{#en}}Sign the contract{{/en}}</button>
          <button type="submit" formaction="/ky-hop-dong/xem" id="view-contract">{{#vi}}Xem hợp đồng{{/vi}}{{#en}}Read the contract{{/en}}</button>
          <button type="submit" formaction="/ky-hop-dong/ma-moi" id="new-code">{{#vi}}Gửi cho tôi mã mới{{/vi}}{{#en}}Send me a new code{{/en}}</button>
          <button type="submit" formaction="/ky-hop-dong/ban-da-ky" id="signed-copy">{{#vi}}Tải bản hợp đồng đã ký{{/vi}}{{#en}}Download the signed contract{{/en}}</button>
        </form>
        """

    static let contract = """
        <article id="contract">
          <h2>{{#vi}}Hợp đồng mua bán điện số{{/vi}}{{#en}}Electricity contract number{{/en}} <span class="code" id="contract-number">{{contractNumber}}</span></h2>
          <dl>
            <dt>{{#vi}}Bên bán điện{{/vi}}{{#en}}Seller{{/en}}</dt><dd id="seller">{{seller}} ({{sellerHotline}})</dd>
            <dt>{{#vi}}Bên mua điện{{/vi}}{{#en}}Buyer{{/en}}</dt><dd id="buyer">{{buyer}}</dd>
            {{#buyerId}}<dt>{{#vi}}Số CCCD của bên mua điện{{/vi}}{{#en}}Buyer's citizen ID{{/en}}</dt><dd id="buyer-id">{{buyerId}}</dd>{{/buyerId}}
            <dt>{{#vi}}Địa điểm sử dụng điện{{/vi}}{{#en}}Supply point{{/en}}</dt><dd id="address">{{address}}</dd>
            <dt>{{#vi}}Công tơ{{/vi}}{{#en}}Meter{{/en}}</dt><dd id="meter">{{meterSerial}}</dd>
            <dt>{{#vi}}Mục đích sử dụng điện{{/vi}}{{#en}}Purpose of use{{/en}}</dt><dd id="purpose">{{purpose}}</dd>
            <dt>{{#vi}}Nhóm giá{{/vi}}{{#en}}Tariff group{{/en}}</dt><dd id="tariff-group">{{tariffGroup}}</dd>
            <dt>{{#vi}}Số hộ dùng chung công tơ{{/vi}}{{#en}}Households sharing the meter{{/en}}</dt><dd id="households">{{householdCount}}</dd>
            <dt>{{#vi}}Thời hạn hợp đồng{{/vi}}{{#en}}Term{{/en}}</dt><dd id="term">{{term}}</dd>
            <dt>{{#vi}}Lập ngày{{/vi}}{{#en}}Drafted{{/en}}</dt><dd>{{draftedOn}}</dd>
          </dl>
          <h3>{{#vi}}Điều khoản{{/vi}}{{#en}}Terms{{/en}}</h3>
          <ol id="terms">{{#terms}}<li>{{.}}</li>{{/terms}}</ol>
          <button class="print" type="button" id="print">{{#vi}}In hợp đồng{{/vi}}{{#en}}Print the contract{{/en}}</button>
        </article>
        \(sign)
        """

    static let signed = """
        <div class="notice" role="status" id="signed">
          <p>{{#vi}}Quý khách đã ký hợp đồng mua bán điện số{{/vi}}{{#en}}You signed electricity contract number{{/en}}</p>
          <p class="code" id="contract-number">{{contractNumber}}</p>
          <p>{{#vi}}Hợp đồng có hiệu lực từ{{/vi}}{{#en}}In force from{{/en}} {{signedAt}}.</p>
        </div>
        {{#sha256}}<form method="post" action="/ky-hop-dong/ban-da-ky" id="signed-copy">
          <input type="hidden" name="code" value="{{requestCode}}"><input type="hidden" name="phone" value="{{phone}}">
          <p>{{#vi}}Bản hợp đồng đã ký được lưu kèm mã băm SHA-256 của nội dung đã ký; Quý khách có thể tải về để in hoặc lưu.{{/vi}}{{#en}}The signed contract is kept with the SHA-256 hash of what was signed; download it to print or keep.{{/en}}</p>
          <p>SHA-256: <code class="digest" id="signed-copy-sha256">{{sha256}}</code></p>
          <button type="submit" id="download-signed-copy">{{#vi}}Tải bản hợp đồng đã ký{{/vi}}{{#en}}Download the signed contract{{/en}}</button>
        </form>{{/sha256}}
        """
}
