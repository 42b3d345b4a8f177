// swift-tools-version:6.0
import PackageDescription

// Products of other packages, named once.
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let asyncHTTPClient = Target.Dependency.product(name: "AsyncHTTPClient", package: "async-http-client")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let hummingbirdTesting = Target.Dependency.product(name: "HummingbirdTesting", package: "hummingbird")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let metrics = Target.Dependency.product(name: "Metrics", package: "swift-metrics")
let mustache = Target.Dependency.product(name: "Mustache", package: "swift-mustache")
let prometheus = Target.Dependency.product(name: "Prometheus", package: "swift-prometheus")
let serviceLifecycle = Target.Dependency.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")

/// The services, each in `Services/<Module>/`: `Library/` (the service as a module the tests
/// import, with its command line in `Library/Commands/`), `Executable/` (the thin `<executable>`
/// that runs that command line) and `Tests/<Module>Tests/`. What
/// every service builds on is listed once here; `uses` is what only this one needs.
struct ServiceModule {
    let module: String
    let executable: String
    let uses: [Target.Dependency]
    /// What only this service's tests need besides.
    var testUses: [Target.Dependency] = []
    /// Whether the service issues staff tokens itself: its library then depends on
    /// `StaffTokenIssuing`, which every service's tests use to sign staff in.
    var issuesStaffTokens = false

    static let shared: [Target.Dependency] = [
        "ServiceKit", "Messaging", "Contracts", "PersonalData", grdb, hummingbird, logging, argumentParser,
    ]

    var targets: [Target] {
        [
            .target(name: module, dependencies: Self.shared + uses, path: "Services/\(module)/Library"),
            .executableTarget(
                name: "\(module)Executable", dependencies: [.target(name: module)],
                path: "Services/\(module)/Executable"
            ),
            .testTarget(
                name: "\(module)Tests", dependencies: [.target(name: module), "TestSupport", prometheus]
                    + (issuesStaffTokens ? [] : ["StaffTokenIssuing"]) + Self.shared + uses + testUses,
                path: "Tests/\(module)Tests"
            ),
        ]
    }

    var product: Product {
        .executable(name: executable, targets: ["\(module)Executable"])
    }
}

let services = [
    ServiceModule(module: "Intake", executable: "intake",
                  uses: ["VietnameseIdentity", "WorkingCalendar", "ServiceAreas", "Tariff", "StaffAuth",
                         "WebPages", "NotificationText", "Mail", "Attachments", serviceLifecycle]),
    ServiceModule(module: "CRM", executable: "crm",
                  uses: ["StaffAuth", "StaffDirectory", "WorkingCalendar", "WebPages", "VietnameseIdentity", "Attachments"]),
    ServiceModule(module: "Metering", executable: "metering",
                  uses: ["StaffAuth", "StaffDirectory", "VietnameseIdentity", "WorkingCalendar", "WebPages"]),
    ServiceModule(module: "Households", executable: "households",
                  uses: ["StaffAuth", "VietnameseIdentity", "WorkingCalendar", "CSV", mustache, "WebPages", "Attachments"]),
    ServiceModule(module: "Outage", executable: "outage",
                  uses: ["StaffAuth", "VietnameseIdentity", "ServiceAreas", "CSV", "WebPages"],
                  testUses: ["WorkingCalendar"]),
    ServiceModule(module: "Notification", executable: "notification",
                  uses: ["StaffAuth", "Mail", "NotificationText", "VietnameseIdentity", asyncHTTPClient,
                         .product(name: "NIOCore", package: "swift-nio"), serviceLifecycle]),
    ServiceModule(module: "SignIn", executable: "signin",
                  uses: ["StaffAuth", "StaffDirectory", "StaffTokenIssuing", "WebPages", "VietnameseIdentity",
                         .product(name: "Crypto", package: "swift-crypto")],
                  testUses: [hummingbirdTesting], issuesStaffTokens: true),
]

let package = Package(
    name: "evn-customer-service",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Messaging", targets: ["Messaging"]),
        .library(name: "ServiceKit", targets: ["ServiceKit"]),
        .library(name: "WorkingCalendar", targets: ["WorkingCalendar"]),
        .library(name: "VietnameseIdentity", targets: ["VietnameseIdentity"]),
        .library(name: "Mail", targets: ["Mail"]),
        .library(name: "NotificationText", targets: ["NotificationText"]),
        .library(name: "Contracts", targets: ["Contracts"]),
        .library(name: "StaffAuth", targets: ["StaffAuth"]),
        .library(name: "PersonalData", targets: ["PersonalData"]),
        .library(name: "CSV", targets: ["CSV"]),
        .library(name: "ServiceAreas", targets: ["ServiceAreas"]),
        .library(name: "Tariff", targets: ["Tariff"]),
        .library(name: "StaffDirectory", targets: ["StaffDirectory"]),
        .library(name: "Attachments", targets: ["Attachments"]),
        .executable(name: "evnctl", targets: ["EVNCtl"]),
        .executable(name: "evn-platform", targets: ["EVNPlatform"]),
        .executable(name: "bench-flow", targets: ["FlowBenchmark"]),
        .executable(name: "bench-messaging", targets: ["MessagingBenchmark"]),
        .executable(name: "bench-households", targets: ["HouseholdsBenchmark"]),
        .executable(name: "bench-storm", targets: ["StormBenchmark"]),
    ] + services.map(\.product),
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "4.1.0"..<"5.0.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // Shared libraries.
        .systemLibrary(
            name: "CRabbitMQ",
            path: "Libraries/CRabbitMQ",
            pkgConfig: "librabbitmq",
            providers: [.apt(["librabbitmq-dev"])]
        ),
        .target(
            name: "CAMQPShim", dependencies: ["CRabbitMQ"], path: "Libraries/CAMQPShim",
            linkerSettings: [.linkedLibrary("ssl")]
        ),
        .target(
            name: "Messaging",
            dependencies: [
                "CAMQPShim", "Contracts", grdb, logging, metrics, serviceLifecycle,
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            path: "Libraries/Messaging"
        ),
        .target(
            name: "ServiceKit",
            dependencies: [
                "Messaging", "Contracts", "VietnameseIdentity", "WorkingCalendar", "PersonalData",
                .product(name: "Crypto", package: "swift-crypto"),
                grdb, hummingbird, logging, metrics, prometheus, serviceLifecycle, argumentParser,
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            path: "Libraries/ServiceKit"
        ),
        .target(name: "WorkingCalendar", dependencies: [logging, metrics], path: "Libraries/WorkingCalendar"),
        .target(name: "VietnameseIdentity", dependencies: ["WorkingCalendar"], path: "Libraries/VietnameseIdentity"),
        .target(name: "NotificationText", dependencies: ["Contracts", "WorkingCalendar"], path: "Libraries/NotificationText"),
        .target(name: "Contracts", path: "Libraries/Contracts"),
        .target(name: "CSV", path: "Libraries/CSV"),
        .target(name: "Tariff", path: "Libraries/Tariff"),
        .target(name: "ServiceAreas", dependencies: ["Contracts", "ServiceKit"], path: "Libraries/ServiceAreas"),
        .target(
            name: "StaffAuth",
            dependencies: ["ServiceKit", "VietnameseIdentity", .product(name: "JWTKit", package: "jwt-kit"), hummingbird],
            path: "Libraries/StaffAuth"
        ),
        .systemLibrary(
            name: "CLDAP",
            path: "Libraries/CLDAP",
            pkgConfig: "ldap",
            providers: [.apt(["libldap-dev"])]
        ),
        .target(
            name: "StaffDirectory",
            dependencies: ["CLDAP", "ServiceKit", "StaffAuth", .product(name: "NIOPosix", package: "swift-nio")],
            path: "Libraries/StaffDirectory"
        ),
        .target(
            name: "StaffTokenIssuing",
            dependencies: ["ServiceKit", "StaffAuth", .product(name: "JWTKit", package: "jwt-kit")],
            path: "Libraries/StaffTokenIssuing"
        ),
        .target(
            name: "WebPages", dependencies: ["Contracts", "ServiceKit", "StaffAuth", "VietnameseIdentity", "WorkingCalendar", hummingbird, mustache],
            path: "Libraries/WebPages"
        ),
        .target(
            name: "PersonalData",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            path: "Libraries/PersonalData"
        ),
        .systemLibrary(
            name: "CCurl",
            path: "Libraries/CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "CCurlShim", dependencies: ["CCurl"], path: "Libraries/CCurlShim"),
        .target(
            name: "Attachments",
            dependencies: ["PersonalData", "VietnameseIdentity", "ServiceKit", hummingbird,
                           .product(name: "MultipartKit", package: "multipart-kit"), .product(name: "NIOCore", package: "swift-nio")],
            path: "Libraries/Attachments"
        ),
        .target(name: "Mail", dependencies: ["CCurl", "CCurlShim"], path: "Libraries/Mail"),

        // Tools and benchmarks.
        .target(name: "BenchmarkSupport", path: "Benchmarks/BenchmarkSupport"),
        .target(
            name: "OperatorCommands",
            dependencies: ["ServiceKit", "StaffAuth", "StaffTokenIssuing", "Intake", "CRM", "Metering", "Households", "Outage", "Notification",
                           "SignIn", argumentParser],
            path: "Tools/OperatorCommands"
        ),
        .executableTarget(name: "EVNCtl", dependencies: ["OperatorCommands"], path: "Tools/evnctl"),
        // The container image's one executable: every service's command line and evnctl's,
        // chosen by the name it is called as (Dockerfile).
        .executableTarget(
            name: "EVNPlatform",
            dependencies: ["Intake", "CRM", "Metering", "Households", "Outage", "Notification", "SignIn", "OperatorCommands", argumentParser],
            path: "Tools/evn-platform"
        ),
        .executableTarget(
            name: "MessagingBenchmark",
            dependencies: ["Messaging", "ServiceKit", "CAMQPShim", "BenchmarkSupport", grdb, logging, serviceLifecycle, argumentParser],
            path: "Benchmarks/MessagingBenchmark"
        ),
        .executableTarget(
            name: "HouseholdsBenchmark",
            dependencies: [
                "Households", "BenchmarkSupport", "CSV", "PersonalData", "StaffAuth", "VietnameseIdentity", "WorkingCalendar",
                grdb, logging, argumentParser,
            ],
            path: "Benchmarks/HouseholdsBenchmark"
        ),
        .executableTarget(
            name: "FlowBenchmark",
            dependencies: ["FlowDriver", "TestSupport", "BenchmarkSupport", "Messaging", "Contracts", grdb, logging, argumentParser],
            path: "Benchmarks/FlowBenchmark"
        ),

        .executableTarget(
            name: "StormBenchmark",
            dependencies: ["FlowDriver", "TestSupport", "BenchmarkSupport", "StaffAuth", grdb, argumentParser],
            path: "Benchmarks/StormBenchmark"
        ),

        // Test support and the libraries' tests.
        .target(
            name: "TestSupport",
            dependencies: [
                "Messaging", "Contracts", "ServiceKit", "StaffAuth", "StaffTokenIssuing", "PersonalData",
                prometheus, hummingbird, grdb, logging, serviceLifecycle,
            ],
            path: "Tests/TestSupport"
        ),
        .target(
            name: "FlowDriver",
            dependencies: [
                "TestSupport", "ServiceKit", "StaffAuth", "StaffTokenIssuing", "Messaging", asyncHTTPClient, logging,
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/FlowDriver"
        ),
        .testTarget(
            name: "MessagingTests", dependencies: ["Messaging", "Contracts", "TestSupport", "ServiceKit", "PersonalData", grdb],
            path: "Tests/MessagingTests"
        ),
        .testTarget(
            name: "ServiceKitTests",
            dependencies: [
                "ServiceKit", "TestSupport", "PersonalData",
                hummingbirdTesting, grdb, hummingbird, logging, metrics, prometheus, serviceLifecycle,
            ],
            path: "Tests/ServiceKitTests"
        ),
        .testTarget(
            name: "StaffAuthTests",
            dependencies: ["StaffAuth", "StaffTokenIssuing", "ServiceKit", hummingbird, hummingbirdTesting,
                           .product(name: "JWTKit", package: "jwt-kit"), .product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/StaffAuthTests"
        ),
        .testTarget(
            name: "StaffDirectoryTests",
            dependencies: ["StaffDirectory", "ServiceKit", "StaffAuth", "TestSupport", .product(name: "NIOPosix", package: "swift-nio")],
            path: "Tests/StaffDirectoryTests"
        ),
        .testTarget(name: "BenchmarkSupportTests", dependencies: ["BenchmarkSupport"], path: "Tests/BenchmarkSupportTests"),
        .testTarget(name: "PersonalDataTests", dependencies: ["PersonalData"], path: "Tests/PersonalDataTests"),
        .testTarget(name: "AttachmentsTests", dependencies: ["Attachments", "TestSupport", "ServiceKit", "VietnameseIdentity", .product(name: "NIOCore", package: "swift-nio")],
                    path: "Tests/AttachmentsTests"),
        .testTarget(
            name: "WorkingCalendarTests", dependencies: ["WorkingCalendar", "TestSupport", logging, prometheus],
            path: "Tests/WorkingCalendarTests"
        ),
        .testTarget(
            name: "NotificationTextTests", dependencies: ["NotificationText", "Contracts"], path: "Tests/NotificationTextTests"),
        .testTarget(name: "TariffTests", dependencies: ["Tariff"], path: "Tests/TariffTests"),
        .testTarget(name: "CSVTests", dependencies: ["CSV"], path: "Tests/CSVTests"),
        .testTarget(
            name: "WebPagesTests",
            dependencies: ["WebPages", "ServiceKit", "StaffAuth", "StaffTokenIssuing", "TestSupport", hummingbird,
                           hummingbirdTesting],
            path: "Tests/WebPagesTests"
        ),
        .testTarget(name: "ContractsTests", dependencies: ["Contracts"], path: "Tests/ContractsTests"),
        .testTarget(name: "MailTests", dependencies: ["Mail", "Attachments", "CCurl", "TestSupport"], path: "Tests/MailTests"),
        .testTarget(name: "VietnameseIdentityTests", dependencies: ["VietnameseIdentity"], path: "Tests/VietnameseIdentityTests"),
        .testTarget(
            name: "StaffRoutesTests",
            dependencies: [
                "Intake", "CRM", "Metering", "Households", "Outage", "Notification", "ServiceKit", "Messaging",
                "StaffAuth", "StaffTokenIssuing", "Contracts", "ServiceAreas", "Tariff", "WorkingCalendar", "TestSupport",
                grdb, hummingbird, hummingbirdTesting, logging, prometheus,
            ],
            path: "Tests/StaffRoutesTests"
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["FlowDriver", "TestSupport", "ServiceKit", "StaffAuth", "StaffTokenIssuing", "WorkingCalendar", grdb],
            path: "Tests/IntegrationTests"
        ),
    ] + services.flatMap(\.targets)
)
