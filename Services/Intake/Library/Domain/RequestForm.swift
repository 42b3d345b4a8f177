/// A JSON body of intake's API as the client sent it, before any check.
///
/// Every property is optional, so a missing field becomes a field error beside the others
/// instead of a decoding failure that hides them; ``requiredFields`` says which ones the
/// validation refuses to go without. The OpenAPI document states the same, and a test holds
/// the two together.
protocol RequestForm: Decodable, Sendable {
    /// The fields that must be present, by their JSON names.
    static var requiredFields: Set<String> { get }
    /// An empty form, to list the fields by reflection.
    init()
}
