import WebPages

/// The customer code input of the portal's forms, labelled alike on every page: the code as the
/// customer finds it on their electricity bill.
enum CustomerCodeField {
    static let label = (vi: "Mã khách hàng (trên hóa đơn tiền điện)", en: "Customer code (on the bill)")

    /// The input with what `form` holds and its error among `errors`.
    static func input(_ form: WebForm, errors: FieldMessages, in language: PageLanguage,
                      hint: (vi: String, en: String)? = nil) -> [String: Any] {
        FormField.input("customerCode", label: label, in: language, value: form["customerCode"],
                        error: errors["customerCode"], hint: hint)
    }
}
