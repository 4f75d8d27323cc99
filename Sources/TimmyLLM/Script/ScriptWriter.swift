import Foundation
import TimmyCore

/// Where a project's script came from, and why, when it is not the model's.
public struct ScriptDraft: Sendable, Equatable {
    public enum Source: String, Sendable, Codable {
        case llm, template
    }

    public let script: DirectorScript
    public let source: Source
    /// Why the template was used: the model's failure, in words for the project's record.
    public let note: String?
}

/// Writes a Director's script with the language model: asks for JSON that follows the script's
/// schema, validates it, and gives one repair round with the error. When the model fails, or
/// still sends no valid script, the template's script is used and the draft says why.
/// Not yet called by a Director: the Creative Director calls it when it plans a project.
public struct ScriptWriter: Sendable {
    let model: any LanguageModel
    /// Records each model call (purpose `script`).
    let record: @Sendable (ModelCallReport) async -> Void

    public init(model: any LanguageModel, record: @escaping @Sendable (ModelCallReport) async -> Void) {
        self.model = model
        self.record = record
    }

    public func write(_ prompt: String, template: @Sendable () -> DirectorScript) async -> ScriptDraft {
        var messages: [ChatMessage] = [
            .system(
                """
                You write scripts for short music videos. Answer with one JSON object and nothing else, following this \
                JSON schema: \(DirectorScript.schema.jsonText). Shots last 1 to 30 seconds; each lyric line has the second \
                it is sung at, in order, within the film's length (the sum of the shots' seconds).
                """),
            .user(prompt),
        ]
        var problem: ScriptError?
        for step in 1...2 {
            let (result, report) = await model.timedCall(messages, tools: [], purpose: "script", step: step)
            await record(report)
            switch result {
            case .failure(let error):
                return ScriptDraft(script: template(), source: .template, note: "the template was used: \(ScriptError.model(error))")
            case .success(let reply):
                do throws(ScriptError) {
                    return ScriptDraft(script: try Self.script(in: reply.content), source: .llm, note: nil)
                } catch {
                    problem = error
                    messages.append(.assistant(reply.content))
                    messages.append(.user("That script is not valid: \(error). Send the corrected JSON object only."))
                }
            }
        }
        let reason = problem.map { "\($0)" } ?? "no script"
        return ScriptDraft(script: template(), source: .template, note: "the template was used: the model's script was invalid: \(reason)")
    }

    /// The script in a reply: its outermost JSON object, fences and words around it ignored.
    static func script(in text: String) throws(ScriptError) -> DirectorScript {
        guard let start = text.firstIndex(of: "{"), let end = text.lastIndex(of: "}"), start < end,
            let value = JSONValue.parse(String(text[start...end]))
        else { throw .notJSON(text) }
        return try DirectorScript.validated(value)
    }
}
