/// Why the company must not answer a mail automatically (RFC 3834 §2, §5): answering it
/// would answer a machine, start a mail loop between two auto-responders, or amplify spam.
/// The mail is still filed; only the automatic answer is withheld.
public enum ReplySuppression: String, Sendable, Hashable, CaseIterable {
    /// `Auto-Submitted` other than `no`: an auto-reply, an out-of-office notice, a robot.
    case autoSubmitted = "auto-submitted"
    /// `Precedence: bulk | junk | list`: a mailing list or mass mail.
    case bulk
    /// A delivery report: empty `Return-Path`, a `MAILER-DAEMON` sender, or `multipart/report`.
    case bounce
    /// No address to answer: no usable `From` (or `Reply-To`).
    case noSender = "no-sender"
    /// The company's own address wrote it: answering would answer ourselves.
    case ownAddress = "own-address"

    /// The first reason not to answer `mail` automatically, nil when it may be answered.
    /// `ownAddresses` are the company's own mailboxes (compared case-insensitively).
    public static func reason(for mail: InboundMail, ownAddresses: Set<String> = []) -> ReplySuppression? {
        if let autoSubmitted = mail.autoSubmitted, autoSubmitted != "no" { return .autoSubmitted }
        if let precedence = mail.precedence, ["bulk", "junk", "list"].contains(precedence) { return .bulk }
        if mail.returnPath?.isEmpty == true || mail.mediaType == "multipart/report" { return .bounce }
        let daemons = ["mailer-daemon", "postmaster"]
        if let local = mail.from?.email.split(separator: "@").first?.lowercased(), daemons.contains(String(local)) {
            return .bounce
        }
        guard let address = mail.replyAddress else { return .noSender }
        let own = Set(ownAddresses.map { $0.lowercased() })
        if own.contains(address.email.lowercased()) || mail.from.map({ own.contains($0.email.lowercased()) }) == true {
            return .ownAddress
        }
        return nil
    }
}
