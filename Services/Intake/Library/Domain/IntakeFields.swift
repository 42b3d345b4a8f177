import Contracts
import Foundation
import ServiceAreas
import VietnameseIdentity

/// The fields every public form of intake has alike (a request, an outage report, a
/// look-up), checked one way.
enum IntakeFields {
    /// How the request reached the company.
    /// `sms` is not among them: only intake files by SMS, from a message the gateway signed.
    static let channelField = FieldDeclaration<Channel>.required(
        "channel", .choice([.web, .phone]), "web: the customer filed; phone: a call-centre operator filed for a caller.")
    /// The operator who took the call.
    static let operatorIdField = FieldDeclaration<String>.optional(
        "operatorId", .operatorId, "The call-centre operator: required when channel is phone, refused when web.")

    /// The channel, and the operator's id exactly when a call-centre operator filed by phone.
    static func channel(
        _ channel: String?, operatorId: String?, in validation: inout Validation
    ) -> (channel: Channel?, operatorId: String?) {
        let parsed = validation.check(channelField, channel)
        let id = validation.check(operatorIdField, operatorId)
        switch (parsed, operatorId.map { !$0.allSatisfy(\.isWhitespace) } ?? false) {
        case (.phone, false): validation.add(IntakeProblem.operatorRequired, at: operatorIdField.name)
        case (.web, true): validation.add(IntakeProblem.operatorNotAllowed, at: operatorIdField.name)
        default: break
        }
        return (parsed, id)
    }

    /// ``channel(_:operatorId:in:)`` as a rule of the form's schema: an operator's id with
    /// `phone`, none (or a blank one) with `web`.
    static var channelRule: JSONValue {
        ["oneOf": [
            ["properties": ["channel": ["const": .string(Channel.web.rawValue)],
                            operatorIdField.name: ["anyOf": [SchemaPattern.blank, SchemaPattern.null]]]],
            ["properties": ["channel": ["const": .string(Channel.phone.rawValue)],
                            operatorIdField.name: operatorIdField.format.schema],
             "required": [.string(operatorIdField.name)]],
        ]]
    }

    /// The longest id a partner's message or call is given: gateways and PBXs use UUIDs or counters.
    static let maximumPartnerIdLength = 100

    /// A partner's id of an SMS or a call (trimmed): 1 to ``maximumPartnerIdLength`` characters on one line.
    static func partnerId(_ text: String) throws(IntakeProblem) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= maximumPartnerIdLength, !trimmed.contains(where: \.isNewline) else {
            throw .partnerIdFormat
        }
        return trimmed
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

    static let fullNameField = FieldDeclaration<PersonName>.required("fullName", .personName, "The full name as on the ID card.")
    /// An ID number as plausible on `date`: its birth year within a lifetime of that day.
    static func idNumberField(asOf date: Date) -> FieldDeclaration<CitizenID> {
        .required("idNumber", .idNumber(asOf: date), "12-digit citizen ID (CCCD) or 9-digit legacy ID (CMND); spaces allowed.")
    }
    static let phoneField = FieldDeclaration<VietnamesePhoneNumber>.required(
        "phone", .phone, "A Vietnamese mobile in any usual form (0912 345 678, +84912345678, 84912345678…).")
    static let emailField = FieldDeclaration<String>.optional("email", .email, "Where notices are e-mailed besides the SMS.")

    /// Consent to the processing of personal data: a form without it is refused.
    static let consent: JSONValue = [
        "type": "boolean", "const": true,
        "description": "Consent to the processing of personal data (Decree 13/2023/NĐ-CP).",
    ]

    /// A rule that a customer code and a commune, where both are given, belong to one branch of
    /// `areas`: `place` puts the two patterns of one branch where the form has them.
    static func sameBranchRule(in areas: ServiceAreaTable, place: (_ customerCode: JSONValue, _ commune: JSONValue) -> JSONValue)
        -> [JSONValue] {
        Dictionary(grouping: areas.areas, by: \.branch.code).sorted { $0.key < $1.key }.map { branch, communes in
            place(SchemaPattern.string(FieldFormat<CustomerCode>.customerCodePattern(of: [branch])),
                  SchemaPattern.string(FieldFormat<ServiceArea>.communePattern(of: communes.map(\.communeCode))))
        }
    }

    /// A household's head: a name and an ID number plausible on `date`.
    static func person(asOf date: Date) -> FormSchema {
        FormSchema([.field(fullNameField), .field(idNumberField(asOf: date))])
    }

    /// The applicant or requester: a household's head with their phone and e-mail.
    static func applicant(asOf date: Date) -> FormSchema {
        FormSchema([.field(fullNameField), .field(idNumberField(asOf: date)), .field(phoneField), .field(emailField)])
    }

    /// A name and an ID number plausible on `date`; a legacy ID is accepted and noted at `path`.
    static func household(
        _ name: String?, _ idNumber: String?, asOf date: Date, in item: inout Validation, notices: inout [FieldError],
        at path: String
    ) -> ConnectionRequest.Household? {
        let idField = idNumberField(asOf: date)
        let name = item.check(fullNameField, name)
        let id = item.check(idField, idNumber)
        if let id, id.isLegacy {
            notices.append(FieldError(field: "\(path).\(idField.name)", problem: LegacyIDNotice()))
        }
        guard let name, let id else { return nil }
        return ConnectionRequest.Household(name: name, id: id)
    }

    /// The applicant's phone and e-mail address.
    static func contact(
        _ phone: String?, _ email: String?, in item: inout Validation
    ) -> (phone: VietnamesePhoneNumber?, email: String?) {
        (item.check(phoneField, phone), item.check(emailField, email))
    }

    /// Where a supply point is or goes: the province, a served commune and the street.
    static func site(in areas: ServiceAreaTable) -> (province: FieldDeclaration<String>, commune: FieldDeclaration<ServiceArea>,
                                                     street: FieldDeclaration<String>) {
        (.required("province", .text(maximum: 100), "The province, as the customer writes it."),
         .required("communeCode", .servedCommune(in: areas), "The 5-digit national code of a served commune or ward."),
         .required("street", .text(maximum: maximumStreetLength), "House number and street."))
    }

    /// The schema of a site's three fields.
    static func siteSchema(in areas: ServiceAreaTable) -> FormSchema {
        let fields = site(in: areas)
        return FormSchema([.field(fields.province), .field(fields.commune), .field(fields.street)])
    }

    static let maximumStreetLength = 200

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
