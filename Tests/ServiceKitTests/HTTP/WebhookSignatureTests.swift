import Foundation
import ServiceKit
import Testing

@Suite struct WebhookSignatureTests {
    let signature = WebhookSignature(secret: "shared-with-the-gateway")
    let body = Data(#"{"messageId":"mo-1","text":"EVN TC PC05TK-261203-000001"}"#.utf8)

    @Test func theSignatureIsTheHexHMACSHA256OfTheBodyWithOrWithoutItsPrefix() {
        // What `openssl dgst -sha256 -hmac shared-with-the-gateway` prints for the body, as the README's curl signs.
        let hex = signature.sign(body)
        #expect(hex == "8aa0abf5c3af7b4f854e58710e7a98d999b1e0d6115551d3033033826c9c48ae")
        #expect(signature.isValid(hex, for: body))
        #expect(signature.isValid("sha256=" + hex.uppercased(), for: body))
    }

    @Test func anotherBodyAnotherSecretOrNoSignatureIsRefused() {
        let hex = signature.sign(body)
        #expect(!signature.isValid(hex, for: body + Data(" ".utf8)))
        #expect(!WebhookSignature(secret: "another").isValid(hex, for: body))
        #expect(!signature.isValid(nil, for: body))
        #expect(!signature.isValid("", for: body))
        #expect(!signature.isValid(String(hex.dropLast()), for: body))
        #expect(!signature.isValid(String(hex.dropLast()) + "z", for: body))
    }
}
