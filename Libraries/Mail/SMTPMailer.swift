import CCurl
import Synchronization

/// Sends one ``MailMessage`` over SMTP through libcurl: the e-mail channel of
/// the notification service.
///
/// Keeps its connections to the relay open between sends (``SMTPConnection``), as mail
/// clients and MTAs do: a mail on a kept connection costs the relay and the service one
/// transaction, not a TCP and TLS handshake, a greeting and `EHLO` as well. A connection is
/// kept only after a send the relay accepted (libcurl closes it after a failed one), for at
/// most ``messagesPerConnection`` mails, and never more than ``idleConnections`` at once.
///
/// One `SMTPMailer` can be shared by any number of threads: each send takes a connection of
/// its own from the pool, or opens one.
public final class SMTPMailer: Sendable {
    public let settings: SMTPSettings
    /// Connections kept open while no send uses them, at most.
    public let idleConnections: Int
    /// Mails sent on one connection before it is closed: relays limit mails per session
    /// (Exchange's receive connectors to 20 by default), so a long-lived connection is
    /// renewed before the relay refuses it.
    public let messagesPerConnection: Int
    private let idle = Mutex<[SMTPConnection]>([])

    public init(settings: SMTPSettings, idleConnections: Int = 16, messagesPerConnection: Int = 20) {
        self.settings = settings
        self.idleConnections = idleConnections
        self.messagesPerConnection = messagesPerConnection
    }

    /// Delivers `message` to the relay: `MAIL FROM` the sender, `RCPT TO` each
    /// recipient, then the rendered message. Returns once the server accepted the
    /// message (250 after the data); it is then the server's to deliver.
    ///
    /// A kept connection the relay dropped without libcurl noticing (closed as the mail
    /// went out, or `421` to the next mail) is not the mail's failure: the mail goes once
    /// more on a new connection.
    ///
    /// **Blocks the calling thread** for up to ``SMTPSettings/timeout`` (twice, when a
    /// kept connection turned out dropped). Do not call it on Swift's cooperative thread
    /// pool (from an `async` function directly): run it on a thread of its own (e.g. a
    /// `DispatchQueue`), so that slow mail never stalls the service's other tasks.
    ///
    /// If any recipient is refused, nothing is sent to any recipient.
    ///
    /// - Throws: ``SMTPError``, ``SMTPError/Kind/transient`` when retrying later
    ///   can succeed, ``SMTPError/Kind/permanent`` when it cannot.
    public func send(_ message: MailMessage) throws(SMTPError) {
        let global = CurlGlobal.initialisation
        guard global == CURLE_OK else {
            throw SMTPError(kind: .transient, replyCode: nil, curlCode: Int(global.rawValue),
                            message: "curl_global_init failed: \(String(cString: curl_easy_strerror(global)))")
        }
        let bytes = message.rendered()
        let sender = message.from.email
        let recipients = message.to.map(\.email)
        if let kept = idle.withLock({ $0.popLast() }) {
            do throws(SMTPError) {
                try kept.send(bytes, from: sender, to: recipients, settings: settings)
                keep(kept)
                return
            } catch {
                guard kept.lastTransferReusedConnection, error.isDroppedConnection else { throw error }
            }
        }
        let connection = try SMTPConnection()
        try connection.send(bytes, from: sender, to: recipients, settings: settings)
        keep(connection)
    }

    /// Puts a connection back for the next send, unless it has carried its share of mails or
    /// enough connections are idle already; one not kept is closed as it is released.
    private func keep(_ connection: SMTPConnection) {
        guard connection.sent < messagesPerConnection else { return }
        idle.withLock { idle in
            if idle.count < idleConnections { idle.append(connection) }
        }
    }
}

extension SMTPError {
    /// The relay closed the connection rather than answering this mail: nothing came back
    /// (`CURLE_GOT_NOTHING`), sending or receiving failed on the socket, or the relay said
    /// `421` (closing the channel: too many mails on it, shutting down).
    var isDroppedConnection: Bool {
        replyCode == 421 || [CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR].contains { $0.rawValue == curlCode }
    }
}
