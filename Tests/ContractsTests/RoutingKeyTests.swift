import Contracts
import Testing

@Suite("Routing keys follow the design's naming rule")
struct RoutingKeyTests {
    @Test func routingKeysAreUnique() {
        let keys = ContractCatalogue.all.map { $0.routingKey }
        #expect(Set(keys).count == keys.count)
    }

    @Test func eventsAreNamedSourceEntityEvent() {
        for contract in ContractCatalogue.all where contract.kind == .event {
            #expect(Self.segments(of: contract.routingKey)?.count == 3, "\(contract.routingKey)")
        }
    }

    @Test func commandsAndQueriesAreNamedTargetAction() {
        for contract in ContractCatalogue.all where contract.kind != .event {
            #expect(Self.segments(of: contract.routingKey)?.count == 2, "\(contract.routingKey)")
        }
    }

    @Test func everyKeyStartsWithAService() {
        let services = Set(ServiceName.allCases.map(\.rawValue))
        for contract in ContractCatalogue.all {
            #expect(Self.segments(of: contract.routingKey).map { services.contains($0[0]) } == true,
                    "\(contract.routingKey)")
        }
    }

    @Test func theTypeIsTheRoutingKeyAndTheVersion() {
        #expect(RequestSubmitted.type == "intake.request.submitted.v1")
        for contract in ContractCatalogue.all {
            #expect(contract.version >= 1)
            #expect(contract.type == "\(contract.routingKey).v\(contract.version)")
        }
    }

    /// The dot-separated segments of `key`, each lowercase ASCII words joined by hyphens; nil if any is not.
    private static func segments(of key: String) -> [String]? {
        let segments = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let isWords = { (segment: String) in
            segment.split(separator: "-", omittingEmptySubsequences: false)
                .allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
        }
        return segments.allSatisfy(isWords) ? segments : nil
    }
}
