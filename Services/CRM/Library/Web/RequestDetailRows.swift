import Contracts
import VietnameseIdentity
import WebPages

/// What a service request asks for, as rows of the branch's ticket page: the officer decides
/// on the page, so they read there who takes the contract over, which households join or
/// leave, the new purpose or site, and the customer's own words. ID numbers are masked: the
/// officer checks the papers themselves, the screen need not show whole numbers.
struct RequestDetailRows {
    let language: PageLanguage

    /// The rows for the detail's `details` object (the API's JSON), each `label`, `value` and
    /// the `id` a test or a screen reader finds it by; none for a field the request left out.
    func rows(of details: Any?) -> [[String: String]] {
        guard let details = details as? [String: Any] else { return [] }
        var rows: [[String: String]] = []
        func add(_ id: String, _ label: (vi: String, en: String), _ value: String?) {
            guard let value, !value.isEmpty else { return }
            rows.append(["id": id, "label": language.pick(label.vi, label.en), "value": value])
        }
        let contact = details["newHolderContact"] as? [String: Any]
        add("new-holder", ("Chủ hợp đồng mới", "New holder"),
            person(details["newHolder"]).map { [$0, contact?["phone"] as? String].compactMap { $0 }.joined(separator: " · ") })
        add("new-purpose", ("Mục đích sử dụng mới", "New purpose of use"), PurposeOfUse.shown(details["purpose"], in: language))
        add("joining-households", ("Hộ chuyển đến", "Households joining"),
            (details["newHouseholds"] as? [Any] ?? []).compactMap(person).joined(separator: "; "))
        add("leaving-households", ("Hộ đã chuyển đi", "Households that left"),
            (details["leavingSubHouseholdIds"] as? [String] ?? []).joined(separator: ", "))
        add("disputed-request", ("Kết quả kiểm định khiếu nại", "Disputed verification"), details["disputedRequestCode"] as? String)
        add("split-household", ("Hộ tách công tơ", "Sub-household to split"), details["subHouseholdId"] as? String)
        add("new-site", ("Nơi lắp công tơ mới", "New meter's site"), site(details["site"]))
        add("request-note", ("Nội dung yêu cầu", "What the customer asks"), details["note"] as? String)
        return rows
    }

    /// "Name (CCCD 079*******34)": a person of the request with their ID number masked.
    private func person(_ value: Any?) -> String? {
        guard let person = value as? [String: Any], let name = person["fullName"] as? String else { return nil }
        guard let idNumber = person["idNumber"] as? String else { return name }
        return "\(name) (\(language.pick("CCCD", "ID")) \(PersonalDataMask.scrub(idNumber)))"
    }

    private func site(_ value: Any?) -> String? {
        guard let site = value as? [String: Any] else { return nil }
        return [site["street"], site["communeCode"], site["province"]].compactMap { $0 as? String }.joined(separator: ", ")
    }
}
