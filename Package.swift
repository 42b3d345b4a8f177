// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "evn-customer-service",
    platforms: [.macOS(.v14)],
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
        .executable(name: "evnctl", targets: ["EVNCtl"]),
        .executable(name: "intake", targets: ["IntakeExecutable"]),
        .executable(name: "crm", targets: ["CRMExecutable"]),
        .executable(name: "metering", targets: ["MeteringExecutable"]),
        .executable(name: "households", targets: ["HouseholdsExecutable"]),
        .executable(name: "notification", targets: ["NotificationExecutable"]),
        .executable(name: "bench-flow", targets: ["FlowBenchmark"]),
        .executable(name: "bench-messaging", targets: ["MessagingBenchmark"]),
    ],
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
    ],
    targets: [
        .systemLibrary(
            name: "CRabbitMQ",
            path: "Libraries/CRabbitMQ",
            pkgConfig: "librabbitmq",
            providers: [.apt(["librabbitmq-dev"])]
        ),
        .target(name: "CAMQPShim", dependencies: ["CRabbitMQ"], path: "Libraries/CAMQPShim"),
        .target(
            name: "Messaging",
            dependencies: [
                "CAMQPShim",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            path: "Libraries/Messaging"
        ),
        .target(
            name: "ServiceKit",
            dependencies: [
                "Messaging",
                "VietnameseIdentity",
                "PersonalData",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Libraries/ServiceKit"
        ),
        .target(name: "WorkingCalendar", path: "Libraries/WorkingCalendar"),
        .target(name: "VietnameseIdentity", path: "Libraries/VietnameseIdentity"),
        .target(name: "NotificationText", path: "Libraries/NotificationText"),
        .target(name: "Contracts", path: "Libraries/Contracts"),
        .systemLibrary(
            name: "CCurl",
            path: "Libraries/CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "CCurlShim", dependencies: ["CCurl"], path: "Libraries/CCurlShim"),
        .target(name: "Mail", dependencies: ["CCurl", "CCurlShim"], path: "Libraries/Mail"),
        .target(
            name: "Intake",
            dependencies: [
                "ServiceKit",
                "Messaging",
                "Contracts",
                "VietnameseIdentity",
                "PersonalData",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Intake/Library"
        ),
        .executableTarget(
            name: "IntakeExecutable",
            dependencies: ["Intake", "ServiceKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Services/Intake/Executable"
        ),
        .target(
            name: "StaffAuth",
            dependencies: [
                "ServiceKit",
                "VietnameseIdentity",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Libraries/StaffAuth"
        ),
        .target(
            name: "PersonalData",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            path: "Libraries/PersonalData"
        ),
        .target(
            name: "CRM",
            dependencies: [
                "ServiceKit",
                "Messaging",
                "Contracts",
                "StaffAuth",
                "PersonalData",
                "WorkingCalendar",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/CRM/Library"
        ),
        .executableTarget(
            name: "CRMExecutable",
            dependencies: ["CRM", "ServiceKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Services/CRM/Executable"
        ),
        .target(
            name: "Metering",
            dependencies: [
                "ServiceKit",
                "Messaging",
                "Contracts",
                "StaffAuth",
                "VietnameseIdentity",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Metering/Library"
        ),
        .executableTarget(
            name: "MeteringExecutable",
            dependencies: ["Metering", "ServiceKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Services/Metering/Executable"
        ),
        .target(
            name: "Households",
            dependencies: [
                "ServiceKit",
                "Messaging",
                "Contracts",
                "StaffAuth",
                "PersonalData",
                "VietnameseIdentity",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Households/Library"
        ),
        .executableTarget(
            name: "HouseholdsExecutable",
            dependencies: ["Households", "ServiceKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Services/Households/Executable"
        ),
        .target(
            name: "Notification",
            dependencies: [
                "ServiceKit",
                "Messaging",
                "Contracts",
                "PersonalData",
                "Mail",
                "NotificationText",
                "VietnameseIdentity",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Notification/Library"
        ),
        .executableTarget(
            name: "NotificationExecutable",
            dependencies: ["Notification", "ServiceKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Services/Notification/Executable"
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "Messaging",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "MessagingTests", dependencies: ["Messaging", "TestSupport"], path: "Tests/MessagingTests"),
        .testTarget(
            name: "ServiceKitTests",
            dependencies: [
                "ServiceKit",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/ServiceKitTests"
        ),
        .testTarget(
            name: "IntakeTests",
            dependencies: [
                "Intake",
                "TestSupport",
                "ServiceKit",
                "Messaging",
                "Contracts",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Tests/IntakeTests"
        ),
        .testTarget(
            name: "CRMTests",
            dependencies: [
                "CRM",
                "TestSupport",
                "ServiceKit",
                "Messaging",
                "Contracts",
                "StaffAuth",
                "WorkingCalendar",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Tests/CRMTests"
        ),
        .testTarget(
            name: "MeteringTests",
            dependencies: [
                "Metering",
                "TestSupport",
                "ServiceKit",
                "Messaging",
                "Contracts",
                "StaffAuth",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Tests/MeteringTests"
        ),
        .testTarget(
            name: "HouseholdsTests",
            dependencies: [
                "Households",
                "TestSupport",
                "ServiceKit",
                "Messaging",
                "Contracts",
                "StaffAuth",
                "PersonalData",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Tests/HouseholdsTests"
        ),
        .testTarget(
            name: "NotificationTests",
            dependencies: [
                "Notification",
                "TestSupport",
                "ServiceKit",
                "Messaging",
                "Contracts",
                "NotificationText",
                "Mail",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Tests/NotificationTests"
        ),
        .testTarget(name: "StaffAuthTests", dependencies: ["StaffAuth", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird")], path: "Tests/StaffAuthTests"),
        .testTarget(name: "PersonalDataTests", dependencies: ["PersonalData"], path: "Tests/PersonalDataTests"),
        .target(
            name: "FlowDriver",
            dependencies: [
                "TestSupport",
                "StaffAuth",
                "Messaging",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/FlowDriver"
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["FlowDriver", "TestSupport", "StaffAuth"],
            path: "Tests/IntegrationTests"
        ),
        .testTarget(name: "WorkingCalendarTests", dependencies: ["WorkingCalendar"], path: "Tests/WorkingCalendarTests"),
        .testTarget(name: "NotificationTextTests", dependencies: ["NotificationText"], path: "Tests/NotificationTextTests"),
        .testTarget(name: "ContractsTests", dependencies: ["Contracts"], path: "Tests/ContractsTests"),
        .testTarget(name: "MailTests", dependencies: ["Mail", "CCurl"], path: "Tests/MailTests"),
        .testTarget(name: "VietnameseIdentityTests", dependencies: ["VietnameseIdentity"], path: "Tests/VietnameseIdentityTests"),
        .executableTarget(
            name: "EVNCtl",
            dependencies: ["ServiceKit", "StaffAuth", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Tools/evnctl"
        ),
        .executableTarget(
            name: "MessagingBenchmark",
            dependencies: [
                "Messaging",
                "ServiceKit",
                "CAMQPShim",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/MessagingBenchmark"
        ),
        .executableTarget(
            name: "FlowBenchmark",
            dependencies: [
                "FlowDriver",
                "TestSupport",
                "Messaging",
                "Contracts",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/FlowBenchmark"
        ),
    ]
)
