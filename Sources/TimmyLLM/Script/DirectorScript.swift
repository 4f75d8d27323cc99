import Foundation
import TimmyCore

/// A creative project's script as the Director takes it: a title, scenes made of shots, lyrics with
/// the second each line is sung at, and the closing credits. `validated` checks it against its
/// schema, for the model's answers and the user's script files alike; `json` writes it back.
public struct DirectorScript: Sendable, Equatable {
    public struct Shot: Sendable, Equatable {
        public let description: String
        public let seconds: Double

        public init(description: String, seconds: Double) {
            self.description = description
            self.seconds = seconds
        }
    }

    public struct Scene: Sendable, Equatable {
        public let title: String
        public let description: String
        public let shots: [Shot]

        public init(title: String, description: String, shots: [Shot]) {
            self.title = title
            self.description = description
            self.shots = shots
        }
    }

    public struct Line: Sendable, Equatable {
        /// Seconds from the start of the song.
        public let time: Double
        public let text: String
        /// The part of the song it belongs to (`verse`, `chorus`, `bridge`), when the script says.
        public let section: String?

        public init(time: Double, text: String, section: String? = nil) {
            self.time = time
            self.text = text
            self.section = section
        }
    }

    /// The parts of a song a lyric line may name.
    public static let sections = ProjectRules.lyricSections

    public let title: String
    public let scenes: [Scene]
    public let lyrics: [Line]
    /// The closing card's words; nil leaves them to the Director.
    public let credits: String?

    public init(title: String, scenes: [Scene], lyrics: [Line], credits: String? = nil) {
        self.title = title
        self.scenes = scenes
        self.lyrics = lyrics
        self.credits = credits
    }

    /// The script with some scenes' descriptions, the lyrics, the title or the credits replaced.
    public func replacing(
        descriptions: [Int: String] = [:], lyrics newLyrics: [Line]? = nil, title newTitle: String? = nil, credits newCredits: String? = nil
    ) -> DirectorScript {
        let scenes = scenes.enumerated().map { index, scene in
            descriptions[index].map { Scene(title: scene.title, description: $0, shots: scene.shots) } ?? scene
        }
        return DirectorScript(title: newTitle ?? title, scenes: scenes, lyrics: newLyrics ?? lyrics, credits: newCredits ?? credits)
    }

    /// The script as JSON, as `validated` reads it.
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "title": .string(title),
            "scenes": .array(
                scenes.map { scene in
                    [
                        "title": .string(scene.title), "description": .string(scene.description),
                        "shots": .array(scene.shots.map { ["description": .string($0.description), "seconds": .double($0.seconds)] }),
                    ]
                }),
            "lyrics": .array(
                lyrics.map { line in
                    var entry: [String: JSONValue] = ["time": .double(line.time), "text": .string(line.text)]
                    if let section = line.section { entry["section"] = .string(section) }
                    return .object(entry)
                }),
        ]
        if let credits { object["credits"] = .string(credits) }
        return .object(object)
    }

    /// The length of the film: every shot's seconds.
    public var seconds: Double { scenes.flatMap(\.shots).reduce(0) { $0 + $1.seconds } }

    /// The JSON schema the model is asked to follow, and `validated` holds it to.
    public static let schema: JSONValue = [
        "type": "object", "required": ["title", "scenes", "lyrics"], "additionalProperties": false,
        "properties": [
            "title": ["type": "string", "minLength": 1, "maxLength": .int(ProjectRules.maxTitle)],
            "scenes": [
                "type": "array", "minItems": 1, "maxItems": .int(ProjectRules.maxScenes),
                "items": [
                    "type": "object", "required": ["title", "description", "shots"],
                    "properties": [
                        "title": ["type": "string", "minLength": 1, "maxLength": .int(ProjectRules.maxTitle)],
                        "description": ["type": "string", "minLength": 1, "maxLength": .int(ProjectRules.maxSceneDescription)],
                        "shots": [
                            "type": "array", "minItems": 1, "maxItems": .int(ProjectRules.maxShotsPerScene),
                            "items": [
                                "type": "object", "required": ["description", "seconds"],
                                "properties": [
                                    "description": ["type": "string", "minLength": 1, "maxLength": .int(ProjectRules.maxShotDescription)],
                                    "seconds": [
                                        "type": "number", "minimum": .double(ProjectRules.shotSeconds.lowerBound),
                                        "maximum": .double(ProjectRules.shotSeconds.upperBound),
                                    ],
                                ],
                            ],
                        ],
                    ],
                ],
            ],
            "lyrics": [
                "type": "array", "maxItems": .int(ProjectRules.maxLyricLines),
                "items": [
                    "type": "object", "required": ["time", "text"],
                    "properties": [
                        "time": ["type": "number", "minimum": 0],
                        "text": ["type": "string", "minLength": 1, "maxLength": .int(ProjectRules.maxLyricText)],
                        "section": ["type": "string", "enum": .array(sections.map(JSONValue.string))],
                    ],
                ],
            ],
            "credits": ["type": "string", "minLength": 1, "maxLength": .int(ProjectRules.maxCredits)],
        ],
    ]

    /// The script a JSON value describes, or the first way it breaks the schema, naming the field.
    public static func validated(_ value: JSONValue) throws(ScriptError) -> DirectorScript {
        guard case .object(let object) = value else { throw .invalid(field: "script", reason: "must be a JSON object") }
        for key in object.keys.sorted() where !["title", "scenes", "lyrics", "credits"].contains(key) {
            throw .invalid(field: key, reason: "is not a field of a script (title, scenes, lyrics, credits)")
        }
        let title = try text(object["title"], "title", limit: ProjectRules.maxTitle)
        guard let sceneValues = object["scenes"]?.arrayValue, (1...ProjectRules.maxScenes).contains(sceneValues.count) else {
            throw .invalid(field: "scenes", reason: "must be an array of 1 to \(ProjectRules.maxScenes) scenes")
        }
        var scenes: [Scene] = []
        for (index, scene) in sceneValues.enumerated() {
            let field = "scenes[\(index)]"
            guard let shotValues = scene["shots"]?.arrayValue, (1...ProjectRules.maxShotsPerScene).contains(shotValues.count) else {
                throw .invalid(field: "\(field).shots", reason: "must be an array of 1 to \(ProjectRules.maxShotsPerScene) shots")
            }
            var shots: [Shot] = []
            for (number, shot) in shotValues.enumerated() {
                let shotField = "\(field).shots[\(number)]"
                guard let seconds = shot["seconds"]?.doubleValue, ProjectRules.shotSeconds.contains(seconds) else {
                    throw .invalid(field: "\(shotField).seconds", reason: "must be a number of seconds from 1 to 30")
                }
                let description = try text(shot["description"], "\(shotField).description", limit: ProjectRules.maxShotDescription)
                shots.append(Shot(description: description, seconds: seconds))
            }
            scenes.append(
                Scene(
                    title: try text(scene["title"], "\(field).title", limit: ProjectRules.maxTitle),
                    description: try text(scene["description"], "\(field).description", limit: ProjectRules.maxSceneDescription), shots: shots))
        }
        guard let lineValues = object["lyrics"]?.arrayValue, lineValues.count <= ProjectRules.maxLyricLines else {
            throw .invalid(field: "lyrics", reason: "must be an array of at most \(ProjectRules.maxLyricLines) lines")
        }
        let total = scenes.flatMap(\.shots).reduce(0) { $0 + $1.seconds }
        var lyrics: [Line] = []
        for (index, line) in lineValues.enumerated() {
            let field = "lyrics[\(index)]"
            guard let time = line["time"]?.doubleValue, time >= 0, time < total else {
                throw .invalid(field: "\(field).time", reason: "must be a second from 0 to the film's length (\(total.formatted()) s)")
            }
            if let previous = lyrics.last, time <= previous.time {
                throw .invalid(field: "\(field).time", reason: "must come after the line before (\(previous.time.formatted()) s)")
            }
            let section = line["section"]
            if let section, !(section.stringValue.map(sections.contains) ?? false) {
                throw .invalid(field: "\(field).section", reason: "must be one of \(sections.joined(separator: ", "))")
            }
            lyrics.append(
                Line(time: time, text: try text(line["text"], "\(field).text", limit: ProjectRules.maxLyricText), section: section?.stringValue))
        }
        var credits: String?
        if let value = object["credits"] { credits = try text(value, "credits", limit: ProjectRules.maxCredits) }
        return DirectorScript(title: title, scenes: scenes, lyrics: lyrics, credits: credits)
    }

    private static func text(_ value: JSONValue?, _ field: String, limit: Int) throws(ScriptError) -> String {
        guard let text = value?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty, text.count <= limit else {
            throw .invalid(field: field, reason: "must be text of 1 to \(limit) characters")
        }
        if let problem = ControlCharacters.problem(in: text) { throw .invalid(field: field, reason: problem) }
        return text
    }
}

/// Why a script could not be had from the model.
public enum ScriptError: Error, Equatable, CustomStringConvertible {
    case invalid(field: String, reason: String)
    case notJSON(String)
    case model(LLMError)

    public var description: String {
        switch self {
        case .invalid(let field, let reason): "\(field) \(reason)"
        case .notJSON(let text): "the answer holds no JSON object: \(text.prefix(200))"
        case .model(let error): error.description
        }
    }
}
