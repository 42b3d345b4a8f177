import Messaging
import Testing

@Suite struct AMQPURLTests {
    @Test func parsesEveryPart() throws {
        let url = try AMQPURL("amqp://crm:s%40cret@broker.local:5673/evn")
        #expect(url == AMQPURL(host: "broker.local", port: 5673, user: "crm", password: "s@cret", vhost: "evn"))
    }

    @Test func anEmptyPathMeansTheDefaultVhost() throws {
        #expect(try AMQPURL("amqp://u:p@localhost").vhost == "/")
        #expect(try AMQPURL("amqp://u:p@localhost/").vhost == "/")
        #expect(try AMQPURL("amqp://u:p@localhost/%2F").vhost == "/")
    }

    @Test func thePortDefaultsTo5672() throws {
        #expect(try AMQPURL("amqp://u:p@localhost/v").port == 5672)
    }

    @Test func otherSchemesAndMissingHostsAreRefusedWithAReason() {
        #expect(throws: AMQPError.self) { try AMQPURL("http://localhost/") }
        #expect(throws: AMQPError.self) { try AMQPURL("amqp:///vhost") }
        #expect(throws: AMQPError.self) { try AMQPURL("amqp://u:p@localhost/a/b") }
    }

    @Test func theDescriptionNeverShowsThePassword() throws {
        let url = try AMQPURL("amqp://crm:topsecret@localhost/evn")
        #expect(url.description == "amqp://crm@localhost:5672/evn")
    }
}
