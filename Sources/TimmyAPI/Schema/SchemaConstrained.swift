import TimmyCore
import TimmyCreativeBackend

/// A request type whose properties take less than their Swift types say: the keywords of each
/// constrained property (`minLength`, `pattern`, `enum`), merged into its schema, so the document
/// states what the server accepts.
public protocol SchemaConstrained {
    static var propertyConstraints: [String: [String: JSONValue]] { get }
}

extension PostTaskRequest: SchemaConstrained {
    public static var propertyConstraints: [String: [String: JSONValue]] {
        ["description": ControlCharacters.textSchema(maxLength: TaskDescriptionRule.maxCharacters)]
    }
}

extension ChatRequest: SchemaConstrained {
    public static var propertyConstraints: [String: [String: JSONValue]] {
        ["message": ControlCharacters.textSchema(maxLength: ChatInputRule.maxCharacters), "conversation": ChatInputRule.conversationSchema]
    }
}

extension ToolRunRequest: SchemaConstrained {
    public static var propertyConstraints: [String: [String: JSONValue]] { ["persona": PersonaCatalog.idSchema] }
}

extension CreateProjectRequest: SchemaConstrained {
    public static var propertyConstraints: [String: [String: JSONValue]] {
        [
            "prompt": ControlCharacters.textSchema(maxLength: ProjectRules.maxPrompt),
            "title": ControlCharacters.textSchema(maxLength: ProjectRules.maxTitle),
            "duration": ["minimum": .double(ProjectRules.durations.lowerBound), "maximum": .double(ProjectRules.durations.upperBound)],
            "genre": enumeration(Genre.names), "style": enumeration(VideoStyle.names), "resolution": enumeration(VideoResolution.names),
            "backend": enumeration(ProjectRules.backends), "pauseAfter": enumeration(ProjectRules.pauses), "seed": seedSchema,
        ]
    }
}

extension RerunSceneRequest: SchemaConstrained {
    public static var propertyConstraints: [String: [String: JSONValue]] {
        ["scene": sceneNumberSchema, "seed": seedSchema, "description": ControlCharacters.textSchema(maxLength: ProjectRules.maxSceneDescription)]
    }
}

extension SceneEdit: SchemaConstrained {
    public static var propertyConstraints: [String: [String: JSONValue]] {
        ["scene": sceneNumberSchema, "description": ControlCharacters.textSchema(maxLength: ProjectRules.maxSceneDescription)]
    }
}

extension EditProjectRequest: SchemaConstrained {
    public static var propertyConstraints: [String: [String: JSONValue]] {
        ["scenes": ["maxItems": .int(ProjectRules.maxScenes)], "lyrics": ["maxItems": .int(ProjectRules.maxLyricLines)]]
    }
}

extension LyricLineValue: SchemaConstrained {
    public static var propertyConstraints: [String: [String: JSONValue]] {
        [
            "time": ["minimum": 0], "text": ControlCharacters.textSchema(maxLength: ProjectRules.maxLyricText),
            "section": enumeration(ProjectRules.lyricSections),
        ]
    }
}

/// The keywords of a string that must be one of `names`.
private func enumeration(_ names: [String]) -> [String: JSONValue] { ["enum": .array(names.map(JSONValue.string))] }

/// A scene number: 1 to the most a script holds (the project's own script may hold fewer).
private let sceneNumberSchema: [String: JSONValue] = ["minimum": 1, "maximum": .int(ProjectRules.maxScenes)]

/// A seed, as the Director takes it.
private let seedSchema: [String: JSONValue] = ["minimum": .int(ProjectRules.seeds.lowerBound), "maximum": .int(ProjectRules.seeds.upperBound)]
