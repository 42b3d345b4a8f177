import Contracts
import Foundation
import Testing

@Suite("Every contract survives the wire")
struct RoundTripTests {
    /// A contract under test, named by its routing key in the test report.
    struct Sample: Sendable, CustomTestStringConvertible {
        let value: any MessageContract
        var testDescription: String { type(of: value).routingKey }
    }

    @Test(arguments: ContractSamples.all.map(Sample.init))
    func decodesToTheValueItEncoded(sample: Sample) throws {
        #expect(try Self.survives(sample.value))
    }

    @Test func everyContractInTheCatalogueHasASample() {
        let sampled = Set(ContractSamples.all.map { type(of: $0).routingKey })
        #expect(sampled == Set(ContractCatalogue.all.map { $0.routingKey }))
    }

    @Test func theTimelineReplySurvivesTheWire() throws {
        let reply: RequestTimelineQuery.Reply = ContractSamples.timeline
        #expect(try WireJSON.roundTrip(reply) == reply)
    }

    @Test func anUnknownRequestIsAnsweredWithNull() throws {
        let reply: RequestTimelineQuery.Reply = nil
        #expect(String(decoding: try WireJSON.encode(reply), as: UTF8.self) == "null")
        #expect(try WireJSON.roundTrip(reply) == nil)
    }

    @Test func aMissingRequiredFieldDoesNotDecode() throws {
        var object = try #require(
            JSONSerialization.jsonObject(with: WireJSON.encode(ContractSamples.requestSubmitted)) as? [String: Any])
        object["requestCode"] = nil
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try WireJSON.decode(RequestSubmitted.self, from: data) }
    }

    @Test func anUnknownFieldIsIgnored() throws {
        var object = try #require(
            JSONSerialization.jsonObject(with: WireJSON.encode(ContractSamples.requestSubmitted)) as? [String: Any])
        object["addedInALaterRelease"] = "anything"
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(try WireJSON.decode(RequestSubmitted.self, from: data) == ContractSamples.requestSubmitted)
    }

    private static func survives<T: MessageContract>(_ value: T) throws -> Bool {
        try WireJSON.roundTrip(value) == value
    }
}
