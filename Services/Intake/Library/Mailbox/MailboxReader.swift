import Foundation
import Logging
import Mail
import ServiceAreas
import ServiceKit
import ServiceLifecycle

/// Reads the customer-care mailbox every ``MailboxSettings/pollInterval`` and files each mail
/// not yet marked handled (``InboundMailLedger``), then marks it handled with
/// ``IMAPMailbox/handledKeyword``, so each mail is filed once across restarts and crashes.
/// A new mail that asks plainly for a service request (``MailedRequest``) is filed through the
/// portal's use case (``ServiceRequestFiling``) under an idempotency key of the mail, so a crash
/// after the request is committed and before the mail is recorded files it once; a mail whose
/// request that use case refuses (a landline, a phone's allowance spent) is filed as an inquiry.
///
/// A mailbox that cannot be reached is tried again at the next poll; a mail that cannot be
/// fetched or filed is left for the next one, after the others. IMAP calls block their thread,
/// so they run on a Dispatch worker thread, never on Swift's cooperative pool.
struct MailboxReader: Service {
    let mailbox: IMAPMailbox
    let settings: MailboxSettings
    let ledger: InboundMailLedger
    let requests: ServiceRequestFiling
    let areas: ServiceAreaTable
    let clock: WallClock
    let logger: Logger

    func run() async throws {
        logger.info("reading the customer-care mailbox", metadata: ["mailbox": "\(settings.imap.url)"])
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    await poll()
                    try await Task.sleep(for: settings.pollInterval)
                }
            }
        } catch is CancellationError {
            // Stopping: a mail being filed is either committed (and marked at the next start) or not.
        }
    }

    /// Files every unhandled mail once; logs and leaves for the next poll what fails, one mail
    /// that cannot be fetched or filed holding up none of the others.
    func poll() async {
        let uidValidity: UInt32
        let uids: [UInt32]
        do {
            uidValidity = try await blocking { try mailbox.uidValidity() }
            uids = try await blocking { try mailbox.unhandledUIDs() }
        } catch {
            logger.error("the customer-care mailbox could not be read; trying again at the next poll",
                         metadata: ["reason": "\(error)"])
            return
        }
        for uid in uids {
            guard !Task.isCancelled else { return }
            do {
                try await handle(uid: uid, uidValidity: uidValidity)
            } catch {
                logger.error("an e-mail could not be filed; trying again at the next poll",
                             metadata: ["mail_uid": "\(uidValidity)-\(uid)", "reason": "\(error)"])
            }
        }
    }

    private func handle(uid: UInt32, uidValidity: UInt32) async throws {
        let bytes = try await blocking { try mailbox.fetch(uid: uid, uidValidity: uidValidity) }
        let inquiry = ReceivedInquiry(InboundMail(bytes), areas: areas, ownAddresses: settings.ownAddresses)
        let outcome: InboundMailLedger.Outcome
        if let filed = try await fileRequest(inquiry, uid: uid, uidValidity: uidValidity) {
            outcome = filed
        } else {
            outcome = try await ledger.file(uid: uid, uidValidity: uidValidity, mail: inquiry,
                                            repliesPerHour: settings.repliesPerSenderPerHour, at: clock.now())
        }
        try await blocking { try mailbox.markHandled(uid: uid) }
        var metadata: Logger.Metadata = ["mail_uid": "\(uidValidity)-\(uid)", "branch": "\(inquiry.branch.code)"]
        switch outcome {
        case .filed(let requestCode, let answered, let leftOut):
            metadata["answered"] = "\(answered)"
            metadata["suppression"] = "\(inquiry.suppression?.rawValue ?? "none")"
            metadata["files"] = "\(inquiry.attachedFiles.count)"
            metadata["files_left_out"] = "\(leftOut)"
            logger.info("e-mail filed as an inquiry", metadata: .request(requestCode, metadata))
        case .followedUp(let requestCode, let leftOut):
            metadata["files"] = "\(inquiry.attachedFiles.count)"
            metadata["files_left_out"] = "\(leftOut)"
            logger.info("e-mail filed in the thread of an earlier inquiry", metadata: .request(requestCode, metadata))
        case .filedRequest(let requestCode, let kind, let answered, let leftOut):
            metadata["kind"] = "\(kind.rawValue)"
            metadata["answered"] = "\(answered)"
            metadata["files"] = "\(inquiry.attachedFiles.count)"
            metadata["files_left_out"] = "\(leftOut)"
            logger.info("e-mail filed as a service request", metadata: .request(requestCode, metadata))
        case .filedBefore:
            logger.info("e-mail filed before, now marked handled", metadata: metadata)
        }
    }

    /// Files `mail` as the service request it asks for; nil when it asks for none, is not
    /// answerable (an auto-reply, a bounce), continues a thread, or the use case refuses it.
    private func fileRequest(_ mail: ReceivedInquiry, uid: UInt32, uidValidity: UInt32) async throws
        -> InboundMailLedger.Outcome? {
        guard let request = mail.request, mail.suppression == nil,
              try await ledger.opensNewThread(uid: uid, uidValidity: uidValidity, mail: mail) else { return nil }
        let mailId = "mail-\(uidValidity)-\(uid)"
        let claim = IdempotencyLedger.Claim(key: mailId, bodyFingerprint: mailId)
        switch try await requests.file(request.form(email: mail.replyAddress), by: .mailbox, idempotency: claim) {
        case .success(.accepted(let receipt)), .success(.replayed(let receipt)):
            return try await ledger.record(uid: uid, uidValidity: uidValidity, mail: mail, receipt: receipt,
                                           kind: request.kind, repliesPerHour: settings.repliesPerSenderPerHour,
                                           at: clock.now())
        case .success(.keyReused):
            return nil
        case .failure(let refusal):
            let reason = switch refusal {
            case .invalid(let errors): errors.map(\.code).joined(separator: ",")
            case .otherUnit: "other_unit"
            case .throttled: "throttled"
            }
            logger.info("an e-mail asking for a service request is filed as an inquiry: the request was refused",
                        metadata: ["mail_uid": "\(uidValidity)-\(uid)", "kind": "\(request.kind.rawValue)",
                                   "refusal": "\(reason)"])
            return nil
        }
    }

    /// Runs a blocking IMAP call on a Dispatch worker thread.
    private func blocking<T: Sendable>(_ call: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(with: Result { try call() })
            }
        }
    }
}
