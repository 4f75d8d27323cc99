import ArgumentParser
import Foundation
import TimmyCore
import TimmyCreativeBackend
import TimmyWorker

/// The worker's cost per call: the tiny FLUX.2 Klein pipeline through the whole worker path
/// (WorkerBackend → HTTP → SSE progress → PNG fetched) against the same pipeline called directly
/// in Python (`python -m timmy_worker.direct`), in the same run. The small size gives the fixed
/// overhead in ms; the large one, where inference takes a second or more, gives the ratio.
struct WorkerBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Time a worker call against the same tiny pipeline called directly in Python.")

    @Option(help: "Calls timed at each size, after one warm-up.") var runs = 5
    @Option(help: "Side of the small image, for the fixed overhead.") var small = 64
    @Option(help: "Side of the large image, where inference takes a second or more.") var large = 1024
    @Option(help: "Denoising steps of each call.") var steps = 4

    func run() async throws {
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var settings = try Settings.load(baseDirectory: base)
        let python = try WorkerInstallation.python(settings)
        let tiny = try Self.output(python, ["-m", "timmy_worker.tiny", base.appendingPathComponent("worker/.cache/tiny-models").path])
        guard let line = tiny.split(separator: "\n").first(where: { $0.hasPrefix("image\t") }) else {
            throw ValidationError("the tiny models were not written: \(tiny)")
        }
        let model = String(line.dropFirst("image\t".count))
        try settings.set(Setting.fluxModelID, text: model, source: .flag("bench"))
        let supervisor = WorkerSupervisor()
        defer { Task { await supervisor.stop() } }
        let backend = WorkerBackend(settings: settings, supervisor: supervisor)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("timmy-bench-worker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        BenchReport.heading("worker: tiny FLUX.2 Klein, \(steps) steps, median of \(runs) calls (worker vs direct in Python)")
        if let warning = BenchReport.buildWarning { print(warning) }
        let direct = try DirectPipeline(python: python, model: model)
        defer { direct.stop() }
        var medians: [Int: (worker: Double, direct: Double)] = [:]
        for size in [small, large] {
            var directTimes: [Double] = []
            var workerTimes: [Double] = []
            // Calls alternate, so that both sides see the same machine; the first of each warms caches.
            for index in 0...runs {
                let baseline = try direct.call(size: size, steps: steps, seed: index)
                let request = ImageRequest(prompt: "a lighthouse at dusk", negativePrompt: nil, width: size, height: size, steps: steps, seed: index)
                let (_, seconds) = try await BenchReport.time {
                    try await backend.image(request, to: folder.appendingPathComponent("\(size)-\(index).png"), progress: .ignored)
                }
                if index > 0 {
                    directTimes.append(baseline)
                    workerTimes.append(seconds)
                }
            }
            let pair = (worker: Self.median(workerTimes), direct: Self.median(directTimes))
            medians[size] = pair
            BenchReport.line("\(size)×\(size) direct (Python)", String(format: "%.3f s", pair.direct))
            BenchReport.line("\(size)×\(size) through the worker", String(format: "%.3f s", pair.worker))
        }
        if let smallPair = medians[small], let largePair = medians[large] {
            BenchReport.line("fixed overhead per call (\(small)×\(small))", String(format: "%.1f ms", (smallPair.worker - smallPair.direct) * 1000))
            BenchReport.line(
                "ratio at \(large)×\(large)",
                String(
                    format: "%.3f× (overhead %.1f %%, aim ≤ 3 %%)", largePair.worker / largePair.direct,
                    (largePair.worker / largePair.direct - 1) * 100))
        }
    }

    private static func output(_ program: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("\(program.path) \(arguments.joined(separator: " ")) failed") }
        return String(decoding: data, as: UTF8.self)
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// `python -m timmy_worker.direct`: the pipeline loaded once, called one line at a time.
final class DirectPipeline {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init(python: URL, model: String) throws {
        process.executableURL = python
        process.arguments = ["-m", "timmy_worker.direct", "--model", model]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        _ = try readLine()
    }

    /// Seconds one direct call took, as the Python side timed it.
    func call(size: Int, steps: Int, seed: Int) throws -> Double {
        input.fileHandleForWriting.write(Data("{\"size\": \(size), \"steps\": \(steps), \"seed\": \(seed)}\n".utf8))
        guard let seconds = JSONValue.parse(try readLine())?["seconds"]?.doubleValue else { throw ValidationError("the direct run gave no time") }
        return seconds
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    private func readLine() throws -> String {
        var bytes = Data()
        while true {
            let chunk = output.fileHandleForReading.readData(ofLength: 1)
            if chunk.isEmpty { throw ValidationError("the direct run ended early") }
            if chunk.first == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(chunk)
        }
    }
}
