import TimmyAPI
import TimmyCore

/// `/tools`: every tool by family with its parameters and allowed personas, and how each agent has used it.
struct ToolsPage {
    struct Parameter {
        let name: String
        /// "integer, default 500", "string, required", "string, one of a, b".
        let details: String
        let summary: String

        /// The parameters of a JSON schema object, required ones first.
        static func list(_ schema: JSONValue) -> [Parameter] {
            guard case .object(let properties)? = schema["properties"] else { return [] }
            let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            let names = properties.keys.sorted { required.contains($0) == required.contains($1) ? $0 < $1 : required.contains($0) }
            return names.map { name in
                let property = properties[name] ?? .null
                var details = [property["type"]?.stringValue ?? "any"]
                if required.contains(name) { details.append("required") }
                if let value = property["default"] { details.append("default \(value.jsonText)") }
                if let allowed = property["enum"]?.arrayValue?.compactMap(\.stringValue) {
                    details.append("one of \(allowed.joined(separator: ", "))")
                }
                return Parameter(name: name, details: details.joined(separator: ", "), summary: property["description"]?.stringValue ?? "")
            }
        }
    }

    struct Figures {
        let who: String
        let calls: Int
        let successRate: String
        let median: String
        let p95: String

        init(_ who: String, _ figures: UsageFigures) {
            self.who = who
            calls = figures.calls
            successRate = Format.percent(figures.successRate)
            median = Format.milliseconds(figures.medianMs)
            p95 = Format.milliseconds(figures.p95Ms)
        }
    }

    struct Tool {
        let name: String
        let summary: String
        let parameters: [Parameter]
        let personas: [String]
        /// All agents first, then each agent; empty when the tool has never been called.
        let usage: [Figures]
        let hasUsage: Bool

        init(_ tool: ToolView, usage: ToolUsage?) {
            name = tool.name
            summary = tool.summary
            parameters = Parameter.list(tool.parameters)
            personas = tool.personas.map(Format.name)
            self.usage = usage.map { [Figures("all agents", $0.total)] + $0.agents.map { Figures(Format.name(of: $0.agent), $0.figures) } } ?? []
            hasUsage = usage != nil
        }
    }

    struct Family {
        let name: String
        let tools: [Tool]
    }

    let families: [Family]

    init(_ service: any TimmyService) async throws {
        let usage = Dictionary(uniqueKeysWithValues: try await service.toolUsage().tools.map { ($0.tool, $0) })
        families = Dictionary(grouping: try await service.tools(persona: nil), by: \.family).sorted { $0.key < $1.key }.map { family, tools in
            Family(name: family, tools: tools.sorted { $0.name < $1.name }.map { Tool($0, usage: usage[$0.name]) })
        }
    }
}
