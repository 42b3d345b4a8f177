import Foundation
import Mail

/// Sends one e-mail through the SMTP relay (``SMTPMailer`` over libcurl).
///
/// The mailer blocks its thread for up to the SMTP time-out, so each send runs on a
/// Dispatch worker thread, never on Swift's cooperative pool, where it would stall the
/// service's other tasks.
struct EmailSender: Sendable {
    let mailer: SMTPMailer
    let from: MailAddress

    /// Sends `content` to `address`, written at `date`; returns what the relay's acceptance is
    /// recorded as.
    ///
    /// - Parameter messageID: the left part of the Message-ID, the delivery's id, so that a
    ///   retried send carries the same Message-ID.
    /// - Throws: ``DeliveryFailure``: transient for a 4yz reply or network trouble;
    ///   undeliverable for an address the relay (5yz on the mailbox) or the mail library
    ///   refuses; configuration for any other permanent refusal (TLS, login).
    func send(_ content: DeliveryContent, to address: String, messageID: String, at date: Date) async throws(DeliveryFailure)
        -> String {
        let message: MailMessage
        do {
            message = try MailMessage(
                from: MailAddress(from.email, name: content.senderName ?? from.name), to: [MailAddress(address)],
                subject: content.subject ?? "", textBody: content.text,
                messageID: "\(messageID)@\(from.email.split(separator: "@").last ?? "localhost")", date: date,
                thread: Self.thread(of: content)
            )
        } catch {
            throw DeliveryFailure(kind: .undeliverable, reason: "the e-mail cannot be written: \(error)")
        }
        let mailer = mailer
        let result: Result<Void, SMTPError> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(returning: Result { () throws(SMTPError) in try mailer.send(message) })
            }
        }
        switch result {
        case .success:
            return "accepted by \(mailer.settings.url) as <\(message.messageID)>"
        case .failure(let error):
            throw DeliveryFailure(kind: Self.kind(of: error), reason: error.description)
        }
    }

    /// The thread an answer to a customer's mail goes in; none when the content answers no
    /// mail or the mail's Message-ID is unusable (the answer then arrives as a new conversation).
    private static func thread(of content: DeliveryContent) -> MailThread? {
        content.inReplyTo.flatMap { try? MailThread(answering: $0, earlier: content.references ?? []) }
    }

    /// Mailbox replies (550 unknown, 551 not local, 553 malformed) mean the address itself
    /// is refused; other permanent failures are the relay refusing our configuration.
    private static func kind(of error: SMTPError) -> DeliveryFailure.Kind {
        switch error.kind {
        case .transient: .transient
        case .permanent: [550, 551, 553].contains(error.replyCode ?? 0) ? .undeliverable : .configuration
        }
    }
}
