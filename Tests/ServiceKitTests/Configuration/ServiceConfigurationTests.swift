import Messaging
import Foundation
import Logging
import Testing
import PersonalData
import ServiceKit

@Suite struct ServiceConfigurationTests {
    /// A developer's machine: the public development secrets are accepted.
    static let development = ["EVN_ENV": "development"]

    @Test func defaultsWorkOnADeveloperMachine() throws {
        let configuration = try ServiceConfiguration(service: "intake", environment: Self.development)

        #expect(configuration.service == "intake")
        #expect(configuration.brokerNodes.urls == [AMQPURL(host: "127.0.0.1", port: 5672, user: "evn", password: "evn", vhost: "evn")])
        #expect(configuration.dataDirectory == "var/data")
        #expect(configuration.httpHost == "127.0.0.1")
        #expect(configuration.httpPort == 8080)
        #expect(configuration.logFormat == .logfmt)
        #expect(configuration.logLevel == .info)
        #expect(configuration.amqpPrefetch == 200)
        #expect(configuration.amqpHeartbeatSeconds == 30)
        #expect(configuration.messageMaxAttempts == 5)
        #expect(configuration.httpLimits == HTTPLimits(idleTimeout: .seconds(65), readTimeout: .seconds(300),
                                                       maxConnections: 1000, maxHeaderBytes: 16384))
    }

    @Test(arguments: [
        ("intake", 8080), ("crm", 8081), ("metering", 8082), ("households", 8083),
        ("outage", 8084), ("notification", 8085), ("billing-sync", 8090),
    ])
    func eachServiceHasItsOwnDefaultPort(service: String, port: Int) throws {
        #expect(try ServiceConfiguration(service: service, environment: Self.development).httpPort == port)
    }

    @Test func environmentOverridesDefaults() throws {
        let configuration = try ServiceConfiguration(
            service: "crm",
            environment: [
                "EVN_ENV": "development",
                "AMQP_URL": "amqp://crm:secret@broker.internal:5673/evn",
                "DATA_DIR": "/data",
                "HTTP_HOST": "0.0.0.0",
                "HTTP_PORT": "9000",
                "LOG_FORMAT": "json",
                "LOG_LEVEL": "DEBUG",
                "AMQP_PREFETCH": "300",
                "AMQP_HEARTBEAT_SECONDS": "0",
                "MESSAGE_MAX_ATTEMPTS": "8",
                "HTTP_IDLE_TIMEOUT_SECONDS": "20",
                "HTTP_READ_TIMEOUT_SECONDS": "45",
                "HTTP_MAX_CONNECTIONS": "250",
                "HTTP_MAX_HEADER_BYTES": "8192",
            ]
        )

        #expect(configuration.brokerNodes.urls.map(\.host) == ["broker.internal"])
        #expect(configuration.dataDirectory == "/data")
        #expect(configuration.httpHost == "0.0.0.0")
        #expect(configuration.httpPort == 9000)
        #expect(configuration.logFormat == .json)
        #expect(configuration.logLevel == .debug)
        #expect(configuration.amqpPrefetch == 300)
        #expect(configuration.amqpHeartbeatSeconds == 0)
        #expect(configuration.messageMaxAttempts == 8)
        #expect(configuration.httpLimits == HTTPLimits(idleTimeout: .seconds(20), readTimeout: .seconds(45),
                                                       maxConnections: 250, maxHeaderBytes: 8192))
    }

    @Test func anEmptyVariableTakesTheDefault() throws {
        let configuration = try ServiceConfiguration(service: "outage", environment: ["HTTP_PORT": "", "EVN_ENV": "development"])
        #expect(configuration.httpPort == 8084)
    }

    @Test func theStoreFileIsNamedAfterTheService() throws {
        #expect(try ServiceConfiguration(service: "metering", environment: Self.development).storePath == "var/data/metering.sqlite")
        #expect(
            try ServiceConfiguration(service: "metering", environment: ["DATA_DIR": "/srv/evn/", "EVN_ENV": "development"]).storePath
                == "/srv/evn/metering.sqlite"
        )
    }

    @Test func aShardHasItsOwnQueuesStoreAndBranches() throws {
        let configuration = try ServiceConfiguration(
            service: "crm", environment: ["SHARD": "pc05", "SHARD_BRANCHES": "PC05, PCDNHC", "EVN_ENV": "development"])
        #expect(configuration.instance == "crm.pc05")
        #expect(configuration.storePath == "var/data/crm-pc05.sqlite")
        let shard = try #require(configuration.shard)
        #expect(shard.owns("PC05TK-261203-000001") && shard.owns("PCDNHC0000042"))
        #expect(!shard.owns("PCDNTK-261203-000001"))
        #expect(shard.companies == ["PC05", "PCDN"], "the companies whose events its inbox binds")
        #expect(Shard(name: "pc", branches: "PC")?.companies == nil, "a prefix no company code names binds every company")
        let unsharded = try ServiceConfiguration(service: "crm", environment: Self.development)
        #expect(unsharded.shard == nil && unsharded.instance == "crm")
    }

    @Test(arguments: [
        (["SHARD": "pc05"], "SHARD_BRANCHES"),
        (["SHARD_BRANCHES": "PC05"], "SHARD_BRANCHES"),
        (["SHARD": "PC 05", "SHARD_BRANCHES": "PC05"], "SHARD"),
        (["SHARD": "pc05", "SHARD_BRANCHES": "pc05tk"], "SHARD"),
    ])
    func aMalformedShardIsRejectedByName(environment: [String: String], variable: String) throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration(service: "crm", environment: environment.merging(Self.development) { $1 })
        }
        #expect(error.variable == variable)
    }

    @Test func aPortThatIsNotANumberIsRejectedByName() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration(service: "intake", environment: ["HTTP_PORT": "eighty", "EVN_ENV": "development"])
        }
        #expect(error.variable == "HTTP_PORT")
        #expect(error.description == "Invalid HTTP_PORT: expected a port number from 1 to 65535.")
    }

    @Test func anUnknownLogFormatIsRejectedByName() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration(service: "intake", environment: ["LOG_FORMAT": "xml", "EVN_ENV": "development"])
        }
        #expect(error.description == "Invalid LOG_FORMAT: expected logfmt or json.")
    }

    @Test(arguments: [
        ("AMQP_URL", "http://127.0.0.1"),
        ("HTTP_PORT", "70000"),
        ("LOG_LEVEL", "verbose"),
        ("AMQP_PREFETCH", "0"),
        ("AMQP_HEARTBEAT_SECONDS", "-1"),
        ("MESSAGE_MAX_ATTEMPTS", "0"),
        ("HTTP_IDLE_TIMEOUT_SECONDS", "0"),
        ("HTTP_READ_TIMEOUT_SECONDS", "3601"),
        ("HTTP_MAX_CONNECTIONS", "none"),
        ("HTTP_MAX_HEADER_BYTES", "100"),
        ("EVN_ENV", "staging"),
    ])
    func outOfRangeValuesAreRejectedByName(variable: String, value: String) throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration(service: "households", environment: Self.development.merging([variable: value]) { $1 })
        }
        #expect(error.variable == variable)
        #expect(error.value == (variable == "AMQP_URL" ? nil : value), "a URL may carry a password: never kept")
    }

    @Test func previousPersonalDataKeysAreReadBesideTheCurrentOneAndItsId() throws {
        let current = Data(repeating: 1, count: 32).base64EncodedString()
        let older = Data(repeating: 2, count: 32).base64EncodedString()
        let configuration = try ServiceConfiguration(service: "intake", environment: [
            "PERSONAL_DATA_KEY": current, "PERSONAL_DATA_KEY_ID": "2026b", "PERSONAL_DATA_PREVIOUS_KEYS": "1:\(older)",
            "EVN_ENV": "development",
        ])
        #expect(configuration.personalDataKey.id == "2026b")
        #expect(configuration.previousPersonalDataKeys.map(\.id) == ["1"])
        let earlier = PersonalDataProtector(key: try PersonalDataKey(id: "1", base64: older))
        #expect(try configuration.personalData.open(earlier.seal("Nguyễn Văn An")) == "Nguyễn Văn An")
        #expect(try ServiceConfiguration(service: "intake", environment: Self.development).personalDataKey.id == "1")
    }

    @Test(arguments: [
        ["PERSONAL_DATA_KEY_ID": "key one"],
        ["PERSONAL_DATA_PREVIOUS_KEYS": "not-a-key"],
        ["PERSONAL_DATA_PREVIOUS_KEYS": "1:\(Data(repeating: 2, count: 32).base64EncodedString())"],
    ])
    func aBadOrClashingKeyListIsRejectedByName(environment: [String: String]) throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration(service: "intake", environment: environment.merging(Self.development) { $1 })
        }
        #expect(error.variable == environment.keys.first)
    }
}
