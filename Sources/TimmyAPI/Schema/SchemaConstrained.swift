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
        let described: [String: [String: JSONValue]] = [
            "prompt": ControlCharacters.textSchema(maxLength: ProjectRules.maxPrompt),
            "title": ControlCharacters.textSchema(maxLength: ProjectRules.maxTitle),
            "duration": ["minimum": .double(ProjectRules.durations.lowerBound), "maximum": .double(ProjectRules.durations.upperBound)],
            "genre": enumeration(Genre.names), "style": enumeration(VideoStyle.names), "resolution": enumeration(VideoResolution.names),
            "backend": enumeration(ProjectRules.backends), "pauseAfter": enumeration(ProjectRules.pauses), "seed": seedSchema,
        ]
        return described.merging(CreateProjectRequest.descriptions.mapValues { ["description": .string($0)] }) { $0.merging($1) { old, _ in old } }
    }
}

extension CreateProjectRequest {
    /// A doc line per field, for the API document and the Director's form.
    static let descriptions = [
        "prompt": "what the video is about, in words",
        "title": "the title card's text (default: made from the prompt)",
        "duration": "seconds of finished video (default: the length the prompt names, else 180)",
        "genre": "the music's genre (default: the one the prompt names, else pop)",
        "style": "the look and camera (default cinematic)",
        "resolution": "480p is 854×480, 720p is 1280×720 (default: video_default_resolution)",
        "backend": "what makes the media (default: creative_backend)",
        "pauseAfter": "wait for approval after this step, to edit the script or re-roll a frame first",
        "seed": "the seed that repeats the project (drawn at random when absent)",
        "script": "a script to use instead of writing one: JSON or YAML, as docs/creative.md shows",
        "scriptName": "the script file's name, for error messages",
    ]
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
        [
            "scenes": ["maxItems": .int(ProjectRules.maxScenes)], "lyrics": ["maxItems": .int(ProjectRules.maxLyricLines)],
            "title": ControlCharacters.textSchema(maxLength: ProjectRules.maxTitle),
            "credits": ControlCharacters.textSchema(maxLength: ProjectRules.maxCredits),
        ]
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
