import Foundation
import TimmyCore

/// A creative project's script as the Director takes it: a title, scenes made of shots, and lyrics
/// with the second each line is sung at. `validated` checks it against its schema.
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

        public init(time: Double, text: String) {
            self.time = time
            self.text = text
        }
    }

    public let title: String
    public let scenes: [Scene]
    public let lyrics: [Line]

    public init(title: String, scenes: [Scene], lyrics: [Line]) {
        self.title = title
        self.scenes = scenes
        self.lyrics = lyrics
    }

    /// The length of the film: every shot's seconds.
    public var seconds: Double { scenes.flatMap(\.shots).reduce(0) { $0 + $1.seconds } }

    /// The JSON schema the model is asked to follow, and `validated` holds it to.
    public static let schema: JSONValue = [
        "type": "object", "required": ["title", "scenes", "lyrics"], "additionalProperties": false,
        "properties": [
            "title": ["type": "string", "minLength": 1, "maxLength": 120],
            "scenes": [
                "type": "array", "minItems": 1, "maxItems": 12,
                "items": [
                    "type": "object", "required": ["title", "description", "shots"],
                    "properties": [
                        "title": ["type": "string", "minLength": 1, "maxLength": 120],
                        "description": ["type": "string", "minLength": 1, "maxLength": 1000],
                        "shots": [
                            "type": "array", "minItems": 1, "maxItems": 6,
                            "items": [
                                "type": "object", "required": ["description", "seconds"],
                                "properties": [
                                    "description": ["type": "string", "minLength": 1, "maxLength": 500],
                                    "seconds": ["type": "number", "minimum": 1, "maximum": 30],
                                ],
                            ],
                        ],
                    ],
                ],
            ],
            "lyrics": [
                "type": "array", "maxItems": 200,
                "items": [
                    "type": "object", "required": ["time", "text"],
                    "properties": ["time": ["type": "number", "minimum": 0], "text": ["type": "string", "minLength": 1, "maxLength": 200]],
                ],
            ],
        ],
    ]

    /// The script a JSON value describes, or the first way it breaks the schema, naming the field.
    public static func validated(_ value: JSONValue) throws(ScriptError) -> DirectorScript {
        guard case .object(let object) = value else { throw .invalid(field: "script", reason: "must be a JSON object") }
        for key in object.keys where !["title", "scenes", "lyrics"].contains(key) { throw .invalid(field: key, reason: "is not a field of a script") }
        let title = try text(object["title"], "title", limit: 120)
        guard let sceneValues = object["scenes"]?.arrayValue, (1...12).contains(sceneValues.count) else {
            throw .invalid(field: "scenes", reason: "must be an array of 1 to 12 scenes")
        }
        var scenes: [Scene] = []
        for (index, scene) in sceneValues.enumerated() {
            let field = "scenes[\(index)]"
            guard let shotValues = scene["shots"]?.arrayValue, (1...6).contains(shotValues.count) else {
                throw .invalid(field: "\(field).shots", reason: "must be an array of 1 to 6 shots")
            }
            var shots: [Shot] = []
            for (number, shot) in shotValues.enumerated() {
                let shotField = "\(field).shots[\(number)]"
                guard let seconds = shot["seconds"]?.doubleValue, (1...30).contains(seconds) else {
                    throw .invalid(field: "\(shotField).seconds", reason: "must be a number of seconds from 1 to 30")
                }
                shots.append(Shot(description: try text(shot["description"], "\(shotField).description", limit: 500), seconds: seconds))
            }
            scenes.append(
                Scene(
                    title: try text(scene["title"], "\(field).title", limit: 120),
                    description: try text(scene["description"], "\(field).description", limit: 1000), shots: shots))
        }
        guard let lineValues = object["lyrics"]?.arrayValue, lineValues.count <= 200 else {
            throw .invalid(field: "lyrics", reason: "must be an array of at most 200 lines")
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
            lyrics.append(Line(time: time, text: try text(line["text"], "\(field).text", limit: 200)))
        }
        return DirectorScript(title: title, scenes: scenes, lyrics: lyrics)
    }

    private static func text(_ value: JSONValue?, _ field: String, limit: Int) throws(ScriptError) -> String {
        guard let text = value?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty, text.count <= limit else {
            throw .invalid(field: field, reason: "must be text of 1 to \(limit) characters")
        }
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
