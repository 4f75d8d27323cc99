import Foundation

/// Something a persona can do for real: read files, run git, make an image.
public protocol Tool: Sendable {
    /// The arguments it takes, declared once.
    associatedtype Input: ToolInput
    /// Unique snake_case name, e.g. `list_files`.
    var name: String { get }
    /// The family it belongs to (`files`, `git`, `creative`), for grouping in catalogs.
    var family: String { get }
    /// One line saying what it does.
    var summary: String { get }
    /// Persona ids allowed to call it.
    var allowedPersonas: Set<String> { get }
    /// Runs the tool on checked, decoded arguments.
    func run(_ input: Input, context: ToolContext) async throws -> ToolResult
}

extension Tool {
    /// The parameters its `Input` declares.
    public var parameters: [ToolParameter] { Input.parameters }

    /// Its `Input`'s fields, for a command line.
    public var inputFields: [InputField] { Input.fields }

    /// Checks raw arguments against its `Input`, throwing what is wrong with them.
    public func check(_ raw: [String: JSONValue]) throws(ToolError) { _ = try Input.decode(raw, tool: name) }

    /// Raw arguments checked and decoded as its `Input`.
    func decode(_ raw: [String: JSONValue]) throws(ToolError) -> any ToolInput { try Input.decode(raw, tool: name) }

    /// The input of checked arguments: decoded when they were checked, or again if they were checked for another tool.
    public func input(_ arguments: ToolArguments) throws(ToolError) -> Input {
        if let input = arguments.input as? Input { return input }
        return try Input.decode(arguments.values, tool: name)
    }

    /// Runs the tool on checked arguments.
    public func run(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolResult {
        try await run(try input(arguments), context: context)
    }
}

/// What a tool may know about the call it serves.
public struct ToolContext: Sendable {
    public let persona: String
    public let taskID: String?
    public let settings: Settings
    /// Where long work reports how far it is; throws when the call was cancelled meanwhile.
    public let progress: ToolProgress
    /// A scratch folder owned by this call (a queued job's), removed by the caller afterwards; nil for a temporary one.
    public let workDirectory: URL?

    public init(persona: String, taskID: String?, settings: Settings, progress: ToolProgress = .ignored, workDirectory: URL? = nil) {
        self.persona = persona
        self.taskID = taskID
        self.settings = settings
        self.progress = progress
        self.workDirectory = workDirectory
    }
}

/// The outcome of a successful tool call.
public struct ToolResult: Sendable, Codable, Equatable {
    /// One line for timelines and logs.
    public let summary: String
    /// The full human-readable output (a listing, file contents, a diff).
    public let text: String
    /// Structured output for the API.
    public let data: JSONValue
    /// The files the call produced, each to be recorded as an asset.
    public let assets: [ProducedAsset]

    public init(summary: String, text: String, data: JSONValue = .null, assets: [ProducedAsset] = []) {
        self.summary = summary
        self.text = text
        self.data = data
        self.assets = assets
    }
}
