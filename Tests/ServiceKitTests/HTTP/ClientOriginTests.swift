import Hummingbird
import NIOCore
import ServiceKit
import Testing

/// Who a request came from: the peer, unless the peer is a trusted proxy, which may name the
/// client (`X-Forwarded-For`) and the scheme (`X-Forwarded-Proto`).
@Suite struct ClientOriginTests {
    let proxies = try! TrustedProxies(environment: ["TRUSTED_PROXIES": "10.0.0.0/8, 192.168.1.7, fd00::/8"])

    func origin(peer: String, _ headers: [(String, String)] = []) throws -> ClientOrigin {
        var fields = HTTPFields()
        for (name, value) in headers { fields.append(.init(name: .init(name)!, value: value)) }
        return ClientOrigin(peer: try SocketAddress(ipAddress: peer, port: 40_000), headers: fields, trusting: proxies)
    }

    @Test func aSpoofedForwardedForAndProtoFromAnUntrustedPeerAreIgnored() throws {
        let origin = try origin(peer: "203.0.113.9", [("X-Forwarded-For", "198.51.100.1"), ("X-Forwarded-Proto", "https")])

        #expect(origin == ClientOrigin(address: "203.0.113.9", overTLS: false))
    }

    @Test func aTrustedProxyNamesTheRightMostHopThatIsNotItselfAProxy() throws {
        let origin = try origin(peer: "10.1.2.3", [
            ("X-Forwarded-For", "6.6.6.6, 198.51.100.1"), ("X-Forwarded-For", "10.9.9.9"), ("X-Forwarded-Proto", "https"),
        ])

        #expect(origin == ClientOrigin(address: "198.51.100.1", overTLS: true))
    }

    @Test func aTrustedProxyWithoutForwardedForLeavesThePeerAsTheClient() throws {
        #expect(try origin(peer: "192.168.1.7") == ClientOrigin(address: "192.168.1.7", overTLS: false))
        #expect(try origin(peer: "192.168.1.8", [("X-Forwarded-For", "1.2.3.4")]).address == "192.168.1.8")
    }

    @Test func plainHTTPThroughTheProxyIsNotTLS() throws {
        #expect(try origin(peer: "10.0.0.1", [("X-Forwarded-Proto", "http")]).overTLS == false)
    }

    @Test func addressesAreComparedAndKeyedInCanonicalForm() throws {
        #expect(try origin(peer: "::ffff:10.0.0.5", [("X-Forwarded-For", "::ffff:198.51.100.1")]).address == "198.51.100.1")
        #expect(try origin(peer: "fd00::1", [("X-Forwarded-For", "2001:db8:0:0::1")]).address == "2001:db8::1")
    }

    @Test func aRequestWithoutAnIPPeerHasAnUnknownClient() {
        #expect(ClientOrigin(peer: nil, headers: [:], trusting: proxies) == ClientOrigin(address: "unknown", overTLS: false))
    }

    @Test func blocksTakeAddressesAndPrefixesOfBothFamilies() {
        let block = IPAddressBlock("172.16.0.0/12")
        #expect(block?.contains("172.31.255.255") == true)
        #expect(block?.contains("172.32.0.0") == false)
        #expect(IPAddressBlock("2001:db8::/32")?.contains("2001:db8:ffff::1") == true)
        #expect(IPAddressBlock("0.0.0.0/0")?.contains("8.8.8.8") == true)
        #expect(IPAddressBlock("10.0.0.0/33") == nil)
        #expect(IPAddressBlock("example.org") == nil)
    }

    @Test func anUnreadableTrustedProxiesStopsTheServiceNamingTheVariable() throws {
        #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration(service: "intake", environment: ["TRUSTED_PROXIES": "10.0.0.0/8,proxy.local", "EVN_ENV": "development"])
        }
        #expect(try ServiceConfiguration(service: "intake", environment: ["EVN_ENV": "development"]).trustedProxies == .none)
    }
}
