import TimmyCore

/// The workspace file tools, confined to `workspace_dir`.
public enum FileTools {
    /// Every tool of the family, in catalog order.
    public static var all: [any Tool] { family.tools }

    /// The files family: its tools, plan rules, keywords and `timmy files` commands.
    public static let family = ToolFamily(name: "files", commands: commands, rules: planRules, keywords: keywords)

    static let keywords: [(phrase: String, tool: String)] = [
        ("list", ListFilesTool().name), ("files", ListFilesTool().name), ("ls", ListFilesTool().name), ("read", ReadFileTool().name),
        ("cat", ReadFileTool().name), ("open", ReadFileTool().name), ("contents", ReadFileTool().name), ("search", SearchFilesTool().name),
        ("grep", SearchFilesTool().name), ("find", SearchFilesTool().name), ("write", WriteFileTool().name), ("save", WriteFileTool().name),
    ]

    static let commands = CommandGroup(
        name: "files", abstract: "List, read, search and write the files of workspace_dir.",
        discussion: "Paths are relative to workspace_dir and cannot leave it. Each command is recorded as a tool call.",
        commands: [
            CommandSpec("list", ListFilesTool(), persona: "timmy", examples: ["files list", "files list Sources --recursive"]),
            CommandSpec("read", ReadFileTool(), persona: "timmy", examples: ["files read README.md --max-bytes 4096"]),
            CommandSpec("search", SearchFilesTool(), persona: "echo", examples: ["files search TODO Sources --case-sensitive"]),
            CommandSpec(
                "write", WriteFileTool(), persona: "quill",
                examples: ["files write notes.txt --content \"hello\"", "files write notes.txt --content-file draft.txt --append"]),
        ])
}
