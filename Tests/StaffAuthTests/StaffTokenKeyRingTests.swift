import Foundation
import Logging
@testable import StaffAuth
import Testing

/// The ring's memory of checked tokens never outlives the key that checked them, even when the
/// key set is reloaded while a signature is being checked.
@Suite struct StaffTokenKeyRingTests {
    @Test func aTokenCheckedWithAKeyReplacedMeanwhileIsNotRemembered() async throws {
        let first = TokenForge(kid: "2026-12")
        let replacement = TokenForge(kid: "2026-12")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString).json")
        try first.keySet.json.write(to: file)
        let start = TokenForge.start
        let ring = StaffTokenKeyRing(keys: first.keySet, file: file.path, deployment: .development, refreshInterval: 30,
                                     logger: Logger(label: "test"), now: start)
        let token = try await first.sign(TokenForge.payload())
        let keys = try #require(await ring.verifier(for: "2026-12", at: start))

        // While the signature is checked, the set is reloaded with another key under the same id.
        try replacement.keySet.json.write(to: file)
        _ = await ring.verifier(for: "2026-12", at: start.addingTimeInterval(31))
        await ring.remember(TokenForge.payload(), of: token, checkedWith: keys, kid: "2026-12")
        #expect(await ring.checkedPayload(of: token, at: start.addingTimeInterval(31)) == nil)

        // A token checked with the keys the ring trusts now is remembered.
        let current = try #require(await ring.verifier(for: "2026-12", at: start.addingTimeInterval(32)))
        let renewed = try await replacement.sign(TokenForge.payload())
        await ring.remember(TokenForge.payload(), of: renewed, checkedWith: current, kid: "2026-12")
        #expect(await ring.checkedPayload(of: renewed, at: start.addingTimeInterval(32)) != nil)
    }
}
