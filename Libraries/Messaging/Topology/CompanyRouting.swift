/// The provincial power company (PC) in an event's routing key, so that a service split into
/// shards by PC takes only its own PCs' events from the broker instead of the whole
/// corporation's (`docs/scaling.md`).
///
/// The company is the first ``companyLength`` characters of the event's owner key, its
/// `correlation_id`: flows are named after a request code (`PC05TK-261129-000001`) or a
/// customer code (`PC05TK0012345`), both starting with the branch code, whose first four
/// characters are its PC's (`PC05`). An event goes out on `<key>.<PC>`
/// (`intake.request.submitted.PC05`); one whose correlation id names no company (none, or one
/// not starting with four upper-case letters or digits) keeps its bare key. The envelope's own
/// routing key (its `type`) is unchanged: handlers still choose by it.
///
/// Only events carry the company. Commands and look-ups go to `evn.commands`, a direct
/// exchange, addressed to one service whose shards all bind the same bare key: a command is
/// mandatory and must always find a queue, and a look-up names its owner in its query, not in
/// a correlation id (a reply's is the caller's).
public enum CompanyRouting {
    /// How many leading characters of a branch code name its PC (`PC05TK` → `PC05`).
    public static let companyLength = 4

    /// The PC an owner key (request code, customer code, branch code) belongs to; nil when it
    /// does not start with a company code.
    public static func company(of ownerKey: String?) -> String? {
        guard let ownerKey, ownerKey.count >= companyLength else { return nil }
        let company = String(ownerKey.prefix(companyLength))
        let isCode = company.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        return isCode ? company : nil
    }

    /// The AMQP routing key of the event `envelope`: its key, with its PC appended when its
    /// correlation id names one.
    public static func routingKey(ofEvent envelope: Envelope) -> String {
        company(of: envelope.correlationId).map { "\(envelope.routingKey).\($0)" } ?? envelope.routingKey
    }

    /// The binding that takes the event `routingKey` of every company, and without one.
    public static func everyCompany(_ routingKey: String) -> String {
        "\(routingKey).#"
    }

    /// The bindings that take the event `routingKey` of `companies` only, and without a
    /// company: an event whose correlation id names none (which no shard owns, so the shard
    /// acknowledges it unhandled) and those an older release's outbox still holds, with bare keys.
    public static func bindingKeys(_ routingKey: String, companies: Set<String>) -> [String] {
        [routingKey] + companies.sorted().map { "\(routingKey).\($0)" }
    }
}
