/// One input of a form as the templates render it (``snippet``): its name (the API's field
/// path), id, label, hint, what was typed and its error, so every form of every service shows
/// fields and errors the same way.
public enum FormField {
    /// The values of one input for ``snippet``.
    public static func input(
        _ name: String, label: (vi: String, en: String), in language: PageLanguage, value: String?, error: String?,
        type: String = "text", hint: (vi: String, en: String)? = nil, autocomplete: String = "off"
    ) -> [String: Any] {
        var entry: [String: Any] = [
            "name": name, "id": FieldMessages.id(name), "label": language.pick(label.vi, label.en), "type": type,
            "value": value ?? "", "autocomplete": autocomplete,
        ]
        if let hint { entry["hint"] = language.pick(hint.vi, hint.en) }
        if let error { entry["error"] = error }
        return entry
    }

    /// An input with its label, hint and error, for a section over ``input(_:label:in:value:error:type:hint:autocomplete:)``'s values.
    public static let snippet = """
        <div class="field{{#error}} invalid{{/error}}">
          <label for="{{id}}">{{label}}</label>
          {{#hint}}<span class="hint" id="{{id}}-hint">{{hint}}</span>{{/hint}}
          <input type="{{type}}" id="{{id}}" name="{{name}}" value="{{value}}" autocomplete="{{autocomplete}}"
                 {{#error}}aria-invalid="true"{{/error}} aria-describedby="{{#hint}}{{id}}-hint {{/hint}}{{#error}}{{id}}-error{{/error}}">
          {{#error}}<p class="field-error" id="{{id}}-error">{{error}}</p>{{/error}}
        </div>
        """

    /// The summary of a refused form's errors, each linking to its field (`errors`, `hasErrors`).
    public static let errorSummary = """
        {{#hasErrors}}
        <div class="summary" role="alert" id="error-summary">
          <h2>{{#vi}}Vui lòng sửa các mục sau{{/vi}}{{#en}}Please correct the following{{/en}}</h2>
          <ul>{{#errors}}<li><a href="#{{id}}">{{message}}</a></li>{{/errors}}</ul>
        </div>
        {{/hasErrors}}
        """
}
