import TimmyCore

extension ToolInput {
    /// A revision argument, checked so that git cannot read it as an option; nil when not given.
    func revision(_ field: WritableKeyPath<Self, String?>) throws(GitToolError) -> String? {
        guard let value = self[keyPath: field] else { return nil }
        return try GitNames.revision(value, argument: Self.name(of: field))
    }

    /// A remote name argument (`origin`), checked; nil when not given.
    func remoteName(_ field: WritableKeyPath<Self, String?>) throws(GitToolError) -> String? {
        guard let value = self[keyPath: field] else { return nil }
        return try GitNames.remote(value, argument: Self.name(of: field))
    }
}
