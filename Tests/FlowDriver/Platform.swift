import Foundation
import ServiceKit
import StaffAuth
import StaffTokenIssuing
import TestSupport

/// The services of the new-connection flow running as real processes against the real broker,
/// with a loopback SMS gateway and the loopback SMTP server: the system as customers and
/// staff meet it, for the integration scenarios and the flow benchmark.
///
/// Each platform has its own vhost, its own data folder (one SQLite file per service) and free
/// ports, so runs never see each other's messages or records.
public final class Platform: Sendable {
    /// The five services the new-connection flow crosses.
    public static let flowServices = ["intake", "crm", "metering", "households", "notification"]

    public let broker: BrokerFixture
    /// The SMS gateway the notification service sends to; what customers' phones received.
    public let sms: SMSGatewayRecorder
    /// The loopback SMTP server the notification service sends to; what customers' mailboxes received.
    public let mail: SMTPSink
    /// The run's folder: `data/` (stores) and `logs/` (one file per service).
    public let folder: URL
    public let staff: StaffDesk
    public let http = HTTPCaller()
    private let processes: [String: ServiceProcess]

    private init(broker: BrokerFixture, sms: SMSGatewayRecorder, mail: SMTPSink, folder: URL, staff: StaffDesk,
                 processes: [String: ServiceProcess]) {
        self.broker = broker
        self.sms = sms
        self.mail = mail
        self.folder = folder
        self.staff = staff
        self.processes = processes
    }

    /// Starts `services` and waits until each answers `/readyz`, runs `body`, and stops
    /// everything (processes, gateway, vhost) whether `body` passed or threw. The run's
    /// folder is kept when `body` threw, so its logs can be read.
    ///
    /// A service may run as shards: `shards` maps an instance name `<service>.<shard>` (listed
    /// in `services`) to the branches it owns (`SHARD_BRANCHES`). `settings` are added to (or
    /// replace) every service's environment.
    public static func run<Result>(
        _ label: String, services: [String] = flowServices, shards: [String: String] = [:],
        settings: [String: String] = [:], _ body: (Platform) async throws -> Result
    ) async throws -> Result {
        let platform = try await start(label, services: services, shards: shards, settings: settings)
        do {
            let result = try await body(platform)
            await platform.stop(keepFolder: false)
            return result
        } catch {
            await platform.stop(keepFolder: true)
            throw FixtureError("\(error) (service logs kept in \(platform.folder.appendingPathComponent("logs").path))")
        }
    }

    /// Starts `services` (see ``run(_:services:shards:settings:_:)``); the caller must ``stop(keepFolder:)``.
    public static func start(_ label: String, services: [String] = flowServices,
                             shards: [String: String] = [:], settings: [String: String] = [:]) async throws -> Platform {
        let binaries = try ServiceBinaries.locate(Array(Set(services.map { Self.executable(of: $0) })))
        let environment = ProcessInfo.processInfo.environment
        let broker = try await BrokerFixture.make(label)
        let sms = try await SMSGatewayRecorder.start(apiKey: "flow-api-key", secretKey: "flow-secret-key")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evn-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("logs"), withIntermediateDirectories: true)
        let mail = SMTPSink.current
        // The run's own signing key: the services get its public half only, as in production.
        let signingKey = StaffTokenSigningKey.generate(id: "flow-\(UUID().uuidString.prefix(8))")
        let keysFile = folder.appendingPathComponent("staff-token-keys.json")
        try StaffTokenKeySet(keys: [signingKey.publicKey]).json.write(to: keysFile)
        let url = broker.url
        let shared: [String: String] = [
            "AMQP_URL": "amqp://\(url.user):\(url.password)@\(url.host):\(url.port)/\(url.vhost)",
            "DATA_DIR": folder.appendingPathComponent("data").path,
            "HTTP_HOST": "127.0.0.1",
            "LOG_FORMAT": "logfmt",
            "LOG_LEVEL": environment["FLOW_LOG_LEVEL"] ?? "info",
            "AMQP_HEARTBEAT_SECONDS": "10",
            "EVN_ENV": "development",
            "STAFF_TOKEN_KEYS_FILE": keysFile.path,
            "STAFF_TOKEN_ISSUER": StaffDesk.issuerName,
            "PERSONAL_DATA_KEY": Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString(),
            "SMS_GATEWAY_URL": sms.url,
            "SMS_GATEWAY_API_KEY": "flow-api-key",
            "SMS_GATEWAY_SECRET_KEY": "flow-secret-key",
            "SMS_BRANDNAME": "EVNCPC",
            "SMTP_HOST": mail.host,
            "SMTP_PORT": "\(mail.port)",
            "MAIL_FROM": "cskh@evncpc.example.vn",
            "PATH": environment["PATH"] ?? "/usr/bin:/bin",
            // Every customer of a run calls from this one address, so intake's allowances per
            // client are a crowd's; the per-phone limits and budgets stay as deployed.
            "FILING_LIMIT_PER_CLIENT": "100000/1m",
            "ACCESS_LIMIT_PER_CLIENT": "100000/1m",
            "LOOKUP_LIMIT_PER_CLIENT": "100000/1m",
        ]
        // crm checks the officer a branch head assigns a ticket to in the staff directory
        // scripts/test.sh started (`STAFF_DIRECTORY_URL`, on its own port), not the default one.
        .merging(environment.filter { $0.key.hasPrefix("STAFF_DIRECTORY_") }) { $1 }
        .merging(settings) { $1 }
        let ports = try Dictionary(uniqueKeysWithValues: services.map { ($0, try FreePort.find()) })
        var processes: [String: ServiceProcess] = [:]
        for service in services {
            let port = ports[service]!
            var own = ["HTTP_PORT": "\(port)"]
            // The links in customers' notices open this run's portal.
            if let portal = ports["intake"], Self.executable(of: service) == "notification" {
                own["PORTAL_URL"] = "http://127.0.0.1:\(portal)"
            }
            // A ticket page's attachment links lead to this run's intake.
            if let intake = ports["intake"], Self.executable(of: service) == "crm" {
                own["INTAKE_STAFF_URL"] = "http://127.0.0.1:\(intake)"
            }
            // The deadline e-mails' ticket links lead to this run's crm.
            if Self.executable(of: service) == "crm" {
                own["CRM_STAFF_URL"] = "http://127.0.0.1:\(port)"
            }
            if let branches = shards[service] {
                own["SHARD"] = String(service.split(separator: ".").last!)
                own["SHARD_BRANCHES"] = branches
            }
            processes[service] = ServiceProcess(
                name: service, executable: binaries[Self.executable(of: service)]!,
                environment: shared.merging(own) { $1 },
                port: port, logFile: folder.appendingPathComponent("logs/\(service).log"))
        }
        let platform = Platform(
            broker: broker, sms: sms, mail: mail, folder: folder,
            staff: StaffDesk(signingKey: signingKey, services: services.map(Self.executable(of:))), processes: processes)
        do {
            for service in services { try processes[service]!.start() }
            for service in services { try await platform.waitUntilReady(service) }
        } catch {
            await platform.stop(keepFolder: true)
            throw error
        }
        return platform
    }

    /// The executable of an instance: `crm` for `crm` and for its shard `crm.pc05`.
    static func executable(of instance: String) -> String {
        String(instance.split(separator: ".").first ?? Substring(instance))
    }

    /// A running service by name (`crm`, or a shard's `crm.pc05`).
    public func service(_ name: String) -> ServiceProcess {
        guard let process = processes[name] else { preconditionFailure("\(name) is not part of this platform") }
        return process
    }

    /// The running services' process ids, by name.
    public var processIdentifiers: [String: Int32] {
        processes.compactMapValues(\.processIdentifier)
    }

    /// The base URL of a service's API (`http://127.0.0.1:<port>`).
    public func url(_ service: String) -> String {
        self.service(service).baseURL
    }

    /// Waits until `service` answers `GET /readyz` with 200 (store open, broker set up).
    public func waitUntilReady(_ service: String, timeout: Duration = .seconds(60)) async throws {
        let process = self.service(service)
        try await eventually("\(service) is ready (log: \(process.logFile.path))", timeout: timeout) {
            guard process.isRunning else { throw FixtureError("\(service) exited during start-up: \(try process.log().suffix(2000))") }
            return (try? await http.call(.GET, "\(process.baseURL)/readyz").status) == 200
        }
    }

    /// Kills `service` with SIGKILL and starts it again on the same store and port.
    public func crashAndRestart(_ service: String) async throws {
        let process = self.service(service)
        process.kill()
        try process.start()
        try await waitUntilReady(service)
    }

    /// Stops every service (SIGTERM, then SIGKILL), the SMS gateway and the vhost.
    public func stop(keepFolder: Bool) async {
        for process in processes.values { await process.stop() }
        await sms.stop()
        await broker.tearDown()
        if !keepFolder { try? FileManager.default.removeItem(at: folder) }
    }

    /// The e-mails the loopback SMTP server received for `recipient`.
    public func mails(to recipient: String) throws -> [ReceivedMail] {
        try mail.mails(to: recipient)
    }
}
