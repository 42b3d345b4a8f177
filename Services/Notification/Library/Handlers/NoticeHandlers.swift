import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import NotificationText
import ServiceKit

/// Turns the flow's events into queued deliveries: one per channel the customer can be
/// reached by, rendered from NotificationText's templates.
///
/// Handlers only write SQLite, inside the inbox transaction: the contact, the deliveries
/// (sealed). ``DeliveryDispatcher`` sends them. A redelivered message is stopped by the
/// inbox; the same event re-emitted under a new message id is stopped by the deliveries'
/// unique key, so nobody is told the same thing twice.
struct NoticeHandlers: Sendable {
    let contacts: ContactBook
    let queue: DeliveryQueue
    let settings: NotificationSettings
    let logger: Logger

    /// Step 2: keeps the contact for the request's later notices, and says the request was received.
    func ticketOpened(_ event: TicketOpened, cause message: IncomingMessage, in db: Database) throws {
        try contacts.record(event.contact, for: event.requestCode, at: queue.clock.preciseNow(), in: db)
        let notice = try RenderedNotification(checking: {
            try RequestReceivedContext(
                requestKind: event.requestKind ?? .newLowVoltageConnection, requestCode: event.requestCode,
                branchName: event.branch.name, branchHotline: event.branch.hotline,
                trackingLink: trackingLink(event.requestCode)
            )
        })
        try queue(notice, .requestReceived, for: event.requestCode, branch: event.branch, to: event.contact,
                  cause: message, in: db)
    }

    /// Steps 3–4, or a service request turned down: the request cannot go on, and why.
    func requestRefused(_ event: RequestRefused, cause message: IncomingMessage, in db: Database) throws {
        let contact = try knownContact(for: event.requestCode, in: db)
        // A service request (a change of holder's screening) is told in its kind's words.
        let isConnection = event.requestKind?.isConnection ?? true
        let notice = switch (event.ground, isConnection) {
        case (.siteInfeasible, _), (.screeningConflict, true):
            try RenderedNotification(checking: {
                try SurveyRefusedContext(requestCode: event.requestCode, branchName: event.branch.name,
                                         reason: event.reason, trackingLink: trackingLink(event.requestCode))
            })
        case (.refusedByBranch, _), (.screeningConflict, false):
            try RenderedNotification(checking: {
                try ServiceRequestRefusedContext(requestKind: event.requestKind, requestCode: event.requestCode,
                                                 branchName: event.branch.name, reason: event.reason,
                                                 trackingLink: trackingLink(event.requestCode))
            })
        }
        try queue(notice, .requestRefused, for: event.requestCode, branch: event.branch, to: contact,
                  cause: message, in: db)
    }

    /// Step 6: the signing code by SMS to the phone intake names; the e-mail says it was
    /// sent, without it. The code lives only in the sealed SMS text until it is delivered.
    /// Each code is its own command, so the command's message id tells two codes apart, even
    /// two issued within one second (the wire's instants have whole seconds).
    func sendSigningCode(_ command: SendSigningCode, cause message: IncomingMessage, in db: Database) throws {
        let email = try contacts.contact(for: command.requestCode, in: db)?.email
        let notice = try RenderedNotification(checking: {
            try ContractReadyContext(requestCode: command.requestCode, branchName: command.branch.name,
                                     signingCode: command.signingCode, validityMinutes: command.validityMinutes,
                                     signingLink: signingLink(command.requestCode))
        })
        try queue(notice, .contractReady, for: command.requestCode, branch: command.branch,
                  to: CustomerContact(phone: command.phone, email: email),
                  occasion: message.envelope.messageId, cause: message, in: db)
    }

    /// Step 7: the contract is signed, with the number the customer quotes from now on, and
    /// the last day of a contract with a term.
    func contractSigned(_ event: ContractSigned, cause message: IncomingMessage, in db: Database) throws {
        let contact = try knownContact(for: event.requestCode, in: db)
        let notice = if let endsOn = event.endsOn {
            try RenderedNotification(checking: {
                try FixedTermContractSignedContext(requestCode: event.requestCode, branchName: event.branch.name,
                                                   contractNumber: event.contractNumber, endsOn: endsOn.description,
                                                   trackingLink: trackingLink(event.requestCode))
            })
        } else {
            try RenderedNotification(checking: {
                try ContractSignedContext(requestCode: event.requestCode, branchName: event.branch.name,
                                          contractNumber: event.contractNumber,
                                          trackingLink: trackingLink(event.requestCode))
            })
        }
        try queue(notice, .contractSigned, for: event.requestCode, branch: event.branch, to: contact,
                  cause: message, in: db)
    }

    /// A change of holder passed the contract on: its new holder, reached at the contact the
    /// request gave for them, is told the contract is theirs (filed as the contract's signing
    /// notice of that request, which they signed). The one leaving hears of it as the one who
    /// filed the request, by the request's `completed` stage. No contact, nobody to tell.
    func contractTakenOver(_ event: ContractHolderChanged, cause message: IncomingMessage, in db: Database) throws {
        guard let contact = event.holderContact else {
            logger.info("contract passed to a new holder with no contact; nobody told", metadata: .request(
                event.requestCode, correlationId: message.envelope.correlationId,
                ["message_id": "\(message.envelope.messageId)"]))
            return
        }
        let notice = try RenderedNotification(checking: {
            try ContractTakenOverContext(requestCode: event.requestCode, branchName: event.branch.name,
                                         contractNumber: event.contractNumber, customerCode: event.customerCode,
                                         effectiveOn: event.effectiveOn.description,
                                         contractLink: signingLink(event.requestCode))
        })
        try queue(notice, .contractSigned, for: event.requestCode, branch: event.branch, to: contact,
                  cause: message, in: db)
    }

    /// A service request's stage, once per stage: the kind and stage in the notice's words,
    /// what happened in crm's.
    func requestProgressed(_ event: RequestProgressed, cause message: IncomingMessage, in db: Database) throws {
        let contact = try knownContact(for: event.requestCode, in: db)
        let notice = try RenderedNotification(checking: {
            try RequestProgressContext(requestKind: event.requestKind, stage: event.stage, requestCode: event.requestCode,
                                       branchName: event.branch.name, summary: event.summary.vi,
                                       trackingLink: trackingLink(event.requestCode))
        })
        try queue(notice, .requestProgressed, for: event.requestCode, branch: event.branch, to: contact,
                  occasion: event.stage.rawValue, cause: message, in: db)
    }

    /// The portal's page for following request `code`, which the notices link to.
    private func trackingLink(_ code: String) -> URL {
        settings.portalURL.appendingPathComponent("track").appendingPathComponent(code)
    }

    /// The portal's signing page with request `code` filled in: the signing code's notice, and
    /// a new holder's, link there, since the tracking page opens to the applicant's phone only
    /// and the signing page to the signer's.
    private func signingLink(_ code: String) -> URL {
        settings.portalURL.appendingPathComponent("ky-hop-dong").appending(queryItems: [URLQueryItem(name: "code", value: code)])
    }

    /// Queues the SMS, and the e-mail when the customer gave an address.
    private func queue(
        _ notice: RenderedNotification, _ kind: CustomerNotified.Notice, for requestCode: String, branch: Branch,
        to contact: CustomerContact, occasion: String = "", cause message: IncomingMessage, in db: Database
    ) throws {
        let subject = DeliverySubject.request(kind, requestCode: requestCode)
        var orders = [DeliveryOrder(
            subject: subject, occasion: occasion, recipient: Recipient(channel: .sms, address: contact.phone),
            content: DeliveryContent(sms: notice, unicode: settings.gateway.unicode), cause: message.envelope
        )]
        if let email = contact.email {
            orders.append(DeliveryOrder(
                subject: subject, occasion: occasion,
                recipient: Recipient(channel: .email, address: email),
                content: DeliveryContent(text: notice.email.body, subject: notice.email.subject,
                                         senderName: "Điện lực \(branch.name)", unicode: false),
                cause: message.envelope
            ))
        }
        let now = queue.clock.preciseNow()
        for order in orders {
            let queued = try queue.enqueue(order, at: now, in: db)
            let metadata = Logger.Metadata.request(requestCode, correlationId: message.envelope.correlationId, [
                "message_id": "\(message.envelope.messageId)", "notice": "\(kind.rawValue)",
                "channel": "\(order.recipient.channel.rawValue)", "recipient": "\(order.recipient.masked)",
            ])
            if queued {
                logger.info("notice queued", metadata: metadata)
            } else {
                logger.debug("notice already queued for this recipient, not repeated", metadata: metadata)
            }
        }
    }

    /// The contact kept from the request's ticket. Missing, it is retried (the ticket event
    /// may still be on its way) and then dead-lettered, where an operator can replay it.
    private func knownContact(for requestCode: String, in db: Database) throws -> CustomerContact {
        guard let contact = try contacts.contact(for: requestCode, in: db) else {
            throw UnknownRequest(requestCode: requestCode)
        }
        return contact
    }
}
