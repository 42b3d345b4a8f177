import Foundation
import GRDB
import Messaging
import PersonalData

/// A sign-in event as `sign_in_event` keeps it: username and client address sealed, each with
/// the fingerprint failures are counted by, and whether the event starts a lock-out.
struct SignInEventRow: SnakeCaseRecord {
    static let databaseTableName = "sign_in_event"

    var at: Date
    var outcome: String
    var usernameSealed: Data
    /// The fingerprint of the account the username names (``SignInLedger/account(_:)``).
    var usernameFingerprint: String
    var staffId: String?
    var unit: String?
    var clientAddressSealed: Data
    var clientFingerprint: String
    var locksAccount: Bool
    var locksClient: Bool

    init(_ event: SignInEvent, locksAccount: Bool, locksClient: Bool, sealedWith personalData: PersonalDataProtector) {
        at = event.at
        outcome = event.outcome.rawValue
        usernameSealed = personalData.seal(event.username)
        usernameFingerprint = personalData.fingerprint(SignInLedger.account(event.username))
        staffId = event.staffId
        unit = event.unit
        clientAddressSealed = personalData.seal(event.clientAddress)
        clientFingerprint = personalData.fingerprint(event.clientAddress)
        self.locksAccount = locksAccount
        self.locksClient = locksClient
    }
}
