import Contracts
import GRDB
import Logging
import Messaging
import ServiceKit

/// `crm.contract.drafted` (flow step 6): opens the contract's signing session and sends the
/// customer the first code. A redelivered or repeated event finds the session and sends nothing.
struct ContractDraftedHandler: Sendable {
    let signing: SigningStore
    let clock: WallClock
    let logger: Logger

    func handle(_ message: IncomingMessage, in db: Database) throws {
        let drafted = try message.decode(ContractDrafted.self)
        let metadata = Logger.Metadata.request(drafted.requestCode, correlationId: message.envelope.correlationId, [
            "message_id": "\(message.envelope.messageId)", "contract_number": "\(drafted.contractNumber)",
        ])
        switch try signing.open(drafted, cause: message.envelope, at: clock.now(), in: db) {
        case .issued:
            logger.info("signing code sent for the drafted contract", metadata: metadata)
        case .alreadyOpen:
            logger.info("contract already has a signing session; no second code", metadata: metadata)
        }
    }
}
