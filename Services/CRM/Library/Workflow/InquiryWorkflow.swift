import Contracts
import Foundation
import GRDB
import Messaging
import ServiceKit
import WorkingCalendar

/// An inquiry's ticket (``Inquiry``): a customer's e-mail, answered in its thread, closed by
/// the officer and reopened by a later mail of the thread.
struct InquiryWorkflow: TicketWorkflow {
    typealias Model = Inquiry

    let context: WorkflowContext

    /// Files intake's inquiry: the first mail of a code opens its ticket at the event's branch,
    /// a later one joins the conversation and reopens the ticket when it was closed. A mail
    /// already in the conversation (by its Message-ID) changes nothing. A mail in the thread of
    /// a service request filed from an e-mail joins that request's ticket (``keep(_:onServiceTicket:in:)``).
    func receive(_ received: InquiryReceived, cause: Envelope, in db: Database) throws {
        guard !received.requestCode.isEmpty, !received.branch.code.isEmpty else {
            throw MessageRefusal.malformed("an inquiry names no request code or branch")
        }
        guard var inquiry = try InquiryStore.inquiry(requestCode: received.requestCode, in: db) else {
            if received.followUp, let ticketId = try ServiceTicketStore.ticketId(requestCode: received.requestCode, in: db) {
                try keep(received, onServiceTicket: ticketId, in: db)
            } else {
                try openInquiry(received, cause: cause, in: db)
            }
            return
        }
        guard let place = try InquiryStore.append(
            .customer, mailMessageId: received.messageId, sealedText: personalData.seal(received.text),
            at: received.receivedAt, ticketId: inquiry.ticketId, in: db) else { return }
        try TimelineStore.append(TimelineEntry(.customerWrote, detail: "\(place)", at: received.receivedAt),
                                 requestCode: inquiry.requestCode, in: db)
        log("customer wrote again", requestCode: inquiry.requestCode, ticketId: inquiry.ticketId, in: db)
        guard inquiry.status == .closed else { return }
        inquiry.reopenings += 1
        inquiry.status = .open
        inquiry.receivedOn = CalendarDay(received.receivedAt)
        inquiry.dueDate = policy.dueDate(receivedOn: inquiry.receivedOn, limit: inquiry.slaLimit)
        inquiry.closure = nil
        try InquiryStore.reopen(inquiry, in: db)
        try TimelineStore.append(TimelineEntry(.ticketReopened, detail: "\(inquiry.reopenings)", at: currentInstant),
                                 requestCode: inquiry.requestCode, in: db)
        log("inquiry reopened", requestCode: inquiry.requestCode, ticketId: inquiry.ticketId,
            ["due_date": "\(inquiry.dueDate)"], in: db)
    }

    /// Keeps a later mail of a service request's thread in its ticket's conversation and on its
    /// timeline; the request's own steps and due date are its workflow's, unchanged.
    private func keep(_ received: InquiryReceived, onServiceTicket ticketId: String, in db: Database) throws {
        guard let place = try InquiryStore.append(
            .customer, mailMessageId: received.messageId, sealedText: personalData.seal(received.text),
            at: received.receivedAt, ticketId: ticketId, in: db) else { return }
        try TimelineStore.append(TimelineEntry(.customerWrote, detail: "\(place)", at: received.receivedAt),
                                 requestCode: received.requestCode, in: db)
        log("customer wrote about the request", requestCode: received.requestCode, ticketId: ticketId, in: db)
    }

    /// Opens the inquiry's ticket with ``ServiceTimePolicy/inquiryLimit`` and its first mail.
    private func openInquiry(_ received: InquiryReceived, cause: Envelope, in db: Database) throws {
        let openedAt = currentInstant
        let receivedOn = CalendarDay(received.receivedAt)
        let limit = ServiceTimePolicy.inquiryLimit
        let inquiry = Inquiry(
            ticketId: Inquiry.ticketId(requestCode: received.requestCode), requestCode: received.requestCode,
            branch: received.branch, customerCode: received.customerCode, channel: received.channel,
            sealedSubject: personalData.seal(received.subject), sealedReplyAddress: personalData.seal(received.senderEmail),
            receivedOn: receivedOn, openedAt: openedAt, status: .open, slaLimit: limit,
            dueDate: policy.dueDate(receivedOn: receivedOn, limit: limit), reopenings: 0)
        try InquiryStore.insert(inquiry, in: db)
        _ = try InquiryStore.append(.customer, mailMessageId: received.messageId,
                                    sealedText: personalData.seal(received.text), at: received.receivedAt,
                                    ticketId: inquiry.ticketId, in: db)
        try TimelineStore.append(TimelineEntry(.requestSubmitted, detail: received.channel.rawValue, at: received.receivedAt),
                                 requestCode: inquiry.requestCode, in: db)
        try TimelineStore.append(TimelineEntry(.ticketOpened, at: openedAt), requestCode: inquiry.requestCode, in: db)
        log("inquiry opened", requestCode: inquiry.requestCode, ticketId: inquiry.ticketId, [
            "branch": "\(inquiry.branch.code)", "channel": "\(inquiry.channel.rawValue)",
            "sla_limit_working_days": "\(limit)", "due_date": "\(inquiry.dueDate)",
        ], in: db)
    }

    /// Sends `text`, an officer's answer, to the customer in their thread (notification's
    /// `notification.send-email-reply`, replying to the customer's latest mail) and keeps it in
    /// the conversation and on the timeline with the officer's id. The inquiry stays open until
    /// the officer closes it.
    func answer(_ inquiry: Inquiry, text: String, staffId: String, in db: Database) throws {
        try requireOpen(inquiry)
        let address = try personalData.open(inquiry.sealedReplyAddress)
        guard !address.isEmpty else { throw StepRefusal.noReplyAddress }
        let answeredAt = currentInstant
        guard let place = try InquiryStore.append(.officer(staffId), mailMessageId: nil,
                                                  sealedText: personalData.seal(text), at: answeredAt,
                                                  ticketId: inquiry.ticketId, in: db) else { return }
        let thread = try InquiryStore.messages(ticketId: inquiry.ticketId, in: db).compactMap(\.mailMessageId)
        let mail = InquiryAnswer(officerText: text, requestCode: inquiry.requestCode, branch: inquiry.branch,
                                 customerSubject: try personalData.open(inquiry.sealedSubject))
        try messages.send(SendEmailReply(
            mailId: "\(inquiry.ticketId)/\(place)", requestCode: inquiry.requestCode, email: address,
            subject: mail.subject, text: mail.text, inReplyTo: thread.last, references: Array(thread.dropLast()),
            issuedAt: answeredAt
        ), requestCode: inquiry.requestCode, cause: nil, at: answeredAt, in: db)
        try TimelineStore.append(TimelineEntry(.inquiryAnswered, detail: "\(place)/\(staffId)", at: answeredAt),
                                 requestCode: inquiry.requestCode, in: db)
        log("inquiry answered", requestCode: inquiry.requestCode, ticketId: inquiry.ticketId,
            ["staff_id": "\(staffId)"], in: db)
    }

    /// The officer closes the answered inquiry; a later mail of the thread reopens it.
    func closeInquiry(_ inquiry: Inquiry, staffId: String, in db: Database) throws {
        try requireOpen(inquiry)
        log("inquiry closed by staff", requestCode: inquiry.requestCode, ticketId: inquiry.ticketId,
            ["staff_id": "\(staffId)"], in: db)
        try close(inquiry, resolution: .completed, at: currentInstant, cause: nil, in: db)
    }

    /// The conversation, unsealed, oldest first.
    func conversation(of inquiry: Inquiry, in db: Database) throws -> [(message: InquiryMessage, text: String)] {
        try conversation(ofTicket: inquiry.ticketId, in: db)
    }

    /// The mails kept on the ticket `ticketId` of any kind, oldest first, opened.
    func conversation(ofTicket ticketId: String, in db: Database) throws -> [(message: InquiryMessage, text: String)] {
        try InquiryStore.messages(ticketId: ticketId, in: db).map { ($0, try personalData.open($0.sealedText)) }
    }
}
