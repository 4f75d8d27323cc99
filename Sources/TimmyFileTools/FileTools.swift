import TimmyCore

/// The workspace file tools, confined to `workspace_dir`.
public enum FileTools {
    public static let all: [any Tool] = [ListFilesTool(), ReadFileTool(), SearchFilesTool(), WriteFileTool()]
}
