import WebPages

/// One household's inputs on the households pages (a sub-household's, or the holder's fewer),
/// named by the API's field paths so that every error of the API's validator lands beside its
/// input, and read back from the posted form into the API's ``SubHouseholdForm``.
enum HouseholdFormFields {
    /// A sub-household's inputs, `name`-prefixed (`""`, `subHouseholds[0].`), with their labels.
    static let household: [(name: String, label: (vi: String, en: String), hint: (vi: String, en: String)?)] = [
        ("fullName", ("Họ tên chủ hộ", "Head's full name"), nil),
        ("idNumber", ("Số CCCD của chủ hộ", "Head's citizen ID"), ("12 chữ số (CMND cũ 9 chữ số)", "12 digits (old ID card: 9)")),
        ("householdBook", ("Số sổ hộ khẩu (nếu có)", "Household book number (if any)"), nil),
        ("permanentAddress", ("Địa chỉ thường trú", "Permanent address"), nil),
        ("persons", ("Số người thuê trọ đăng ký (nếu là nhóm người thuê)", "Registered tenants (for a group of tenants)"),
         ("Mỗi người tính ¼ hộ", "Each person counts ¼ of a household")),
        ("residenceConfirmation.issuer", ("Nơi xác nhận cư trú", "Residence confirmed by"), nil),
        ("residenceConfirmation.number", ("Số giấy xác nhận cư trú", "Confirmation number"), nil),
        ("residenceConfirmation.issuedOn", ("Ngày cấp", "Issued on"), ("YYYY-MM-DD", "YYYY-MM-DD")),
        ("residenceConfirmation.validUntil", ("Có giá trị đến (trống: thường trú)", "Valid until (blank: permanent)"),
         ("YYYY-MM-DD", "YYYY-MM-DD")),
    ]

    /// The main household's inputs: the contract holder, with no residence confirmation.
    static let holder = household.filter { ["fullName", "idNumber", "householdBook"].contains($0.name) }

    /// The values of `fields` under `prefix` for ``FormField/snippet``: as posted, with their errors.
    static func inputs(_ fields: [(name: String, label: (vi: String, en: String), hint: (vi: String, en: String)?)],
                       prefix: String, posted: WebForm?, errors: FieldMessages, in language: PageLanguage) -> [[String: Any]] {
        fields.map { field in
            let name = prefix + field.name
            return FormField.input(name, label: field.label, in: language, value: posted?[name], error: errors[name],
                                   type: field.name == "persons" ? "number" : "text", hint: field.hint)
        }
    }

    /// The household posted under `prefix`; `nil` when every one of its inputs was left blank.
    static func read(_ form: WebForm, prefix: String) -> SubHouseholdForm? {
        guard household.contains(where: { form.text(prefix + $0.name) != nil }) else { return nil }
        let confirmation = "\(prefix)residenceConfirmation."
        let hasConfirmation = ["issuer", "number", "issuedOn", "validUntil"].contains { form.text(confirmation + $0) != nil }
        return SubHouseholdForm(
            fullName: form[prefix + "fullName"], idNumber: form[prefix + "idNumber"],
            householdBook: form.text(prefix + "householdBook"), permanentAddress: form.text(prefix + "permanentAddress"),
            residenceConfirmation: hasConfirmation ? ResidenceConfirmationForm(
                issuer: form[confirmation + "issuer"], number: form[confirmation + "number"],
                issuedOn: form[confirmation + "issuedOn"], validUntil: form.text(confirmation + "validUntil")) : nil,
            // What is not a whole number is refused as no count of persons is (`persons.invalid`).
            persons: form.text(prefix + "persons").map { Int($0.trimmingCharacters(in: .whitespaces)) ?? 0 })
    }

    /// A supervisor's override as posted (`override.reason`); `nil` when none was given.
    static func override(_ form: WebForm) -> OverrideForm? {
        form.text("override.reason").map { OverrideForm(reason: $0) }
    }
}
