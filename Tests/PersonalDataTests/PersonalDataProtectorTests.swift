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
        #expect(fingerprint.count == 66 && !fingerprint.contains("049088012345"), "key id, colon, 64 hex digits")
    }

    @Test func aKeyMustBeThirtyTwoBytesOfBase64() {
        #expect(throws: PersonalDataError.invalidKey) { try PersonalDataKey(base64: "not base64") }
        #expect(throws: PersonalDataError.invalidKey) { try PersonalDataKey(base64: Data(count: 16).base64EncodedString()) }
    }
}

/// Key rotation: values and fingerprints carry their key's id; a protector with a new key and
/// the old one as previous reads and finds both, and writes only under the new one.
@Suite struct PersonalDataRotationTests {
    static let first = try! PersonalDataKey(id: "1", base64: Data(repeating: 7, count: 32).base64EncodedString())
    static let second = try! PersonalDataKey(id: "2026b", base64: Data(repeating: 9, count: 32).base64EncodedString())
    static let old = PersonalDataProtector(key: first)
    static let rotating = PersonalDataProtector(key: second, previous: [first])
    static let rotated = PersonalDataProtector(key: second)

    @Test func valuesSealedUnderThePreviousKeyOpenDuringTheRotationAndNotAfterIt() throws {
        let sealed = Self.old.seal("Nguyễn Văn An")
        #expect(try Self.rotating.open(sealed) == "Nguyễn Văn An")
        #expect(Self.rotating.isStale(sealed: sealed))
        #expect(throws: PersonalDataError.cannotOpen) { try Self.rotated.open(sealed) }

        let resealed = Self.rotating.seal("Nguyễn Văn An")
        #expect(!Self.rotating.isStale(sealed: resealed))
        #expect(try Self.rotated.open(resealed) == "Nguyễn Văn An")
        #expect(throws: PersonalDataError.cannotOpen) { try Self.old.open(resealed) }
    }

    @Test func fingerprintsCarryTheKeyIdAndLookUpsFindEitherKeys() {
        let before = Self.old.fingerprint("+84912345678")
        #expect(before.hasPrefix("1:") && before.count == 66)
        let after = Self.rotating.fingerprint("+84912345678")
        #expect(after.hasPrefix("2026b:") && after != before)
        #expect(Self.rotating.fingerprints("+84912345678").contains(before))
        #expect(Self.rotating.fingerprints("+84912345678").first == after)
        #expect(Self.rotating.matches(before, of: "+84912345678") && Self.rotating.matches(after, of: "+84912345678"))
        #expect(!Self.rotating.matches(before, of: "+84912345679"))
        #expect(Self.rotating.isStale(fingerprint: before) && !Self.rotating.isStale(fingerprint: after))
        #expect(!Self.rotated.matches(before, of: "+84912345678"), "the previous key removed, its fingerprints no longer match")
    }

    @Test func valuesMadeBeforeKeysHadIdsStillOpenAndMatch() throws {
        // The bytes and fingerprint an id-less protector made: AES-GCM alone, bare hex.
        let legacySealed = Self.old.seal("049088012345").dropFirst(3)
        let legacyFingerprint = String(Self.old.fingerprint("049088012345").dropFirst(2))
        #expect(try Self.rotating.open(Data(legacySealed)) == "049088012345")
        #expect(Self.rotating.isStale(sealed: Data(legacySealed)))
        #expect(Self.rotating.matches(legacyFingerprint, of: "049088012345"))
        #expect(Self.rotating.fingerprints("049088012345").contains(legacyFingerprint))
    }

    @Test func previousKeysAreListedAsIdColonBase64() throws {
        let base64 = Data(repeating: 9, count: 32).base64EncodedString()
        let keys = try PersonalDataKey.list("2026a:\(base64), 2025:\(base64)", excluding: "3")
        #expect(keys.map(\.id) == ["2026a", "2025"])
        #expect(try PersonalDataKey.list("", excluding: "1").isEmpty)
        #expect(throws: PersonalDataError.invalidKeyId) { try PersonalDataKey.list("3:\(base64)", excluding: "3") }
        #expect(throws: PersonalDataError.invalidKeyId) { try PersonalDataKey.list("a:\(base64),a:\(base64)", excluding: "1") }
        #expect(throws: PersonalDataError.invalidKeyId) { try PersonalDataKey.list(base64, excluding: "1") }
        #expect(throws: PersonalDataError.invalidKeyId) { try PersonalDataKey(id: "bad id", base64: base64) }
        #expect(throws: PersonalDataError.invalidKey) { try PersonalDataKey.list("2:c2hvcnQ=", excluding: "1") }
    }
}

@Suite struct SealedBytesTests {
    @Test func sealedBytesOpenToTheSameBytesAndDoNotShowThem() throws {
        let protector = PersonalDataProtector(key: PersonalDataProtectorTests.key)
        let photo = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x80, 0xFE] + Array("CCCD 049088012345".utf8))
        let sealed = protector.seal(bytes: photo)
        #expect(try protector.openBytes(sealed) == photo)
        #expect(sealed.range(of: Data("049088012345".utf8)) == nil)
    }

    @Test func bytesSealedUnderThePreviousKeyOpenAfterRotationAndAreStale() throws {
        let photo = Data([0x89, 0x50, 0x4E, 0x47, 0xFF, 0x00])
        let previous = try PersonalDataKey(id: "old", base64: Data(repeating: 9, count: 32).base64EncodedString())
        let sealed = PersonalDataProtector(key: previous).seal(bytes: photo)
        let rotated = PersonalDataProtector(key: PersonalDataProtectorTests.key, previous: [previous])
        #expect(try rotated.openBytes(sealed) == photo)
        #expect(rotated.isStale(sealed: sealed))
    }
}
