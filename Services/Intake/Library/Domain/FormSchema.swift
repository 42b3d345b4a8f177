/// The JSON shape of a form (a request body or a nested object): its properties, which of
/// them are required, and the rules that tie properties together.
///
/// Built by the validator from the ``FieldDeclaration`` declarations it checks with, and shown by
/// the API document as the form's schema.
struct FormSchema: Sendable {
    /// One property: its name, its schema and whether a body without it is refused.
    struct Property: Sendable {
        let name: String
        let schema: JSONValue
        let isRequired: Bool
    }

    let properties: [Property]
    /// Rules over several properties (JSON Schema `allOf` members), e.g. the operator's id
    /// that a request taken by phone needs.
    let rules: [JSONValue]

    init(_ properties: [Property], rules: [JSONValue] = []) {
        self.properties = properties
        self.rules = rules
    }

    /// The names of the required properties.
    var requiredFields: Set<String> {
        Set(properties.filter(\.isRequired).map(\.name))
    }

    /// The JSON Schema of the form.
    var json: JSONValue {
        var schema: JSONValue = [
            "type": "object",
            "required": .array(properties.filter(\.isRequired).map { .string($0.name) }),
            "properties": .object(Dictionary(uniqueKeysWithValues: properties.map { ($0.name, $0.schema) })),
        ]
        if !rules.isEmpty {
            schema = schema.adding(["allOf": .array(rules)])
        }
        return schema
    }
}

extension FormSchema.Property {
    /// The property of a text field.
    static func field<Value>(_ field: FieldDeclaration<Value>) -> Self {
        Self(name: field.name, schema: field.schema, isRequired: field.isRequired)
    }

    /// A property that is not text (a number, a flag, an object, a list), with its own schema.
    static func value(_ name: String, _ schema: JSONValue, required: Bool) -> Self {
        Self(name: name, schema: schema, isRequired: required)
    }
}
