import Foundation
import TimmyAPI
import TimmyCore

/// One line saying what an event recorded, in words: the same line on every page and in the live stream.
enum EventSummary {
    static func text(_ event: EventView) -> String {
        let data = event.data
        switch SparkEventType(rawValue: event.type) {
        case .taskPosted:
            return "posted “\(Format.clip(data["description"]?.stringValue ?? "", 120))”"
        case .bidSubmitted:
            let keywords = data["matched_keywords"]?.arrayValue?.compactMap(\.stringValue) ?? []
            var text = "bid \(Format.sats(data["sats"]?.intValue ?? 0))"
            text += keywords.isEmpty ? ", no keyword match" : ", matched \(keywords.joined(separator: ", "))"
            if let factor = data["learner_factor"]?.doubleValue, factor != 1 { text += ", learner \(Format.factor(factor))" }
            return text
        case .taskAssigned:
            let others = (data["bids"]?.intValue ?? 1) - 1
            return "won the auction at \(Format.sats(data["sats"]?.intValue ?? 0)) against \(others) other bid\(others == 1 ? "" : "s")"
        case .taskStarted:
            return "started work"
        case .toolExecuted:
            let tool = data["tool"]?.stringValue ?? "a tool"
            let outcome = data["success"]?.boolValue == true ? "ok" : "failed"
            let duration = data["duration_ms"]?.doubleValue.map { " in \(Format.milliseconds($0))" } ?? ""
            return "\(tool) \(outcome)\(duration): \(Format.clip(data["summary"]?.stringValue ?? "", 160))"
        case .taskCompleted:
            return "completed, earning \(Format.sats(data["sats"]?.intValue ?? 0))"
        case .taskFailed:
            return "failed: \(Format.clip(data["reason"]?.stringValue ?? "no reason recorded", 160))"
        case .jobProgress:
            let tool = data["tool"]?.stringValue ?? "a"
            let status = data["status"]?.stringValue ?? "updated"
            let percent = status == "running" ? data["progress"]?.doubleValue.map { " \(Int(($0 * 100).rounded()))%" } ?? "" : ""
            let message = data["message"]?.stringValue.flatMap { $0.isEmpty ? nil : ": \(Format.clip($0, 120))" } ?? ""
            return "\(tool) job \(status)\(percent)\(message)"
        case .modelCall:
            let model = data["model"]?.stringValue ?? "the model"
            let duration = data["duration_ms"]?.doubleValue.map { " in \(Format.milliseconds($0))" } ?? ""
            guard data["success"]?.boolValue == true else {
                return "\(model) failed\(duration): \(Format.clip(data["error"]?.stringValue ?? "no reason recorded", 160))"
            }
            let tokens = "\(data["prompt_tokens"]?.intValue ?? 0) + \(data["completion_tokens"]?.intValue ?? 0) tokens"
            let calls = data["tool_calls"]?.arrayValue?.compactMap(\.stringValue) ?? []
            return "\(model) answered\(duration), \(tokens)" + (calls.isEmpty ? "" : ", calling \(calls.joined(separator: ", "))")
        case .creativeStep, nil:
            return data["summary"]?.stringValue ?? data["step"]?.stringValue ?? event.type.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// The event type as a short label: "tool executed".
    static func label(_ type: String) -> String { type.replacingOccurrences(of: "_", with: " ") }
}
