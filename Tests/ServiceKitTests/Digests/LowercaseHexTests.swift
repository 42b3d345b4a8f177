import Contracts
import Crypto
import Foundation
import ServiceKit
import Testing

@Suite("Lowercase hex")
struct LowercaseHexTests {
    @Test func writesEachByteAsTwoLowercaseDigits() {
        #expect([UInt8]().lowercaseHex == "")
        #expect([0x00, 0x0f, 0x10, 0xa5, 0xff].lowercaseHex == "000f10a5ff")
        #expect((0...255).map(UInt8.init).lowercaseHex == (0...255).map { String(format: "%02x", $0) }.joined())
    }

    /// FIPS 180-2's examples: the SHA-256 a signed document carries is the one every other tool writes.
    @Test func aSignedDocumentsHashIsTheStandardSHA256() {
        #expect(SignedDocument.sha256(of: Data("abc".utf8))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let document = SignedDocument(mediaType: "text/html", signing: "")
        #expect(document.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(document.matchesItsHash)
    }
}
