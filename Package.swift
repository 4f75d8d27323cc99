// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let asyncHTTPClient = Target.Dependency.product(name: "AsyncHTTPClient", package: "async-http-client")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let httpTypes = Target.Dependency.product(name: "HTTPTypes", package: "swift-http-types")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let hummingbirdCore = Target.Dependency.product(name: "HummingbirdCore", package: "hummingbird")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let mustache = Target.Dependency.product(name: "Mustache", package: "swift-mustache")
let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioHTTP1 = Target.Dependency.product(name: "NIOHTTP1", package: "swift-nio")
let nioHTTPTypes = Target.Dependency.product(name: "NIOHTTPTypes", package: "swift-nio-extras")
let serviceLifecycle = Target.Dependency.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let subprocess = Target.Dependency.product(name: "Subprocess", package: "swift-subprocess")
let tomlKit = Target.Dependency.product(name: "TOMLKit", package: "TOMLKit")
let yams = Target.Dependency.product(name: "Yams", package: "Yams")

let package = Package(
    name: "timmy",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "timmy", targets: ["timmy"]),
        .executable(name: "timmy-bench", targets: ["timmy-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // Settings, personas, the tool protocol: no I/O beyond reading settings.
        .target(name: "TimmyCore", dependencies: [tomlKit], swiftSettings: swiftSettings),
        // The service contract: the protocol the CLI, the web layer and the runtime speak, and its values.
        .target(name: "TimmyAPI", dependencies: ["TimmyCore", "TimmyCreativeBackend"], swiftSettings: swiftSettings),
        // SQLite through GRDB: schema, migrations, records, queries, the event bus.
        .target(name: "TimmyStore", dependencies: ["TimmyCore", grdb], swiftSettings: swiftSettings),
        // The one runner for external programs: argument vectors, timeouts, output caps.
        .target(
            name: "TimmyProcess", dependencies: [subprocess], swiftSettings: swiftSettings),
        // The workspace file tools and path confinement.
        .target(name: "TimmyFileTools", dependencies: ["TimmyCore"], swiftSettings: swiftSettings),
        // The git tools: the git CLI driven with argument vectors, confined to the repository roots.
        .target(name: "TimmyGit", dependencies: ["TimmyCore", "TimmyProcess", "TimmyFileTools"], swiftSettings: swiftSettings),
        // What a creative backend is given and reports: the backend protocol, its requests, and the
        // genre, language and video catalogs the tools and every backend share.
        .target(name: "TimmyCreativeBackend", dependencies: ["TimmyCore"], swiftSettings: swiftSettings),
        // The system zlib (Debian's zlib1g-dev), for the sketch's PNG compression and chunk checksums.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // The built-in sketch backend: procedural pictures, arrangements and camera moves. Compiled
        // optimized in debug builds too: its pixel and sample loops are some twenty times slower without.
        .target(
            name: "TimmySketch", dependencies: ["TimmyCore", "TimmyCreativeBackend", "TimmyProcess", "CZlib"],
            swiftSettings: swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // The model worker backend: the Python worker (worker/) supervised as a child process or reached at
        // worker_url, spoken to over its HTTP protocol (docs/worker-protocol.md).
        .target(
            name: "TimmyWorker", dependencies: ["TimmyCore", "TimmyCreativeBackend", "TimmyProcess", asyncHTTPClient],
            swiftSettings: swiftSettings),
        // Image, music and video tools: validation, files and sidecars, and the choice of backend.
        .target(
            name: "TimmyCreative", dependencies: ["TimmyCore", "TimmyFileTools", "TimmyCreativeBackend", "TimmySketch", "TimmyWorker"],
            swiftSettings: swiftSettings),
        // The assembler: an edit (clips, cross-fades, music, cards, captions, a delivery preset) made into one MP4
        // by one FFmpeg filter graph, and the tools that run it.
        .target(
            name: "TimmyAssembler", dependencies: ["TimmyCore", "TimmyProcess", "TimmyFileTools", "TimmySketch", "TimmyCreative"],
            swiftSettings: swiftSettings),
        // The language-model clients (Ollama, OpenAI-compatible), the tool-calling loop and the script writer.
        .target(name: "TimmyLLM", dependencies: ["TimmyCore", asyncHTTPClient, nioCore, nioHTTP1], swiftSettings: swiftSettings),
        // The Creative Director: projects, their steps, scripts (template, model, file), resume and re-render.
        // It runs tools through a `StepRunner` that the swarm implements with its job queue.
        .target(
            name: "TimmyDirector",
            dependencies: ["TimmyAPI", "TimmyCore", "TimmyStore", "TimmyLLM", "TimmyCreativeBackend", "TimmyAssembler", "TimmyProcess", yams],
            swiftSettings: swiftSettings),
        // Learner, predictions, advisories, memories.
        .target(name: "TimmySpark", dependencies: ["TimmyCore", "TimmyStore", logging], swiftSettings: swiftSettings),
        // Planner, auctions, agents, executor, the runtime and the service API.
        .target(
            name: "TimmySwarm",
            dependencies: [
                "TimmyAPI", "TimmyCore", "TimmyStore", "TimmySpark", "TimmyFileTools", "TimmyGit", "TimmyCreative", "TimmyAssembler", "TimmyLLM",
                "TimmyDirector",
                grdb, logging,
            ],
            swiftSettings: swiftSettings),
        // The HTTP server: the dashboard (Mustache templates, CSS, one script), the JSON API and the live event stream.
        .target(
            name: "TimmyWeb",
            dependencies: [
                "TimmyAPI", "TimmyCore", "TimmyCreative", "TimmyGit", "TimmyProcess", "TimmySpark", "TimmySwarm", hummingbird, hummingbirdCore,
                httpTypes,
                logging,
                mustache, nioCore,
                nioHTTPTypes, serviceLifecycle,
            ],
            resources: [.copy("Resources")], swiftSettings: swiftSettings),
        .executableTarget(
            name: "timmy",
            dependencies: ["TimmyAPI", "TimmyCore", "TimmySpark", "TimmySwarm", "TimmyWeb", "TimmyWorker", argumentParser, hummingbird, logging],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "timmy-bench",
            dependencies: [
                "TimmyAPI", "TimmyAssembler", "TimmyCore", "TimmyCreative", "TimmyCreativeBackend", "TimmyGit", "TimmyProcess", "TimmySketch",
                "TimmyStore",
                "TimmySwarm",
                "TimmyWeb",
                "TimmyWorker", argumentParser, grdb,
                logging, serviceLifecycle,
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "TimmyTestSupport",
            dependencies: [
                "TimmyAPI", "TimmyCore", "TimmyStore", "TimmySwarm", "TimmyWeb", hummingbird, httpTypes, logging, nioCore, serviceLifecycle,
            ],
            path: "Tests/TimmyTestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "TimmyTests",
            dependencies: [
                "TimmyAPI", "TimmyAssembler", "TimmyCore", "TimmyCreative", "TimmyDirector", "TimmyFileTools", "TimmyGit", "TimmyLLM", "TimmyProcess",
                "TimmySpark",
                "TimmyStore",
                "TimmySwarm", "TimmyTestSupport", "TimmyWeb", "TimmyWorker", "timmy", grdb, hummingbird, httpTypes,
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "TimmySketchTests", dependencies: ["TimmySketch", "TimmyTestSupport"], swiftSettings: swiftSettings),
    ]
)
