/// A parameter of an operation (in the path, the query or a header) as the API document shows it.
struct APIParameter: Sendable {
    let name: String
    /// `path`, `query` or `header`.
    let location: String
    let isRequired: Bool
    let schema: JSONValue
    let summary: String

    /// The query parameter of `field`; left out or blank when optional, which the look-ups take alike.
    static func query<Value>(_ field: FieldDeclaration<Value>) -> APIParameter {
        let schema: JSONValue = field.isRequired ? field.format.schema : ["anyOf": [field.format.schema, SchemaPattern.blank]]
        return APIParameter(name: field.name, location: "query", isRequired: field.isRequired,
                            schema: SchemaPattern.inQuery(schema), summary: field.summary)
    }

    var json: JSONValue {
        ["name": .string(name), "in": .string(location), "required": .bool(isRequired), "schema": schema,
         "description": .string(summary)]
    }
}
