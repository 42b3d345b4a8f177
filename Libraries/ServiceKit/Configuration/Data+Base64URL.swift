import Foundation

extension Data {
    /// Bytes from base64url without padding, as JOSE (JWT, JWK) writes them; nil for anything else.
    public init?(base64URL text: String) {
        guard !text.contains("="), !text.contains("+"), !text.contains("/") else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}
