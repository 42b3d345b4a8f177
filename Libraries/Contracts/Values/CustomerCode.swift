import Foundation

/// A billing customer code (*mã khách hàng*), e.g. `PC05TK0012345`: the branch code and a number.
///
/// The billing system writes 5 to 20 upper-case letters and digits; codes of the corporation's
/// branches start with the six-character branch code, which is how a service that meets only
/// the code (a customer reporting an outage) finds the branch.
public struct CustomerCode: Sendable, Hashable, CustomStringConvertible {
    /// Characters of the branch code at the start.
    public static let branchCodeLength = 6

    /// The code, trimmed and upper-cased.
    public let description: String

    /// Takes `text` when it is 5 to 20 ASCII letters or digits (any case, spaces around ignored).
    public init?(_ text: String) {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard (5...20).contains(code.utf8.count),
              code.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5a).contains($0) }) else { return nil }
        description = code
    }

    /// The branch the code belongs to: its first six characters.
    public var branchCode: String { String(description.prefix(Self.branchCodeLength)) }
}
