/// What a message asks of the system, which decides where it travels.
///
/// Events go to the `evn.events` topic exchange (whoever cares subscribes); commands and
/// queries go to the `evn.commands` direct exchange, to exactly one service's inbox.
public enum MessageKind: String, Codable, Sendable, CaseIterable {
    /// Something that happened, named `<source>.<entity>.<event>`, e.g. `intake.request.submitted`.
    case event
    /// Work asked of one service, named `<target>.<command>`, e.g. `metering.install-meter`.
    case command
    /// A request/reply look-up answered now by its owner, named `<owner>.<query>`, e.g. `crm.request-timeline`.
    case query
}
