import ArgumentParser
import Foundation
import TimmyCore
import TimmyStore
import TimmySwarm

/// Each creative tool on the sketch backend at the sizes the acceptance names, timed end to end
/// through the job queue (submit → done), each against its aim on a two-core machine.
struct CreativeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "creative", abstract: "Time each sketch-backend creative tool against its aim.")

    @Option(help: "Keep the files made in this folder (default: a temporary folder, removed).")
    var keep: String?

    /// A tool call to time and the time it should take at most. Aims marked derived are not in the
    /// acceptance; they scale its figures (a second an image, a sixth of the audio's length).
    struct Case {
        let label: String
        let tool: String
        let persona: String
        let arguments: [String: JSONValue]
        let aim: Double
        let derived: Bool
    }

    static let lyrics = """
        [verse]
        Streetlights on the water, the city holds its breath
        I walk the empty harbour with the words I never said
        [chorus]
        Oh the rain, the rain, it carries me
        Down the silver river to the sea
        """

    static let cases: [Case] = [
        Case(
            label: "image 1024×1024", tool: "generate_image", persona: "pixel", arguments: ["prompt": "a sunrise over mountains", "seed": 1], aim: 1,
            derived: false),
        Case(
            label: "storyboard 4 × 1024×576 + sheet", tool: "generate_storyboard", persona: "pixel",
            arguments: ["scenes": ["a harbour at dawn", "boats leave at noon", "a storm over the sea", "the harbour at night"], "seed": 1], aim: 5,
            derived: true),
        Case(
            label: "song 120 s with vocals", tool: "generate_song", persona: "lyra", arguments: ["lyrics": .string(lyrics), "seed": 1], aim: 20,
            derived: false),
        Case(
            label: "instrumental 60 s", tool: "generate_instrumental", persona: "lyra", arguments: ["prompt": "rain on a tin roof", "seed": 1],
            aim: 10, derived: true),
        Case(
            label: "vocals 60 s", tool: "generate_vocals", persona: "lyra", arguments: ["lyrics": .string(lyrics), "seed": 1], aim: 10,
            derived: true),
        Case(
            label: "clip 5 s 480p 24 fps", tool: "generate_video_clip", persona: "reel",
            arguments: ["prompt": "clouds over a city at sunset", "seed": 1],
            aim: 5, derived: false),
    ]

    func run() async throws {
        BenchReport.heading("creative: sketch backend, submit → done through the job queue")
        if let warning = BenchReport.buildWarning { print(warning) }
        let folder =
            keep.map { URL(fileURLWithPath: $0).standardizedFileURL }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("timmy-bench-\(UUID().uuidString.prefix(8))")
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
        var settings = Settings(baseDirectory: folder)
        try settings.set("data_dir", text: folder.appendingPathComponent("data").path, source: .flag("bench"))
        let runtime = try await TimmyRuntime.open(settings: settings)
        let running = Task { await runtime.run() }
        var imageID: String?
        for benchCase in Self.cases {
            let (detail, seconds) = try await Self.time(benchCase.tool, benchCase.persona, benchCase.arguments, on: runtime)
            if benchCase.tool == "generate_image" { imageID = detail.assets.first?.id }
            report(benchCase.label, seconds, aim: benchCase.aim, derived: benchCase.derived)
        }
        if let imageID {
            let variations = try await Self.time("image_variations", "pixel", ["image": .string(imageID), "count": 4, "seed": 1], on: runtime)
            report("variations 4 of 1024×1024", variations.seconds, aim: 4, derived: true)
            let animated = try await Self.time("image_to_video", "reel", ["image": .string(imageID), "prompt": "slow zoom in"], on: runtime)
            report("image to video 5 s 480p 24 fps", animated.seconds, aim: 5, derived: true)
        }
        runtime.shutdown()
        await running.value
        if keep != nil { print("files kept in \(folder.path)/data") }
    }

    private func report(_ label: String, _ seconds: Double, aim: Double, derived: Bool) {
        BenchReport.line(
            label, String(format: "%7.2f s   aim %5.1f s%@   %5.2f× of the aim", seconds, aim, derived ? " (derived)" : "", seconds / aim))
    }

    private static func time(
        _ tool: String, _ persona: String, _ arguments: [String: JSONValue], on runtime: TimmyRuntime
    ) async throws -> (
        detail: JobDetail, seconds: Double
    ) {
        let (detail, seconds) = try await BenchReport.time {
            let response = try await runtime.runTool(tool, persona: persona, arguments: arguments)
            guard let job = response.job else { throw ValidationError("\(tool) did not start a job") }
            _ = try await runtime.jobs.wait(for: job.job.id)
            return try await runtime.job(job.job.id)
        }
        guard detail.job.status == .done else { throw ValidationError("\(tool) \(detail.job.status.rawValue): \(detail.job.error ?? "")") }
        return (detail, seconds)
    }
}
