import ArgumentParser
import Foundation
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm

/// Each creative tool on the sketch backend at the sizes the acceptance names, timed end to end
/// through the job queue (submit → done), against the bare program doing its heaviest part (the
/// baseline, run right after it) and against its aim on a two-core machine.
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
        /// The bare-program floor, given the finished job (some baselines replay its files).
        let baseline: @Sendable (JobDetail) -> CreativeBaseline
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
            derived: false, baseline: { _ in .png(width: 1024, height: 1024, count: 1) }),
        Case(
            label: "storyboard 4 × 1024×576 + sheet", tool: "generate_storyboard", persona: "pixel",
            arguments: ["scenes": ["a harbour at dawn", "boats leave at noon", "a storm over the sea", "the harbour at night"], "seed": 1], aim: 5,
            derived: true, baseline: { _ in .png(width: 1024, height: 576, count: 4) }),
        Case(
            label: "song 120 s with vocals", tool: "generate_song", persona: "lyra", arguments: ["lyrics": .string(lyrics), "seed": 1], aim: 20,
            derived: false, baseline: midi),
        Case(
            label: "instrumental 60 s", tool: "generate_instrumental", persona: "lyra", arguments: ["prompt": "rain on a tin roof", "seed": 1],
            aim: 10, derived: true, baseline: midi),
        Case(
            label: "vocals 60 s", tool: "generate_vocals", persona: "lyra", arguments: ["lyrics": .string(lyrics), "seed": 1], aim: 10,
            derived: true, baseline: { _ in .espeak(text: lyrics) }),
        Case(
            label: "clip 5 s 480p 24 fps", tool: "generate_video_clip", persona: "reel",
            arguments: ["prompt": "clouds over a city at sunset", "seed": 1],
            aim: 5, derived: false, baseline: { _ in .x264(width: 854, height: 480, fps: 24, seconds: 5) }),
    ]

    /// The tools that start from an image: variations of it, and a clip moving over it.
    static func cases(from image: String) -> [Case] {
        [
            Case(
                label: "variations 4 of 1024×1024", tool: "image_variations", persona: "pixel",
                arguments: ["image": .string(image), "count": 4, "seed": 1], aim: 4, derived: true,
                baseline: { _ in .png(width: 1024, height: 1024, count: 4) }),
            Case(
                label: "image to video 5 s 480p 24 fps", tool: "image_to_video", persona: "reel",
                arguments: ["image": .string(image), "prompt": "slow zoom in"], aim: 5, derived: true,
                baseline: { _ in .x264(width: 854, height: 480, fps: 24, seconds: 5) }),
        ]
    }

    /// FluidSynth replaying the arrangement the music tool kept beside its WAV.
    static let midi: @Sendable (JobDetail) -> CreativeBaseline = { detail in
        .fluidsynth(midi: URL(fileURLWithPath: detail.assets.first?.path ?? "").deletingPathExtension().appendingPathExtension("mid"))
    }

    func run() async throws {
        BenchReport.heading("creative: sketch backend, submit → done through the job queue")
        if let warning = BenchReport.buildWarning { print(warning) }
        try await BenchRuntime.with(keep: keep) { bench in
            let (runtime, folder) = (bench.runtime, bench.folder)
            var pending = Self.cases
            var encoding: PNGEncodeBench?
            while !pending.isEmpty {
                let benchCase = pending.removeFirst()
                let (detail, seconds) = try await Self.time(benchCase.tool, benchCase.persona, benchCase.arguments, on: runtime)
                let baseline = benchCase.baseline(detail)
                report(benchCase, seconds, baseline: baseline, baselineSeconds: try await baseline.time(in: folder))
                if benchCase.tool == "generate_image", let image = detail.assets.first {
                    pending += Self.cases(from: image.id)
                    encoding = PNGEncodeBench(image: URL(fileURLWithPath: image.path), width: image.width ?? 1024, height: image.height ?? 1024)
                }
            }
            try await encoding?.run(in: folder)
        }
        print("* an aim derived from the acceptance's figures, not named in it")
    }

    private func report(_ benchCase: Case, _ seconds: Double, baseline: CreativeBaseline, baselineSeconds: Double) {
        let versus = String(format: "%6.2f s  %5.1f× bare %@ (%.2f s)", seconds, seconds / baselineSeconds, baseline.label, baselineSeconds)
        let aim = String(format: "aim %4.1f s%@ %5.2f×", benchCase.aim, benchCase.derived ? "*" : " ", seconds / benchCase.aim)
        BenchReport.line(benchCase.label, versus.padding(toLength: 44, withPad: " ", startingAt: 0) + aim)
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
