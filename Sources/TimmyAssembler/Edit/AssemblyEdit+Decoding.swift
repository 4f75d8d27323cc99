import Foundation
import TimmyCore

extension AssemblyEdit {
    /// Where decoding finds the settings that give the defaults (`video_transition_duration`).
    static let settingsKey = CodingUserInfoKey(rawValue: "timmy.assembly.settings")!

    /// Reads an edit file. Relative clip and music paths are taken from the file's folder; a value
    /// absent from the file takes its default (the transition from `video_transition_duration`).
    public static func load(_ file: URL, settings: Settings) throws(AssemblyError) -> AssemblyEdit {
        let data: Data
        do { data = try Data(contentsOf: file) } catch { throw .unreadable(path: file.path, reason: error.localizedDescription) }
        var edit = try decode(data, settings: settings, path: file.path)
        let folder = file.deletingLastPathComponent()
        func absolute(_ reference: String) -> String {
            let trimmed = reference.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("/") || UUID(uuidString: trimmed) != nil || trimmed.isEmpty { return reference }
            return folder.appendingPathComponent(trimmed).standardizedFileURL.path
        }
        edit.clips = edit.clips.map(absolute)
        edit.music = edit.music.map(absolute)
        return edit
    }

    /// Decodes an edit from JSON; every mistake names its field (`captions[3].end`).
    public static func decode(_ data: Data, settings: Settings, path: String = "the edit") throws(AssemblyError) -> AssemblyEdit {
        let decoder = JSONDecoder()
        decoder.userInfo[settingsKey] = settings
        do {
            return try decoder.decode(AssemblyEdit.self, from: data)
        } catch let error as AssemblyError {
            throw error
        } catch let error as DecodingError {
            throw Self.refusal(error)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    public init(from decoder: any Decoder) throws {
        try Self.refuseUnknownKeys(decoder, known: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let settings = decoder.userInfo[Self.settingsKey] as? Settings ?? Settings(baseDirectory: URL(fileURLWithPath: "/"))
        self.init(
            clips: try container.decode([String].self, forKey: .clips),
            transition: try container.decodeIfPresent(Double.self, forKey: .transition) ?? settings[.videoTransitionDuration],
            music: try container.decodeIfPresent(String.self, forKey: .music),
            audioFade: try container.decodeIfPresent(Double.self, forKey: .audioFade) ?? Defaults.audioFade,
            loudness: try container.decodeIfPresent(Double.self, forKey: .loudness) ?? Defaults.loudness,
            title: try container.decodeIfPresent(Card.self, forKey: .title),
            credits: try container.decodeIfPresent(Card.self, forKey: .credits),
            captions: try container.decodeIfPresent([Caption].self, forKey: .captions) ?? [],
            burnCaptions: try container.decodeIfPresent(Bool.self, forKey: .burnCaptions) ?? true,
            softCaptions: try container.decodeIfPresent([Caption].self, forKey: .softCaptions) ?? [],
            preset: try container.decodeIfPresent(String.self, forKey: .preset) ?? Defaults.preset,
            codec: try container.decodeIfPresent(String.self, forKey: .codec),
            fps: try container.decodeIfPresent(Int.self, forKey: .fps) ?? Defaults.fps,
            clipAudio: try container.decodeIfPresent(Bool.self, forKey: .clipAudio) ?? false)
    }

    /// A key the edit does not know is refused, so a misspelt one (`transtion`) is not silently ignored.
    static func refuseUnknownKeys<Keys: CodingKey & CaseIterable>(_ decoder: any Decoder, known: Keys.Type) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let names = Set(Keys.allCases.map(\.stringValue))
        if let unknown = container.allKeys.first(where: { !names.contains($0.stringValue) }) {
            let field = fieldName(decoder.codingPath + [unknown])
            throw AssemblyError.invalid(field: field, reason: "is not a known field; known fields here: \(names.sorted().joined(separator: ", "))")
        }
    }

    /// `captions[3].end` for the coding path captions → 3 → end.
    static func fieldName(_ path: [any CodingKey]) -> String {
        path.reduce(into: "") { name, key in
            if let index = key.intValue {
                name += "[\(index)]"
            } else {
                name += name.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
    }

    private static func refusal(_ error: DecodingError) -> AssemblyError {
        switch error {
        case .keyNotFound(let key, let context):
            return .invalid(field: fieldName(context.codingPath + [key]), reason: "is required")
        case .typeMismatch(let type, let context):
            return .invalid(field: fieldName(context.codingPath), reason: "must be \(typeName(type))")
        case .valueNotFound(let type, let context):
            return .invalid(field: fieldName(context.codingPath), reason: "must be \(typeName(type)), not null")
        case .dataCorrupted(let context):
            let field = fieldName(context.codingPath)
            let reason = (context.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String ?? context.debugDescription
            return .invalid(field: field.isEmpty ? "edit" : field, reason: field.isEmpty ? "is not valid JSON: \(reason)" : reason)
        @unknown default:
            return .invalid(field: "edit", reason: "\(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Double.Type: "a number"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is [String].Type: "a list of text"
        default: type is any Collection.Type ? "a list" : "an object"
        }
    }

    /// Any key, for listing what an object holds.
    struct AnyKey: CodingKey {
        let stringValue: String
        let intValue: Int? = nil
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension AssemblyEdit.Card {
    public init(from decoder: any Decoder) throws {
        try AssemblyEdit.refuseUnknownKeys(decoder, known: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try container.decode(String.self, forKey: .text), seconds: try container.decode(Double.self, forKey: .seconds))
    }
}

extension AssemblyEdit.Caption {
    public init(from decoder: any Decoder) throws {
        try AssemblyEdit.refuseUnknownKeys(decoder, known: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            start: try container.decode(Double.self, forKey: .start), end: try container.decode(Double.self, forKey: .end),
            text: try container.decode(String.self, forKey: .text))
    }
}

extension AssemblyEdit {
    /// The edit as the text of an edit file, indented, keys sorted: what `load` reads back.
    public var jsonText: String {
        guard let data = try? JSONCoding.prettyEncoder().encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The edit as a JSON value, for sidecars and results.
    public var json: JSONValue { JSONValue.parse(JSONCoding.string(self)) ?? .null }
}
