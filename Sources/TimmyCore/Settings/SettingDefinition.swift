import Foundation

/// One configurable key: its name, type, default and the rule its value must follow.
public struct SettingDefinition: Sendable {
    public let key: String
    public let kind: SettingKind
    public let defaultValue: SettingValue
    public let summary: String
    /// Hidden from `timmy config` output (tokens).
    public let secret: Bool
    let check: @Sendable (SettingValue) -> String?

    init(
        _ key: String, _ kind: SettingKind, _ defaultValue: SettingValue, _ summary: String, secret: Bool = false,
        check: @escaping @Sendable (SettingValue) -> String? = { _ in nil }
    ) {
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
        self.secret = secret
        self.check = check
    }

    /// The environment variable that overrides this key.
    public var environmentName: String { "TIMMY_" + key.uppercased() }
}

extension SettingDefinition {
    static func oneOf(_ allowed: [String]) -> @Sendable (SettingValue) -> String? {
        { value in
            allowed.contains(value.description) ? nil : "must be one of \(allowed.joined(separator: ", "))"
        }
    }

    static func range(_ range: ClosedRange<Double>) -> @Sendable (SettingValue) -> String? {
        { value in
            let number: Double? =
                switch value {
                case .integer(let int): Double(int)
                case .number(let double): double
                default: nil
                }
            guard let number, range.contains(number) else {
                return "must be between \(SettingValue.number(range.lowerBound)) and \(SettingValue.number(range.upperBound))"
            }
            return nil
        }
    }

    static let nonEmpty: @Sendable (SettingValue) -> String? = { value in
        value.description.isEmpty ? "must not be empty" : nil
    }

    /// Every key Timmy understands, in the order `timmy config` prints them.
    public static let all: [SettingDefinition] = [
        .init("host", .string, .string("127.0.0.1"), "address the server listens on", check: nonEmpty),
        .init("port", .integer, .integer(8000), "port the server listens on", check: range(1...65535)),
        .init("data_dir", .path, .string("data"), "where the store and media live", check: nonEmpty),
        .init("workspace_dir", .path, .string("."), "the folder the file tools may read and write", check: nonEmpty),
        .init("git_default_repo_dir", .path, .string("~/repos"), "where repositories are cloned and named", check: nonEmpty),
        .init("repo_roots", .string, .string(""), "comma-separated folders the git tools may use besides git_default_repo_dir"),
        .init("auction_window_seconds", .number, .number(2), "longest time an auction stays open", check: range(0.01...60)),
        .init("seed", .string, .string(""), "seed for bid jitter; empty draws a fresh one each run"),
        .init("auth_token", .string, .string(""), "token required when listening beyond loopback", secret: true),
        .init("ollama_url", .string, .string("http://localhost:11434"), "Ollama server for the LLM planner"),
        .init("ollama_model", .string, .string("llama3.2"), "model the LLM planner asks"),
        .init("spark_enabled", .boolean, .boolean(true), "predictions, advisories and memories"),
        .init("creative_backend", .string, .string("auto"), "creative backend: auto, worker or sketch", check: oneOf(["auto", "worker", "sketch"])),
        .init("worker_url", .string, .string(""), "creative worker URL; empty spawns one locally"),
        .init("flux_model_id", .string, .string("black-forest-labs/FLUX.2-klein-4b"), "image model of the worker"),
        .init("image_output_dir", .path, .string("data/images"), "where images are written", check: nonEmpty),
        .init("image_default_steps", .integer, .integer(4), "default diffusion steps for images", check: range(1...100)),
        .init("music_output_dir", .path, .string("data/music"), "where music is written", check: nonEmpty),
        .init("ace_step_model", .string, .string("ace-step/ACE-Step-v1.5"), "music model of the worker"),
        .init("video_output_dir", .path, .string("data/video"), "where video is written", check: nonEmpty),
        .init("wan_model_id", .string, .string("Wan-AI/Wan2.1-T2V-1.3B"), "video model of the worker"),
        .init("video_default_resolution", .string, .string("480p"), "default clip resolution", check: oneOf(["480p", "720p"])),
        .init("creative_output_dir", .path, .string("data/creative"), "where Creative Director projects live", check: nonEmpty),
        .init("video_transition_duration", .number, .number(1.0), "seconds of each cross-fade", check: range(0...10)),
        .init("default_video_codec", .string, .string("libx264"), "FFmpeg video encoder", check: nonEmpty),
        .init(
            "sketch_concurrency", .integer, .integer(ProcessInfo.processInfo.activeProcessorCount), "sketch-backend jobs run at once (one per core)",
            check: range(1...64)),
        .init("worker_concurrency", .integer, .integer(1), "worker-backend jobs run at once", check: range(1...16)),
    ]

    static let byKey: [String: SettingDefinition] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })
}
