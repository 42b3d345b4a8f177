import Foundation
import PersonalData
import Testing

@Suite struct PersonalDataProtectorTests {
    static let key = try! PersonalDataKey(base64: Data(repeating: 7, count: 32).base64EncodedString())
    static let otherKey = try! PersonalDataKey(base64: Data(repeating: 9, count: 32).base64EncodedString())

    @Test func aSealedValueOpensToTheSameValue() throws {
        let protector = PersonalDataProtector(key: Self.key)
        #expect(try protector.open(protector.seal("049088012345")) == "049088012345")
        #expect(try protector.open(protector.seal("Nguyễn Văn An")) == "Nguyễn Văn An")
    }

    @Test func theSealedBytesDoNotContainTheValueAndDifferEachTime() {
        let protector = PersonalDataProtector(key: Self.key)
        let first = protector.seal("049088012345")
        let second = protector.seal("049088012345")
        #expect(first != second)
        #expect(first.range(of: Data("049088012345".utf8)) == nil)
    }

    @Test func anotherKeyOrAlteredBytesCannotOpen() {
        let sealed = PersonalDataProtector(key: Self.key).seal("+84912345678")
        #expect(throws: PersonalDataError.cannotOpen) { try PersonalDataProtector(key: Self.otherKey).open(sealed) }
        var altered = sealed
        altered[altered.count - 1] ^= 1
        #expect(throws: PersonalDataError.cannotOpen) { try PersonalDataProtector(key: Self.key).open(altered) }
    }

    @Test func fingerprintsAreStablePerKeyAndRevealNothing() {
        let protector = PersonalDataProtector(key: Self.key)
        let fingerprint = protector.fingerprint("049088012345")
        #expect(fingerprint == protector.fingerprint("049088012345"))
        #expect(fingerprint != protector.fingerprint("049088012346"))
        #expect(fingerprint != PersonalDataProtector(key: Self.otherKey).fingerprint("049088012345"))
        #expect(fingerprint.count == 64 && !fingerprint.contains("049088012345"))
    }

    @Test func aKeyMustBeThirtyTwoBytesOfBase64() {
        #expect(throws: PersonalDataError.invalidKey) { try PersonalDataKey(base64: "not base64") }
        #expect(throws: PersonalDataError.invalidKey) { try PersonalDataKey(base64: Data(count: 16).base64EncodedString()) }
    }
}
