import Contracts
import Foundation
import ServiceAreas
import VietnameseIdentity

/// The fields every public form of intake has alike (a request, an outage report, a
/// look-up), checked one way.
enum IntakeFields {
    /// The channel, and the operator's id exactly when a call-centre operator filed by phone.
    static func channel(
        _ channel: String?, operatorId: String?, in validation: inout Validation
    ) -> (channel: Channel?, operatorId: String?) {
        let parsed = validation.required("channel", channel) { (text: String) throws(IntakeProblem) in
            guard let channel = Channel(rawValue: text) else {
                throw .invalidChoice(allowed: Channel.allCases.map(\.rawValue))
            }
            return channel
        }
        let id = validation.optional("operatorId", operatorId, Self.operatorId)
        switch (parsed, operatorId.map { !$0.allSatisfy(\.isWhitespace) } ?? false) {
        case (.phone, false): validation.add(IntakeProblem.operatorRequired, at: "operatorId")
        case (.web, true): validation.add(IntakeProblem.operatorNotAllowed, at: "operatorId")
        default: break
        }
        return (parsed, id)
    }

    /// The served commune with this code (trimmed).
    static func servedArea(_ code: String, in areas: ServiceAreaTable) throws(IntakeProblem) -> ServiceArea {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        guard let area = areas.area(communeCode: trimmed) else { throw .unknownCommune(code: trimmed) }
        return area
    }

    /// A customer code of a branch the service areas serve.
    static func servedCustomerCode(_ text: String, in areas: ServiceAreaTable) throws(IntakeProblem) -> CustomerCode {
        guard let code = CustomerCode(text) else { throw .customerCodeFormat }
        guard areas.branch(code: code.branchCode) != nil else { throw .customerCodeNotServed }
        return code
    }

    /// Free text (``FreeText``) of at most `maximum` characters.
    static func text(_ input: String, maximum: Int) throws(IntakeProblem) -> String {
        let text = FreeText.tidied(input)
        guard text.count <= maximum else { throw .tooLong(maximum: maximum) }
        guard !FreeText.containsControlCharacters(text) else { throw .invalidCharacters }
        return text
    }

    /// An operator's id from the call-centre system: letters, digits, `.`, `_`, `-`.
    static func operatorId(_ input: String) throws(IntakeProblem) -> String {
        let id = input.trimmingCharacters(in: .whitespaces)
        guard id.count <= maximumOperatorIdLength else { throw .tooLong(maximum: maximumOperatorIdLength) }
        guard id.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }) else {
            throw .invalidCharacters
        }
        return id
    }

    static let maximumOperatorIdLength = 64

    /// A name and an ID number; a legacy ID is accepted and noted at `path`.
    static func household(
        _ name: String?, _ idNumber: String?, in item: inout Validation, notices: inout [FieldError], at path: String
    ) -> ConnectionRequest.Household? {
        let name = item.required("fullName", name, PersonName.init)
        let id = item.required("idNumber", idNumber) { (text: String) throws(CitizenIDError) in try CitizenID(text) }
        if let id, id.isLegacy {
            notices.append(FieldError(field: "\(path).idNumber", problem: LegacyIDNotice()))
        }
        guard let name, let id else { return nil }
        return ConnectionRequest.Household(name: name, id: id)
    }

    static func choice<Choice: RawRepresentable & CaseIterable>(
        _ text: String, of _: Choice.Type
    ) throws(IntakeProblem) -> Choice where Choice.RawValue == String {
        guard let value = Choice(rawValue: text) else {
            throw .invalidChoice(allowed: Choice.allCases.map(\.rawValue))
        }
        return value
    }

    /// An e-mail address, checked only for shape: the notification service finds out whether it exists.
    static func email(_ input: String) throws(IntakeProblem) -> String {
        let address = input.trimmingCharacters(in: .whitespaces)
        guard address.count <= maximumEmailLength else { throw .tooLong(maximum: maximumEmailLength) }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), !address.contains(where: \.isWhitespace) else {
            throw .invalidEmail
        }
        return address
    }

    static let maximumEmailLength = 254
}
