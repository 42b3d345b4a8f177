import WebPages

extension HouseholdPages {
    /// The links every households page leads on with.
    private static let links = """
        <nav class="links"><a href="/ho-dung-chung" id="dossiers-link">{{#vi}}Hồ sơ của đơn vị{{/vi}}{{#en}}The unit's dossiers{{/en}}</a> ·
          <a href="/ho-dung-chung/mo-ho-so" id="open-dossier">{{#vi}}Mở hồ sơ{{/vi}}{{#en}}Open a dossier{{/en}}</a> ·
          <a href="/ho-dung-chung/trung" id="duplicates">{{#vi}}Hộ trùng{{/vi}}{{#en}}Duplicates{{/en}}</a> ·
          <a href="/ho-dung-chung/het-han" id="expiry">{{#vi}}Xác nhận cư trú hết hạn{{/vi}}{{#en}}Expiring confirmations{{/en}}</a> ·
          <a href="/ho-dung-chung/dieu-chinh" id="repricing">{{#vi}}Danh sách điều chỉnh số hộ (bản in){{/vi}}{{#en}}Re-pricing list (printable){{/en}}</a> ·
          <a href="/ho-dung-chung/bao-cao-tach" id="split-report">{{#vi}}Báo cáo tách công tơ{{/vi}}{{#en}}Split report{{/en}}</a></nav>
        """

    /// A registration's screening: clear, or the dossiers already holding the number.
    private static let screening = """
        {{#screening}}{{#clear}}<p class="notice" role="status" id="screening-clear">{{#vi}}Kiểm tra trùng toàn Tổng công ty: không trùng. Đã đăng ký{{/vi}}{{#en}}Corporation-wide check: clear. Registered{{/en}} {{name}} ({{reference}}).</p>{{/clear}}
          {{^clear}}<div class="summary" role="alert" id="screening-conflict"><p>{{#vi}}Trùng với hồ sơ đang hiệu lực — chưa đăng ký:{{/vi}}{{#en}}Already in an active dossier — not registered:{{/en}}</p>
            <ul>{{#cases}}<li>{{key}}: {{#holdings}}{{unit}} {{customerCode}} {{dossierId}}; {{/holdings}}</li>{{/cases}}</ul>
            {{#override}}<p>{{#vi}}Giám sát có thể đăng ký vượt trùng khi đã xác minh, ghi lý do bên dưới.{{/vi}}{{#en}}A supervisor may register it anyway once verified, giving the reason below.{{/en}}</p>{{/override}}
            {{^override}}<p id="supervisor-needed">{{#vi}}Chỉ cán bộ giám sát được chấp thuận đăng ký trùng.{{/vi}}{{#en}}Only a supervisor may register a duplicate.{{/en}}</p>{{/override}}</div>{{/clear}}{{/screening}}
        """

    /// The dossier's papers, each with its download link, and the form attaching one more.
    private static let papers = """
        <h2 id="papers-heading">{{#vi}}Giấy tờ của hồ sơ{{/vi}}{{#en}}The dossier's papers{{/en}}</h2>
        {{#hasKept}}<p class="notice" role="status" id="paper-kept">{{#vi}}Đã lưu giấy tờ:{{/vi}}{{#en}}Paper kept:{{/en}} {{#papersKept}}{{label}} — {{type}}, {{size}}; {{/papersKept}}</p>{{/hasKept}}
        {{#noPapers}}<p id="no-papers">{{#vi}}Chưa có giấy tờ nào.{{/vi}}{{#en}}No papers yet.{{/en}}</p>{{/noPapers}}
        {{^noPapers}}<table class="tickets" id="papers"><thead><tr><th scope="col">{{#vi}}Loại giấy tờ{{/vi}}{{#en}}Kind of paper{{/en}}</th>
          <th scope="col">{{#vi}}Tệp{{/vi}}{{#en}}File{{/en}}</th><th scope="col">{{#vi}}Thêm lúc{{/vi}}{{#en}}Added{{/en}}</th>
          <th scope="col">{{#vi}}Cán bộ{{/vi}}{{#en}}By{{/en}}</th><th scope="col">{{#vi}}Tải về{{/vi}}{{#en}}Download{{/en}}</th></tr></thead>
          <tbody>{{#papers}}<tr id="paper-{{id}}"><td>{{label}}</td><td>{{type}}, {{size}}</td><td>{{when}}</td><td>{{by}}</td>
            <td><a href="{{href}}" id="download-{{id}}" download>{{#vi}}Tải về{{/vi}}{{#en}}Download{{/en}}</a></td></tr>{{/papers}}</tbody></table>{{/noPapers}}
        <form method="post" action="/ho-dung-chung/ho-so/{{dossierId}}/giay-to" enctype="multipart/form-data" id="attach-paper" novalidate>
          <h2>{{#vi}}Thêm giấy tờ{{/vi}}{{#en}}Attach a paper{{/en}}</h2>
          <div class="field{{#kindError}} invalid{{/kindError}}"><label for="kind">{{#vi}}Loại giấy tờ{{/vi}}{{#en}}Kind of paper{{/en}}</label>
            <select id="kind" name="kind">{{#paperKinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/paperKinds}}</select>
            {{#kindError}}<p class="field-error" id="kind-error">{{kindError}}</p>{{/kindError}}</div>
          <div class="field{{#fileError}} invalid{{/fileError}}"><label for="file">{{#vi}}Ảnh chụp hoặc bản quét (JPEG, PNG, PDF){{/vi}}{{#en}}Photo or scan (JPEG, PNG, PDF){{/en}}</label>
            <input type="file" id="file" name="file" accept="image/jpeg,image/png,application/pdf"{{#fileError}} aria-invalid="true" aria-describedby="file-error"{{/fileError}}>
            {{#fileError}}<p class="field-error" id="file-error">{{fileError}}</p>{{/fileError}}</div>
          <button type="submit" id="attach-submit">{{#vi}}Lưu giấy tờ{{/vi}}{{#en}}Keep the paper{{/en}}</button>
        </form>
        """

    static let templates: [String: String] = [
        "dossiers": """
            \(links)
            <form method="get" action="/ho-dung-chung" id="search">
              <div class="field"><label for="q">{{#vi}}Mã khách hàng hoặc tên chủ hộ{{/vi}}{{#en}}Customer code or holder's name{{/en}}</label>
                <input type="search" id="q" name="q" value="{{q}}"></div>
              <button type="submit" id="submit">{{#vi}}Tìm hồ sơ{{/vi}}{{#en}}Find dossiers{{/en}}</button>
            </form>
            {{#none}}<p id="no-dossiers">{{#vi}}Không có hồ sơ nào.{{/vi}}{{#en}}No dossiers.{{/en}}</p>{{/none}}
            {{^none}}<table class="tickets" id="dossiers"><thead><tr><th scope="col">{{#vi}}Hồ sơ{{/vi}}{{#en}}Dossier{{/en}}</th>
              <th scope="col">{{#vi}}Mã khách hàng{{/vi}}{{#en}}Customer code{{/en}}</th><th scope="col">{{#vi}}Chủ hộ chính{{/vi}}{{#en}}Holder{{/en}}</th>
              <th scope="col">{{#vi}}Số hộ{{/vi}}{{#en}}Households{{/en}}</th><th scope="col">{{#vi}}Trạng thái{{/vi}}{{#en}}Status{{/en}}</th>
              <th scope="col">{{#vi}}Mở lúc{{/vi}}{{#en}}Opened{{/en}}</th></tr></thead>
              <tbody>{{#dossiers}}<tr id="dossier-{{dossierId}}"><td><a href="/ho-dung-chung/ho-so/{{dossierId}}">{{dossierId}}</a></td><td>{{customerCode}}</td>
                <td>{{holderName}}</td><td>{{households}}</td><td>{{statusLabel}}</td><td>{{openedOn}}</td></tr>{{/dossiers}}</tbody></table>{{/none}}
            {{#next}}<p><a href="{{next}}" id="next-page">{{#vi}}Trang sau{{/vi}}{{#en}}Next page{{/en}}</a></p>{{/next}}
            """,
        "openDossier": """
            \(links)
            \(screening)
            \(FormField.errorSummary)
            <form method="post" action="/ho-dung-chung/mo-ho-so" id="open" novalidate>
              <fieldset><legend>{{#vi}}Công tơ dùng chung{{/vi}}{{#en}}The shared meter{{/en}}</legend>
                {{#meterFields}}\(FormField.snippet){{/meterFields}}</fieldset>
              <fieldset><legend>{{#vi}}Hộ chính (chủ hợp đồng){{/vi}}{{#en}}Main household (the contract holder){{/en}}</legend>
                {{#holderFields}}\(FormField.snippet){{/holderFields}}</fieldset>
              {{#slots}}<fieldset id="{{id}}"><legend>{{#vi}}Hộ dùng chung {{number}} (bỏ trống nếu không có){{/vi}}{{#en}}Sub-household {{number}} (leave blank if none){{/en}}</legend>
                {{#error}}<p class="field-error" id="{{id}}-error">{{error}}</p>{{/error}}
                {{#fields}}\(FormField.snippet){{/fields}}</fieldset>{{/slots}}
              {{#override}}\(FormField.snippet){{/override}}
              <button type="submit" id="open-submit">{{#vi}}Kiểm tra trùng và mở hồ sơ{{/vi}}{{#en}}Check and open the dossier{{/en}}</button>
            </form>
            """,
        "dossier": """
            \(links)
            {{#problem}}<p class="summary" role="alert" id="problem">{{problem}}</p>{{/problem}}
            \(screening)
            \(FormField.errorSummary)
            {{#dossier}}
            <h2>{{dossierId}} · {{customerCode}}</h2>
            <p id="allowance">{{#vi}}Số hộ được tính{{/vi}}{{#en}}Households counted{{/en}}: <strong>{{allowance.households}}</strong> · <span id="dossier-status">{{statusLabel}}</span> · {{unit}}</p>
            <p>{{#meterSerial}}{{#vi}}Công tơ{{/vi}}{{#en}}Meter{{/en}} {{meterSerial}} · {{/meterSerial}}{{#contractNumber}}{{#vi}}Hợp đồng{{/vi}}{{#en}}Contract{{/en}} {{contractNumber}} · {{/contractNumber}}{{#maskedContactPhone}}{{#vi}}Điện thoại nhận nhắc{{/vi}}{{#en}}Reminder phone{{/en}} {{maskedContactPhone}}{{/maskedContactPhone}}</p>
            <table class="tickets" id="members"><thead><tr><th scope="col">{{#vi}}Mã{{/vi}}{{#en}}Ref{{/en}}</th><th scope="col">{{#vi}}Chủ hộ{{/vi}}{{#en}}Head{{/en}}</th>
              <th scope="col">CCCD</th><th scope="col">{{#vi}}Trạng thái{{/vi}}{{#en}}Status{{/en}}</th>
              <th scope="col">{{#vi}}Sổ hộ khẩu · thường trú · người thuê{{/vi}}{{#en}}Household book · permanent address · tenants{{/en}}</th>
              <th scope="col">{{#vi}}Xác nhận cư trú{{/vi}}{{#en}}Residence confirmation{{/en}}</th>
              <th scope="col">{{#vi}}Tách công tơ{{/vi}}{{#en}}Meter split{{/en}}</th></tr></thead>
              <tbody>{{#members}}<tr id="member-{{subHouseholdId}}"><td>{{subHouseholdId}}</td><td>{{fullName}} ({{roleLabel}})</td><td>{{maskedIdNumber}}{{#legacyIdNumber}} (CMND){{/legacyIdNumber}}</td><td>{{statusLabel}}{{#counting}} ✓{{/counting}}</td>
                <td class="details">{{#maskedHouseholdBook}}{{#vi}}Sổ{{/vi}}{{#en}}Book{{/en}} {{maskedHouseholdBook}}; {{/maskedHouseholdBook}}{{permanentAddress}}{{#persons}}; <span class="persons">{{#vi}}{{persons}} người thuê{{/vi}}{{#en}}{{persons}} tenants{{/en}}</span>{{/persons}}</td>
                <td class="confirmation">{{#residenceConfirmation}}{{number}}, {{issuer}}, {{issuedOn}} → {{#validUntil}}{{validUntil}}{{/validUntil}}{{^validUntil}}{{#vi}}thường trú{{/vi}}{{#en}}permanent{{/en}}{{/validUntil}}{{/residenceConfirmation}}</td>
                <td class="split">{{#splitCustomerCode}}{{splitCustomerCode}}{{/splitCustomerCode}}{{#splitStatus}}{{#wantsSplit}}{{#vi}}Muốn tách{{/vi}}{{#en}}Wants to split{{/en}}. {{/wantsSplit}}{{reasonLabel}}{{#note}} — {{note}}{{/note}}{{/splitStatus}}</td></tr>{{/members}}</tbody></table>
            \(papers)
            {{#canRecordSplit}}<form method="post" action="/ho-dung-chung/ho-so/{{dossierId}}/tach" id="split-status" novalidate>
              <h2>{{#vi}}Ghi nhận tình trạng tách công tơ{{/vi}}{{#en}}Record why a household has not split{{/en}}</h2>
              <div class="field"><label for="subHouseholdId">{{#vi}}Hộ dùng chung{{/vi}}{{#en}}Sub-household{{/en}}</label>
                <select id="subHouseholdId" name="subHouseholdId">{{#splittable}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/splittable}}</select></div>
              <div class="field{{#reasonError}} invalid{{/reasonError}}"><label for="notSplitReason">{{#vi}}Lý do chưa tách{{/vi}}{{#en}}Why not split{{/en}}</label>
                <select id="notSplitReason" name="notSplitReason"><option value="">{{#vi}}Chưa rõ{{/vi}}{{#en}}Not known{{/en}}</option>{{#reasons}}<option value="{{value}}" {{selected}}>{{label}}</option>{{/reasons}}</select>
                {{#reasonError}}<p class="field-error" id="notSplitReason-error">{{reasonError}}</p>{{/reasonError}}</div>
              {{#noteField}}\(FormField.snippet){{/noteField}}
              <div class="field"><label for="wantsSplit"><input type="checkbox" id="wantsSplit" name="wantsSplit" value="yes"> {{#vi}}Hộ muốn có công tơ riêng{{/vi}}{{#en}}The household wants its own meter{{/en}}</label></div>
              <button type="submit" id="record-split">{{#vi}}Ghi nhận{{/vi}}{{#en}}Record{{/en}}</button>
            </form>{{/canRecordSplit}}
            <form method="post" action="/ho-dung-chung/ho-so/{{dossierId}}/them-ho" id="add-household" novalidate>
              <h2>{{#vi}}Đăng ký hộ dùng chung{{/vi}}{{#en}}Register a sub-household{{/en}}</h2>
              {{#confirmationError}}<p class="field-error" id="residenceConfirmation-error">{{confirmationError}}</p>{{/confirmationError}}
              {{#fields}}\(FormField.snippet){{/fields}}
              {{#override}}\(FormField.snippet){{/override}}
              <button type="submit" id="register">{{#vi}}Kiểm tra trùng và đăng ký{{/vi}}{{#en}}Check and register{{/en}}</button>
            </form>
            <h2>{{#vi}}Lịch sử số hộ{{/vi}}{{#en}}History of the count{{/en}}</h2>
            <table class="tickets" id="history"><thead><tr><th scope="col">{{#vi}}Lúc{{/vi}}{{#en}}When{{/en}}</th><th scope="col">{{#vi}}Việc{{/vi}}{{#en}}What{{/en}}</th>
              <th scope="col">{{#vi}}Số hộ{{/vi}}{{#en}}Households{{/en}}</th><th scope="col">{{#vi}}Hiệu lực từ{{/vi}}{{#en}}From{{/en}}</th></tr></thead>
              <tbody>{{#history}}<tr><td>{{when}}</td><td>{{reasonLabel}}</td><td>{{previous}} → {{new}}</td><td>{{effectiveOn}}</td></tr>{{/history}}
                {{^history}}<tr><td colspan="4">{{#vi}}Số hộ chưa thay đổi từ khi mở hồ sơ.{{/vi}}{{#en}}The count has not changed since the dossier was opened.{{/en}}</td></tr>{{/history}}</tbody></table>
            {{/dossier}}
            """,
        "duplicates": """
            \(links)
            <p>{{#vi}}Số CCCD hoặc sổ hộ khẩu có trong nhiều hồ sơ đang hiệu lực. Hồ sơ của đơn vị khác chỉ hiện tên đơn vị.{{/vi}}{{#en}}ID numbers or household books in more than one active dossier. Other units' dossiers show their unit only.{{/en}}</p>
            {{#none}}<p id="no-duplicates">{{#vi}}Không có hộ trùng.{{/vi}}{{#en}}No duplicates.{{/en}}</p>{{/none}}
            {{^none}}<table class="tickets" id="cases"><thead><tr><th scope="col">{{#vi}}Loại{{/vi}}{{#en}}Kind{{/en}}</th><th scope="col">{{#vi}}Số{{/vi}}{{#en}}Number{{/en}}</th>
              <th scope="col">{{#vi}}Các hồ sơ giữ số này{{/vi}}{{#en}}Dossiers holding it{{/en}}</th></tr></thead>
              <tbody>{{#cases}}<tr><td>{{kind}}</td><td>{{key}}</td><td><ul>{{#holdings}}<li>{{unit}}{{#dossierId}} · <a href="/ho-dung-chung/ho-so/{{dossierId}}">{{dossierId}}</a> · {{customerCode}}{{/dossierId}}{{#roleLabel}} ({{roleLabel}}){{/roleLabel}}</li>{{/holdings}}</ul></td></tr>{{/cases}}</tbody></table>{{/none}}
            {{#next}}<p><a href="{{next}}" id="next-page">{{#vi}}Trang sau{{/vi}}{{#en}}Next page{{/en}}</a></p>{{/next}}
            <h2>{{#vi}}Giám sát đã chấp thuận đăng ký trùng{{/vi}}{{#en}}Duplicates a supervisor allowed{{/en}}</h2>
            <table class="tickets" id="overrides"><thead><tr><th scope="col">{{#vi}}Lúc{{/vi}}{{#en}}When{{/en}}</th><th scope="col">{{#vi}}Hồ sơ{{/vi}}{{#en}}Dossier{{/en}}</th>
              <th scope="col">{{#vi}}Số trùng{{/vi}}{{#en}}Numbers{{/en}}</th><th scope="col">{{#vi}}Giám sát{{/vi}}{{#en}}Supervisor{{/en}}</th><th scope="col">{{#vi}}Lý do{{/vi}}{{#en}}Reason{{/en}}</th></tr></thead>
              <tbody>{{#overrides}}<tr><td>{{when}}</td><td><a href="/ho-dung-chung/ho-so/{{dossierId}}">{{dossierId}}</a> · {{customerCode}}</td><td>{{keys}}</td><td>{{grantedBy}}</td><td class="reason">{{reason}}</td></tr>{{/overrides}}</tbody></table>
            """,
        "expiry": """
            \(links)
            <p>{{#vi}}Ngày{{/vi}}{{#en}}Day{{/en}} {{day}}. {{#vi}}Nhắc gia hạn được nhắn tới chủ hộ chính qua số điện thoại của hồ sơ; hồ sơ không có số thì đơn vị gọi điện.{{/vi}}{{#en}}Renewal reminders are texted to the main household at the dossier's phone; without one the unit calls.{{/en}}</p>
            <h2>{{#vi}}Sắp hết hạn (30 ngày){{/vi}}{{#en}}Ending within 30 days{{/en}}</h2>
            {{#noneSoon}}<p>{{#vi}}Không có.{{/vi}}{{#en}}None.{{/en}}</p>{{/noneSoon}}
            {{^noneSoon}}<table class="tickets" id="expiring-soon">\(expiryRows("expiringSoon"))</table>{{/noneSoon}}
            <h2>{{#vi}}Đã hết hạn (không còn được tính){{/vi}}{{#en}}Ended (no longer counted){{/en}}</h2>
            {{#noneExpired}}<p>{{#vi}}Không có.{{/vi}}{{#en}}None.{{/en}}</p>{{/noneExpired}}
            {{^noneExpired}}<table class="tickets" id="expired">\(expiryRows("expired"))</table>{{/noneExpired}}
            {{#next}}<p><a href="{{next}}" id="next-page">{{#vi}}Trang sau{{/vi}}{{#en}}Next page{{/en}}</a></p>{{/next}}
            """,
        "splitReport": """
            \(links)
            <p>{{#vi}}Đã tách trong tháng{{/vi}}{{#en}}Split this month{{/en}}: <strong id="splits-done">{{splitCount}}</strong></p>
            <ul>{{#splitsDone}}<li>{{subHouseholdId}} → {{newCustomerCode}} ({{customerCode}})</li>{{/splitsDone}}</ul>
            <h2>{{#vi}}Muốn tách nhưng chưa tách được{{/vi}}{{#en}}Wanting to split, not yet able{{/en}}</h2>
            <ul>{{#pendingWishes}}<li id="wish-{{subHouseholdId}}">{{subHouseholdId}} ({{customerCode}}): {{#reasonLabel}}{{reasonLabel}}{{/reasonLabel}}{{^reasonLabel}}{{#vi}}chưa ghi nhận lý do{{/vi}}{{#en}}no reason recorded{{/en}}{{/reasonLabel}}{{#note}} — {{note}}{{/note}}</li>{{/pendingWishes}}</ul>
            <h2>{{#vi}}Lý do chưa tách{{/vi}}{{#en}}Reasons not split{{/en}}</h2>
            <ul>{{#notSplitByReason}}<li>{{#vi}}{{labelVi}}{{/vi}}{{#en}}{{labelEn}}{{/en}}: {{households}}</li>{{/notSplitByReason}}</ul>
            """,
    ]

    /// The head and rows of one part of the expiry list, `section` naming its entries.
    private static func expiryRows(_ section: String) -> String {
        """
        <thead><tr><th scope="col">{{#vi}}Hộ{{/vi}}{{#en}}Household{{/en}}</th><th scope="col">{{#vi}}Hồ sơ{{/vi}}{{#en}}Dossier{{/en}}</th>
          <th scope="col">{{#vi}}Hết hạn{{/vi}}{{#en}}Ends{{/en}}</th><th scope="col">{{#vi}}Đã nhắc{{/vi}}{{#en}}Reminded{{/en}}</th></tr></thead>
        <tbody>{{#\(section)}}<tr id="expiry-{{subHouseholdId}}"><td>{{subHouseholdId}} · {{fullName}} · {{maskedIdNumber}}</td>
          <td><a href="/ho-dung-chung/ho-so/{{dossierId}}">{{dossierId}}</a> · {{customerCode}}</td><td>{{validUntil}}</td>
          <td class="reminded">{{#remindedAt}}{{#vi}}Đã nhắn chủ hộ chính{{/vi}}{{#en}}Texted the main household{{/en}} {{phone}} {{#vi}}lúc{{/vi}}{{#en}}at{{/en}} {{remindedAt}}{{/remindedAt}}{{^remindedAt}}{{#phone}}{{#vi}}Chưa nhắc{{/vi}}{{#en}}Not reminded yet{{/en}}{{/phone}}{{^phone}}{{#vi}}Hồ sơ không có số điện thoại — đơn vị gọi điện{{/vi}}{{#en}}No phone on the dossier — the unit calls{{/en}}{{/phone}}{{/remindedAt}}</td></tr>{{/\(section)}}</tbody>
        """
    }
}
