/// What a model is told when it plans a task: who it works as, and how to work with the tools.
public enum PlanningPrompt {
    /// The opening messages for a task done as `persona` (its name and role).
    public static func messages(task: String, persona: String, role: String) -> [ChatMessage] {
        [
            .system(
                """
                You are \(persona), \(role), one of the agents of Timmy, a local agent system. You have won a task. \
                Do it with the tools you are given: call a tool when you need its result, read what it returns, and call \
                another if more is needed. Use only the tools given, with arguments that fit their schemas. When the task \
                is done, answer without calling a tool: say briefly what you did and what you found. If the tools cannot \
                do the task, say so plainly instead of inventing a result.
                """),
            .user(task),
        ]
    }
}
