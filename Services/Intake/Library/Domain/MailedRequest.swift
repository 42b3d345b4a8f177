import Contracts
import Foundation
import ServiceAreas
import VietnameseIdentity

/// A customer's e-mail that asks plainly for one service request a mail can carry whole: a
/// meter inspection or verification, or a contract's renewal or termination (the kinds with no
/// fields of their own), about a customer code of a served branch, naming the requester's ID
/// number (after `CCCD`, `CMND`, `căn cước`, `ID`…) and phone, in Vietnamese with or without
/// diacritics or in English. The requester's name is the sender's, from the mail's `From`.
///
/// Only what the customer wrote is read: not the lines quoted from an earlier mail, nor what
/// follows the signature's `-- ` or a client's "On … wrote:". A mail that names two kinds, asks
/// about a kind ("thủ tục…", "như thế nào"), says it does not want it ("không muốn…"), or lacks the
/// code, the ID number, the phone or the name is no structured request: it stays an inquiry,
/// which an officer reads and answers. The filing checks the fields as the portal does.
struct MailedRequest: Sendable, Equatable {
    let kind: RequestKind
    let customerCode: CustomerCode
    let fullName: String
    let idNumber: String
    let phone: String

    /// What customers write for each kind, folded (``MailText/folded(_:)``).
    static let phrases: [RequestKind: [String]] = [
        .meterInspection: ["kiem tra cong to", "kiem tra lai cong to", "kiem tra dien ke", "kiem tra dong ho dien",
                           "meter inspection", "inspect the meter", "inspect my meter", "check the meter", "check my meter"],
        .meterVerification: ["kiem dinh cong to", "kiem dinh lai cong to", "kiem dinh dien ke", "meter verification",
                             "verify the meter", "verify my meter", "calibrate the meter", "calibrate my meter"],
        .contractRenewal: ["gia han hop dong", "renew the contract", "renew my contract", "contract renewal",
                           "renewal of the contract", "renewal of my contract"],
        .contractTermination: ["cham dut hop dong", "thanh ly hop dong", "huy hop dong", "terminate the contract",
                               "terminate my contract", "contract termination", "termination of the contract",
                               "termination of my contract", "end my contract", "cancel my contract"],
    ]
    /// Words that, among the three before a kind in its clause, say the customer does not want it.
    static let negations: Set<String> = ["khong", "chua", "not", "dont", "never", "no"]
    /// Words that make a sentence naming a kind a question about it (its procedure, its fee) rather than a request.
    static let asking = ["thu tuc", "nhu the nao", "the nao", "bao nhieu", "procedure", "how do", "how can", "how much"]
    /// Words that, among the four before a number, say it is the requester's ID number.
    static let idLabels = ["cccd", "cmnd", "can cuoc", "chung minh", "dinh danh", "id", "identity", "citizen"]

    init?(subject: String, text: String, senderName: String?, areas: ServiceAreaTable) {
        let own = subject + "\n" + MailText.ownWords(text)
        guard let kind = Self.kind(in: own),
              let found = ReceivedInquiry.customerCode(in: own, areas: areas),
              let fullName = senderName?.trimmingCharacters(in: .whitespaces), !fullName.isEmpty,
              let idNumber = Self.idNumber(in: own), let phone = Self.phone(in: own) else { return nil }
        self.kind = kind
        customerCode = found.code
        self.fullName = fullName
        self.idNumber = idNumber
        self.phone = phone
    }

    /// The portal's form for this request, with `email` for the notices: the same checks, the same ticket.
    func form(email: String?) -> ServiceRequestForm {
        ServiceRequestForm(
            kind: kind.rawValue, customerCode: customerCode.description,
            requester: SubmissionForm.ApplicantForm(fullName: fullName, idNumber: idNumber, phone: phone, email: email),
            consent: true)
    }

    /// The one kind `text` asks for; nil when it asks for none, or for more than one.
    static func kind(in text: String) -> RequestKind? {
        var found: Set<RequestKind> = []
        for sentence in MailText.sentences(MailText.folded(text)) {
            let joined = " " + MailText.words(sentence).joined(separator: " ") + " "
            guard !asking.contains(where: { joined.contains(" \($0) ") }) else { continue }
            for clause in sentence.split(whereSeparator: { ",;:".contains($0) }) {
                found.formUnion(kinds(asked: MailText.words(String(clause))))
            }
        }
        return found.count == 1 ? found.first : nil
    }

    /// The kinds a clause names, each but where one of the three words before it denies it.
    private static func kinds(asked words: [String]) -> Set<RequestKind> {
        var asked: Set<RequestKind> = []
        for (kind, phrases) in phrases {
            for phrase in phrases.map({ $0.split(separator: " ").map(String.init) }) where words.count >= phrase.count {
                for start in 0...(words.count - phrase.count) where Array(words[start..<start + phrase.count]) == phrase {
                    if !words[max(0, start - 3)..<start].contains(where: negations.contains) { asked.insert(kind) }
                }
            }
        }
        return asked
    }

    /// The first 12-digit (or older 9-digit) number labelled as an ID number.
    static func idNumber(in text: String) -> String? {
        let words = MailText.words(MailText.folded(text))
        for (index, word) in words.enumerated() where [9, 12].contains(word.count) && word.allSatisfy(\.isASCIIDigit) {
            let before = " " + words[max(0, index - 4)..<index].joined(separator: " ") + " "
            if idLabels.contains(where: { before.contains(" \($0) ") }) { return word }
        }
        return nil
    }

    /// The first Vietnamese phone number, written with or without spaces, dots or dashes.
    static func phone(in text: String) -> String? {
        let pattern = #"(?<![0-9])(?:\+84|84|0)(?:[ .\-]?[0-9]){9}(?![0-9])"#
        guard let expression = try? NSRegularExpression(pattern: pattern),
              let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range, in: text) else { return nil }
        return String(text[range].filter { $0.isASCIIDigit || $0 == "+" })
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
