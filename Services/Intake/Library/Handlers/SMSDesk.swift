import Contracts
import Foundation
import Logging
import PersonalData
import ServiceAreas
import ServiceKit

/// Answers what customers text to the company's short code (``SMSCommand``), by SMS through
/// notification, with what the portal would have shown them.
///
/// Tracking opens a request only for the phone registered with it, as the portal does
/// (``RequestAccess``, the sender's number standing in for the code's phone and, by its
/// fingerprint, for the client the failures are counted against); an unknown code and a
/// stranger's phone get the same answer. An outage report is filed like the portal's, with
/// channel `sms`. Each message is answered once (``InboundSMSLedger``) and each phone is
/// answered at most ``AbuseLimits/Settings/smsPerPhone`` times.
struct SMSDesk: Sendable {
    /// What became of one callback.
    enum Outcome: String, Encodable, Sendable {
        /// The answer is on its way.
        case answered
        /// The message was received before; it is not answered again.
        case repeated
        /// The phone is over its allowance: the message is kept and not answered.
        case limited
    }

    let ledger: InboundSMSLedger
    let tracking: RequestTracking
    let outageReports: OutageReporting
    let plannedOutages: PlannedOutageSchedule
    let areas: ServiceAreaTable
    let limits: AbuseLimits
    let personalData: PersonalDataProtector
    let clock: WallClock
    let logger: Logger

    func receive(_ message: InboundSMS) async throws -> Outcome {
        var metadata: Logger.Metadata = ["sms_message_id": "\(message.messageId)", "sender": "\(message.sender.masked)"]
        guard try await ledger.claim(message, at: clock.now()) else {
            logger.info("sms received again, not answered again", metadata: metadata)
            return .repeated
        }
        guard limits.admitText(from: message.sender) else {
            logger.warning("sms not answered: the phone is over its allowance", metadata: metadata)
            return .limited
        }
        let command = SMSCommand(text: message.text)
        let (answer, correlationId) = await answer(command, from: message)
        try await ledger.answer(message, with: answer, correlationId: correlationId, at: clock.now())
        metadata["command"] = "\(command.name)"
        metadata["segments"] = "\(answer.segments)"
        logger.info("sms answered", metadata: .request(correlationId, metadata))
        return .answered
    }

    /// The answer to `command`, and the code the story of it is told by (a request's, a
    /// report's, or else the message's id). A look-up that fails is answered "try again later".
    private func answer(_ command: SMSCommand, from message: InboundSMS) async -> (SMSAnswer, String) {
        do {
            switch command {
            case .track(let code):
                return try await track(code, from: message)
            case .reportOutage(let code):
                return try await reportOutage(code, from: message)
            case .plannedOutages(let code):
                return (try await plannedOutages(code), message.messageId)
            case .help:
                return (.help(shortCode: message.shortCode), message.messageId)
            }
        } catch {
            logger.error("sms could not be answered; told to try again", metadata: [
                "sms_message_id": "\(message.messageId)", "reason": "\(error)",
            ])
            return (.unavailable(), message.messageId)
        }
    }

    /// The request's status, told under its code; a code nobody may open is told under the message's id.
    private func track(_ code: String, from message: InboundSMS) async throws -> (SMSAnswer, String) {
        let client = ClientOrigin(address: "sms:\(personalData.fingerprint(message.sender.e164).prefix(16))", overTLS: true)
        switch try await tracking.track(code, phone: message.sender, from: client) {
        case .success(let answer):
            return (.status(of: answer), answer.requestCode)
        case .failure:
            return (.requestNotFound(code), message.messageId)
        }
    }

    private func reportOutage(_ code: String, from message: InboundSMS) async throws -> (SMSAnswer, String) {
        guard let customer = CustomerCode(code), let branch = areas.branch(code: customer.branchCode) else {
            return (.customerCodeUnknown(code), message.messageId)
        }
        let report = OutageReport(channel: .sms, operatorId: nil, branch: branch, customerCode: customer, communeCode: nil,
                                  phone: message.sender, note: nil)
        switch try await outageReports.file(report) {
        case .success(let receipt):
            return (.outageReported(receipt, customerCode: customer.description), receipt.reportCode)
        case .failure:
            return (.tooManyReports(), message.messageId)
        }
    }

    private func plannedOutages(_ code: String) async throws -> SMSAnswer {
        switch await plannedOutages.schedule(communeCode: nil, customerCode: code, from: nil, to: nil) {
        case .success(let outages):
            return .plannedOutages(outages, customerCode: code, days: PlannedOutageSchedule.defaultDays)
        case .failure(.customerCodeUnknown), .failure(.invalid):
            return .customerCodeUnknown(code)
        case .failure(let unavailable):
            throw unavailable
        }
    }
}
