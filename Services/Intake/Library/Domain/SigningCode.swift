import PersonalData

/// The six-digit one-time code that signs a contract.
///
/// A secret: whoever holds it signs. It leaves intake once, in the `notification.send-signing-code`
/// command, and is kept only as a keyed hash bound to its contract. Its description is masked,
/// so interpolating it into a log line shows nothing.
struct SigningCode: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    /// The six digits. Secret: only for the command that sends it.
    let digits: String

    /// A fresh code from the system's cryptographically secure generator (getrandom on Linux).
    static func random() -> SigningCode {
        var generator = SystemRandomNumberGenerator()
        let value = UInt32.random(in: 0..<1_000_000, using: &generator)
        let text = String(value)
        return SigningCode(digits: String(repeating: "0", count: 6 - text.count) + text)
    }

    /// A fresh code other than the one whose hash is `hash`: a reissued code replaces the old
    /// one, and the customer must be able to tell that the old one no longer signs.
    static func random(replacing hash: String, for contractNumber: String, with protector: PersonalDataProtector) -> SigningCode {
        var code = random()
        while code.matches(hash, for: contractNumber, with: protector) {
            code = random()
        }
        return code
    }

    /// The code a customer typed: six digits, spaces ignored.
    init(typed text: String) throws(IntakeProblem) {
        let digits = text.filter { !$0.isWhitespace }
        guard digits.count == 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .signingCodeFormat
        }
        self.digits = digits
    }

    private init(digits: String) {
        self.digits = digits
    }

    /// The keyed hash kept instead of the code, bound to `contractNumber` so that equal codes of
    /// two contracts differ and a hash is useless for any other contract.
    func hash(for contractNumber: String, with protector: PersonalDataProtector) -> String {
        protector.fingerprint(bound(to: contractNumber))
    }

    /// Whether `hash` is this code's for `contractNumber`, under any configured key, compared in
    /// constant time so the answer time tells a guesser nothing.
    func matches(_ hash: String, for contractNumber: String, with protector: PersonalDataProtector) -> Bool {
        protector.matches(hash, of: bound(to: contractNumber))
    }

    private func bound(to contractNumber: String) -> String {
        "\(contractNumber)\u{1F}\(digits)"
    }

    var description: String { "******" }
    var customMirror: Mirror { Mirror(self, children: ["digits": "******"]) }
}
