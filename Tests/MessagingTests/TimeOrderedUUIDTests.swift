import Foundation
import Messaging
import Testing

/// Time-ordered ids sort in the order they were made, so a store's index of them grows at its end.
@Suite struct TimeOrderedUUIDTests {
    @Test func anIdIsAVersion7UUIDOfItsMillisecond() {
        let instant = Date(timeIntervalSince1970: 1_796_000_000.123_456)
        let id = UUID.timeOrdered(now: instant)
        let bytes = withUnsafeBytes(of: id.uuid) { Array($0) }
        let milliseconds = bytes[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(milliseconds == 1_796_000_000_123)
        #expect(bytes[6] >> 4 == 7, "version 7")
        #expect(bytes[8] >> 6 == 0b10, "RFC 9562 variant")
        #expect(UUID(uuidString: id.uuidString) == id)
    }

    @Test func idsMadeOneAfterAnotherSortInThatOrder() {
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let ids = (0..<5_000).map { step in
            UUID.timeOrdered(now: start.addingTimeInterval(Double(step) * 0.000_01)).uuidString.lowercased()
        }
        #expect(ids == ids.sorted(), "ten microseconds apart, each id sorts after the one before")
        #expect(Set(ids).count == ids.count)
    }

    @Test func idsOfOneInstantDifferInTheirRandomBits() {
        let instant = Date(timeIntervalSince1970: 1_796_000_000.5)
        let ids = Set((0..<1_000).map { _ in UUID.timeOrdered(now: instant) })
        #expect(ids.count == 1_000)
    }
}
