/// One vertical of tools, read top to bottom in its own target: the tools with the commands that
/// run them, and the planner rules and words that lead to them. Adding a tool is its file plus its
/// `CommandSpec` line in the family's group.
public struct ToolFamily: Sendable {
    /// The family's name (`files`, `git`, `creative`), as each of its tools gives it.
    public let name: String
    /// The family's tools, in the order of their commands.
    public var tools: [any Tool] { commands.commands.map(\.tool) }
    /// The deterministic planner's patterns for requests this family's tools answer.
    public let rules: [PlanRule]
    /// Words in a request that point at one of the tools ("commit" → `git_commit`).
    public let keywords: [(phrase: String, tool: String)]
    /// How the family appears on the command line.
    public let commands: CommandGroup
    /// What Spark reads from the recorded calls of the family's tools.
    public let patterns: [any CallPattern]

    public init(
        name: String, commands: CommandGroup, rules: [PlanRule], keywords: [(phrase: String, tool: String)], patterns: [any CallPattern] = []
    ) {
        self.name = name
        self.patterns = patterns
        self.rules = rules
        self.keywords = keywords
        self.commands = commands
    }
}

/// A family's commands: under a group command (`timmy git log`) or at the top level (`timmy image`).
public struct CommandGroup: Sendable {
    /// The group's command name; nil puts the commands at the top level.
    public let name: String?
    public let abstract: String
    public let discussion: String
    public let commands: [CommandSpec]

    public init(name: String?, abstract: String, discussion: String = "", commands: [CommandSpec]) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.commands = commands
    }
}

/// One command: the tool it runs, the persona it runs as unless told otherwise, and examples.
/// Its options come from the tool's `Input`.
public struct CommandSpec: Sendable {
    public let name: String
    public let tool: any Tool
    public let persona: String
    /// The group inside the family's group it sits in (`pr` of `timmy git pr create`), if any.
    public let subgroup: CommandSubgroup?
    /// Whole command lines after the program name, each a working example (tests parse them).
    public let examples: [String]

    public init(_ name: String, _ tool: any Tool, persona: String, under subgroup: CommandSubgroup? = nil, examples: [String] = []) {
        self.name = name
        self.tool = tool
        self.persona = persona
        self.subgroup = subgroup
        self.examples = examples
    }
}

/// A group of commands inside a family's group: `timmy git pr create|list|…`.
public struct CommandSubgroup: Sendable, Equatable {
    public let name: String
    public let abstract: String

    public init(_ name: String, abstract: String) {
        self.name = name
        self.abstract = abstract
    }
}
