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

@Suite struct AMQPSURLTests {
    @Test func anAmqpsURLAsksForTLSOnPort5671ByDefault() throws {
        let url = try AMQPURL("amqps://crm:secret@broker.local/evn")
        #expect(url == AMQPURL(host: "broker.local", port: 5671, user: "crm", password: "secret", vhost: "evn", tls: true))
        #expect(try AMQPURL("amqps://crm:secret@broker.local:5700/evn").port == 5700)
        #expect(try AMQPURL("amqp://crm:secret@broker.local/evn").tls == false)
    }

    @Test func theDescriptionKeepsTheSchemeAndNeverShowsThePassword() throws {
        #expect(try AMQPURL("amqps://crm:topsecret@localhost/evn").description == "amqps://crm@localhost:5671/evn")
    }
}

@Suite struct InvalidAMQPURLTests {
    @Test(arguments: ["amqp://crm:topsecret@localhost/a/b", "http://crm:topsecret@localhost/", "amqps://crm:top:secret@/evn"])
    func theErrorForAURLThatDoesNotParseNeverShowsThePassword(url: String) {
        let error = #expect(throws: AMQPError.self) { try AMQPURL(url) }
        #expect(error.map { !"\($0)".contains("secret") } == true, "\(String(describing: error))")
    }
}
