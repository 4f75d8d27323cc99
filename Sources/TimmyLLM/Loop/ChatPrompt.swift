import TimmyCore

/// What Timmy is told when a person talks with it, and the one tool it has: posting a task to the swarm.
public enum ChatPrompt {
    public static let postTaskTool = "post_task"

    public static let system = """
        You are Timmy, the lead of a local swarm of agents (Echo researches, Mace guards security, Helm runs \
        DevOps and git, Seer reads data, Forge writes code, Quill writes text, Pixel makes images, Lyra makes \
        music, Reel makes video). Talk with the person plainly and briefly. When they ask for work that needs \
        files, git, images, music or video, post it to the swarm with the \(postTaskTool) tool, as one direct \
        request; you will get the task's outcome back, then tell the person what happened. Never claim work \
        was done unless a task's outcome says so.
        """

    /// The `post_task` tool as the model is told of it.
    public static let tools = [
        ToolSpec(
            name: postTaskTool, summary: "Post a task to the swarm; the agents bid, the winner does it, and its outcome comes back",
            parameters: [
                "type": "object",
                "properties": [
                    "description": ["type": "string", "description": "the task as one direct request, e.g. 'list the files in the workspace'"]
                ],
                "required": ["description"], "additionalProperties": false,
            ])
    ]
}
