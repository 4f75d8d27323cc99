import Foundation
import TimmyAPI
import TimmyCore
import TimmyCreativeBackend

/// A request checked in full: every value known and allowed.
public struct ProjectOptions: Sendable, Equatable {
    public static let defaultDuration = 180.0

    public let prompt: String
    public let title: String?
    public let duration: Double
    public let genre: Genre
    public let style: String
    public let resolution: VideoResolution
    public let backend: String
    public let pauseAfter: String?
    public let seed: Int

    /// Checks every value, naming the first one that is wrong; `settings` give the defaults.
    public static func validated(_ request: CreateProjectRequest, settings: Settings) throws(DirectorError) -> ProjectOptions {
        let prompt = request.prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !prompt.isEmpty else { throw .invalid(field: "prompt", message: "prompt must not be empty: say what the video is about") }
        guard prompt.count <= ProjectRules.maxPrompt else {
            throw .invalid(field: "prompt", message: "prompt must be at most \(ProjectRules.maxPrompt) characters, got \(prompt.count)")
        }
        if let problem = ControlCharacters.problem(in: prompt) { throw .invalid(field: "prompt", message: "prompt \(problem)") }
        let title = request.title?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let title, title.isEmpty || title.count > ProjectRules.maxTitle {
            throw .invalid(field: "title", message: "title must be 1 to \(ProjectRules.maxTitle) characters, got \(title.count)")
        }
        if let title, let problem = ControlCharacters.problem(in: title) { throw .invalid(field: "title", message: "title \(problem)") }
        let duration = request.duration ?? spokenDuration(prompt) ?? defaultDuration
        guard duration.isFinite, ProjectRules.durations.contains(duration) else {
            throw .invalid(field: "duration", message: "duration must be 30 to 900 seconds, got \(duration.formatted())")
        }
        let genreName = request.genre?.lowercased() ?? spokenGenre(prompt) ?? "pop"
        guard let genre = Genre.named(genreName) else {
            throw .invalid(field: "genre", message: "unknown genre '\(genreName)'; genres: \(Genre.names.joined(separator: ", "))")
        }
        let style = request.style?.lowercased() ?? "cinematic"
        guard VideoStyle.names.contains(style) else {
            throw .invalid(field: "style", message: "unknown style '\(style)'; styles: \(VideoStyle.names.joined(separator: ", "))")
        }
        let resolutionName = request.resolution ?? settings[.videoDefaultResolution]
        guard let resolution = VideoResolution.named(resolutionName) else {
            throw .invalid(
                field: "resolution", message: "unknown resolution '\(resolutionName)'; resolutions: \(VideoResolution.names.joined(separator: ", "))")
        }
        let backend = request.backend ?? settings[.creativeBackend]
        guard ProjectRules.backends.contains(backend) else {
            throw .invalid(field: "backend", message: "unknown backend '\(backend)'; backends: \(ProjectRules.backends.joined(separator: ", "))")
        }
        if let pause = request.pauseAfter, !ProjectRules.pauses.contains(pause) {
            throw .invalid(field: "pauseAfter", message: "pause_after must be script or storyboard, got '\(pause)'")
        }
        if let seed = request.seed, !ProjectRules.seeds.contains(seed) {
            throw .invalid(field: "seed", message: "seed must be between 0 and 4294967295, got \(seed)")
        }
        return ProjectOptions(
            prompt: prompt, title: title, duration: duration, genre: genre, style: style, resolution: resolution, backend: backend,
            pauseAfter: request.pauseAfter, seed: request.seed ?? Int.random(in: ProjectRules.seeds))
    }

    /// "a 3-minute video", "90 seconds", "2 minutes long": the length the prompt names, in seconds.
    static func spokenDuration(_ prompt: String) -> Double? {
        guard let match = prompt.lowercased().firstMatch(of: /(\d+(?:\.\d+)?)[\s-]*(minutes?|mins?|seconds?|secs?|s\b)/),
            let number = Double(match.1)
        else { return nil }
        return match.2.hasPrefix("m") ? number * 60 : number
    }

    /// The genre the prompt names before "music", "song" or "video" ("a rock music video"); a rock on a beach is no genre.
    static func spokenGenre(_ prompt: String) -> String? {
        let words = WordMatcher(prompt)
        return Genre.names.sorted { $0.count > $1.count }.first { genre in
            ["music", "song", "video", "track"].contains { words.contains(phrase: "\(genre) \($0)") }
        }
    }
}
