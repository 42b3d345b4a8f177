/// Request bodies as the portal and the call centre send them.
enum SampleForms {
    /// A shared-meter request filed on the web, the applicant's name typed with decomposed
    /// diacritics (`e` + U+0302 + U+0303) and the phone and ID number grouped with spaces.
    static func web() -> [String: Any] {
        [
            "kind": "new_lv_connection",
            "channel": "web",
            "applicant": [
                "fullName": "Nguye\u{0302}\u{0303}n Văn An",
                "idNumber": "049 088 012 345",
                "phone": "0912 345 678",
                "email": "an.nguyen@example.vn",
            ],
            "site": ["province": "Quảng Nam", "communeCode": "20350", "street": "12 Phan Chu Trinh, tổ 3"],
            "purpose": "residential",
            "householdCount": 2,
            "extraHouseholds": [["fullName": "Trần Thị Bích", "idNumber": "049195004321"]],
            "consent": true,
        ]
    }

    /// `web()` filed for another phone, `0912 345 6xx` with `xx` = `number`.
    static func web(phoneNumber number: Int) -> [String: Any] {
        web(applicant: "phone", String(format: "0912 345 6%02d", number))
    }

    /// `web()` with one applicant field replaced.
    static func web(applicant field: String, _ value: Any) -> [String: Any] {
        var form = web()
        var applicant = form["applicant"] as! [String: Any]
        applicant[field] = value
        form["applicant"] = applicant
        return form
    }
}
