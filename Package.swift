// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "timmy",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "timmy", targets: ["timmy"]),
        .executable(name: "timmy-bench", targets: ["timmy-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
    ],
    targets: [
        .target(name: "TimmyCore", swiftSettings: swiftSettings),
        .target(
            name: "TimmyStore",
            dependencies: ["TimmyCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TimmyProcess",
            dependencies: [.product(name: "Subprocess", package: "swift-subprocess")],
            swiftSettings: swiftSettings
        ),
        .target(name: "TimmyFileTools", dependencies: ["TimmyCore"], swiftSettings: swiftSettings),
        .target(name: "TimmySpark", dependencies: ["TimmyCore", "TimmyStore"], swiftSettings: swiftSettings),
        .target(
            name: "TimmySwarm",
            dependencies: ["TimmyCore", "TimmyStore", "TimmySpark", "TimmyFileTools", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TimmyWeb",
            dependencies: ["TimmySwarm", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "timmy",
            dependencies: ["TimmyWeb", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "timmy-bench",
            dependencies: ["TimmyWeb", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        .target(name: "TimmyTestSupport", dependencies: ["TimmyWeb", .product(name: "Hummingbird", package: "hummingbird")], path: "Tests/TimmyTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "TimmyTests", dependencies: ["TimmyTestSupport"], swiftSettings: swiftSettings),
    ]
)
