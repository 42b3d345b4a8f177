/// A JSON body of intake's API as the client sent it, before any check.
///
/// Every property is optional, so a missing field becomes a field error beside the others
/// instead of a decoding failure that hides them; the validator's field declarations say
/// which ones it refuses to go without, and the OpenAPI document is built from the same
/// declarations.
protocol RequestForm: Decodable, Sendable {
    /// An empty form, to list the fields by reflection.
    init()
}
