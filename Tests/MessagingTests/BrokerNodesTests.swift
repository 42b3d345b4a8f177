@testable import Messaging
import Testing

/// `AMQP_URL` naming a cluster's nodes, and the order connections try them in.
@Suite struct BrokerNodesTests {
    @Test func aHostListGivesOneURLPerNodeSharingUserPasswordAndVhost() throws {
        let nodes = try BrokerNodes("amqps://crm:s%40cret@broker-1,broker-2:5700,broker-3/evn")
        #expect(nodes.urls == [
            AMQPURL(host: "broker-1", port: 5671, user: "crm", password: "s@cret", vhost: "evn", tls: true),
            AMQPURL(host: "broker-2", port: 5700, user: "crm", password: "s@cret", vhost: "evn", tls: true),
            AMQPURL(host: "broker-3", port: 5671, user: "crm", password: "s@cret", vhost: "evn", tls: true),
        ])
    }

    @Test func oneHostIsOneNode() throws {
        #expect(try BrokerNodes("amqp://evn:evn@127.0.0.1:5672/evn").urls == [AMQPURL(host: "127.0.0.1", user: "evn", password: "evn", vhost: "evn")])
        #expect(try BrokerNodes("amqp://u:p@localhost").urls.map(\.vhost) == ["/"])
    }

    @Test(arguments: ["amqp://crm:topsecret@broker-1,,broker-3/evn", "amqp://crm:topsecret@broker-1,:5672/evn",
                      "http://crm:topsecret@a,b/evn", "amqp://crm:topsecret@a,b/x/y"])
    func aListWithAnEmptyOrInvalidHostIsRefusedWithoutThePassword(url: String) {
        let error = #expect(throws: AMQPError.self) { try BrokerNodes(url) }
        #expect(error.map { !"\($0)".contains("topsecret") } == true, "\(String(describing: error))")
    }

    @Test func theDescriptionListsEveryNodeWithoutThePassword() throws {
        #expect(try BrokerNodes("amqp://crm:topsecret@a:1,b:2/evn").description == "amqp://crm@a:1/evn, amqp://crm@b:2/evn")
    }

    @Test func aFailedNodeIsTriedLastAndTheNextOneFirst() throws {
        let nodes = try BrokerNodes("amqp://u:p@a,b,c/v")
        #expect(nodes.rotation.map(\.host) == ["a", "b", "c"])
        nodes.failed(nodes.urls[0])
        #expect(nodes.preferred.host == "b")
        #expect(nodes.rotation.map(\.host) == ["b", "c", "a"])
        nodes.failed(nodes.urls[2])
        #expect(nodes.preferred.host == "b", "a failure of a node no longer in use moves nothing")
        nodes.failed(nodes.urls[1])
        nodes.failed(nodes.urls[2])
        #expect(nodes.rotation.map(\.host) == ["a", "b", "c"], "after the last node comes the first again")
    }

    @Test func theNodeThatTookAConnectionIsTriedFirst() throws {
        let nodes = try BrokerNodes("amqp://u:p@a,b,c/v")
        nodes.connected(to: nodes.urls[2])
        #expect(nodes.rotation.map(\.host) == ["c", "a", "b"])
    }
}
