import Foundation
import TimmyCore
import TimmyStore

/// What the Creative Director's records show, read from the recorded rows only (tool calls and
/// projects), each finding silent below the minimum sample and always giving its sample size:
/// a storyboard's time per frame against a single image's, how often projects of a genre
/// complete, and a clip's time per second of video at each resolution.
enum DirectorPatterns {
    static func advisories(calls: [ToolCallRecord], projects: [(genre: String, status: ProjectStatus)], minimum: Int) -> [Advisory] {
        storyboardFrames(calls, minimum: minimum) + completion(projects, minimum: minimum) + clipSeconds(calls, minimum: minimum)
    }

    /// Milliseconds per frame of successful storyboard calls (their scenes) against single images.
    static func storyboardFrames(_ calls: [ToolCallRecord], minimum: Int) -> [Advisory] {
        let boards = calls.filter { $0.success && $0.tool == "generate_storyboard" }.compactMap { call -> Double? in
            guard let frames = call.arguments["scenes"]?.arrayValue?.count, frames > 0 else { return nil }
            return call.durationMs / Double(frames)
        }
        let images = calls.filter { $0.success && $0.tool == "generate_image" }.map(\.durationMs)
        guard boards.count >= minimum, images.count >= minimum, let board = Statistics.median(boards), let image = Statistics.median(images) else {
            return []
        }
        let text = String(
            format: "A storyboard frame takes %@ at the median against %@ for a single image (%d storyboard calls, %d image calls).",
            Statistics.milliseconds(board), Statistics.milliseconds(image), boards.count, images.count)
        return [
            Advisory(
                kind: .pattern, subject: "generate_storyboard vs generate_image", text: text,
                figures: [
                    "storyboard_ms_per_frame": board, "image_ms": image, "storyboard_calls": Double(boards.count),
                    "image_calls": Double(images.count),
                ],
                sampleSize: boards.count + images.count)
        ]
    }

    /// The share of finished projects (completed, failed or interrupted) that completed, per genre.
    static func completion(_ projects: [(genre: String, status: ProjectStatus)], minimum: Int) -> [Advisory] {
        let finished = projects.filter { [.completed, .failed, .interrupted].contains($0.status) }
        let byGenre = Dictionary(grouping: finished, by: \.genre)
        return byGenre.keys.sorted().compactMap { genre in
            let all = byGenre[genre]!
            guard all.count >= minimum else { return nil }
            let completed = all.filter { $0.status == .completed }.count
            let percent = Int((Double(completed) / Double(all.count) * 100).rounded())
            return Advisory(
                kind: .pattern, subject: "projects: \(genre)",
                text: "\(genre) music videos complete \(percent)% of the time (\(completed) of \(all.count) projects).",
                figures: ["completion_percent": Double(percent), "completed": Double(completed)], sampleSize: all.count)
        }
    }

    /// Seconds of work per second of video of successful `image_to_video` calls, per resolution.
    static func clipSeconds(_ calls: [ToolCallRecord], minimum: Int) -> [Advisory] {
        var rates: [String: [Double]] = [:]
        for call in calls where call.success && call.tool == "image_to_video" {
            guard let seconds = call.arguments["duration"]?.doubleValue, seconds > 0 else { continue }
            rates[call.arguments["resolution"]?.stringValue ?? "default", default: []].append(call.durationMs / 1000 / seconds)
        }
        let measured = rates.filter { $0.value.count >= minimum }.compactMapValues { values in Statistics.median(values).map { (values.count, $0) } }
        return measured.keys.sorted().map { resolution in
            let (count, rate) = measured[resolution]!
            var text = String(format: "At %@ a clip takes %.2f s per second of video at the median (%d clips)", resolution, rate, count)
            var figures = ["seconds_per_video_second": rate]
            if let other = measured.keys.sorted().first(where: { $0 != resolution }), let (otherCount, otherRate) = measured[other] {
                text += String(format: ", against %.2f s at %@ (%d clips)", otherRate, other, otherCount)
                figures["other_seconds_per_video_second"] = otherRate
            }
            return Advisory(kind: .pattern, subject: "image_to_video at \(resolution)", text: text + ".", figures: figures, sampleSize: count)
        }
    }
}
