import Contracts
import Foundation
import Messaging
import PersonalData
import ServiceKit
import VietnameseIdentity

extension ContractVersion {
    /// Who a change of holder passed the contract to, as the version keeps them: name and ID
    /// number sealed at rest, the ID number masked for the history the API and page show.
    struct NewHolder: Sendable {
        var sealed: Data
        var idMasked: String

        init(_ person: Person, personalData: PersonalDataProtector) throws {
            sealed = try personalData.seal(json: person)
            idMasked = PersonalDataMask.scrub(person.idNumber)
        }
    }
}
