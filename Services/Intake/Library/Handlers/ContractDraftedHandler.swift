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

    func handle(_ drafted: ContractDrafted, _ context: MessageContext) throws {
        let metadata = Logger.Metadata.request(drafted.requestCode, correlationId: context.envelope.correlationId, [
            "message_id": "\(context.envelope.messageId)", "contract_number": "\(drafted.contractNumber)",
        ])
        switch try signing.open(drafted, cause: context.envelope, at: clock.now(), in: context.db) {
        case .issued:
            logger.info("signing code sent for the drafted contract", metadata: metadata)
        case .alreadyOpen:
            logger.info("contract already has a signing session; no second code", metadata: metadata)
        }
    }
}
