import Foundation
import TimmyAPI
import TimmyCore

/// The Director's script as a form: the title card, each scene's description (its shots shown with
/// their seconds), every lyric line with its time and part, and the credits. Blank rows let lines be
/// added; a line whose text is cleared is removed.
struct ScriptEditor {
    struct Shot {
        let description: String
        let seconds: String
    }

    struct Scene {
        let number: Int
        let title: String
        let field: String
        let description: String
        let shots: [Shot]
    }

    struct Section {
        let value: String
        let selected: Bool
    }

    struct Line {
        let row: Int
        let time: String
        let text: String
        let sections: [Section]
    }

    /// Blank lyric rows offered for new lines.
    static let spareLines = 2

    let action: String
    let title: String
    let credits: String
    let scenes: [Scene]
    let lines: [Line]
    let maxLyricText = ProjectRules.maxLyricText
    let maxDescription = ProjectRules.maxSceneDescription
    let maxTitle = ProjectRules.maxTitle
    let maxCredits = ProjectRules.maxCredits
    /// Why the last edit was refused, naming its field.
    let problem: String?

    init(_ script: JSONValue, action: String, posted: [String: String]?, error: ServiceError?) {
        self.action = action
        problem = error?.description
        title = posted?["title"] ?? script["title"]?.stringValue ?? ""
        credits = posted?["credits"] ?? script["credits"]?.stringValue ?? ""
        scenes = (script["scenes"]?.arrayValue ?? []).enumerated().map { index, scene in
            let field = "scene-\(index + 1)"
            return Scene(
                number: index + 1, title: scene["title"]?.stringValue ?? "", field: field,
                description: posted?[field] ?? scene["description"]?.stringValue ?? "",
                shots: (scene["shots"]?.arrayValue ?? []).map {
                    Shot(description: $0["description"]?.stringValue ?? "", seconds: Format.seconds($0["seconds"]?.doubleValue ?? 0))
                })
        }
        let stored = script["lyrics"]?.arrayValue ?? []
        let rows = posted.map { Self.rowCount($0) } ?? stored.count + Self.spareLines
        lines = (0..<rows).map { row in
            let line = row < stored.count ? stored[row] : nil
            let section = posted?["section-\(row)"] ?? line?["section"]?.stringValue ?? ""
            return Line(
                row: row, time: posted?["time-\(row)"] ?? line?["time"]?.doubleValue.map(Format.seconds) ?? "",
                text: posted?["text-\(row)"] ?? line?["text"]?.stringValue ?? "",
                sections: ([""] + ProjectRules.lyricSections).map { Section(value: $0, selected: $0 == section) })
        }
    }

    /// How many lyric rows a posted form holds.
    private static func rowCount(_ form: [String: String]) -> Int {
        (form.keys.compactMap { $0.hasPrefix("text-") ? Int($0.dropFirst(5)) : nil }.max() ?? -1) + 1
    }

    /// The posted editor as an edit: every scene's description, the lyrics from the rows with text
    /// (sorted by time), the title and the credits. A time that is not a number names its row.
    static func edit(_ form: [String: String]) throws(ServiceError) -> EditProjectRequest {
        let scenes = form.compactMap { name, value -> SceneEdit? in
            guard name.hasPrefix("scene-"), let number = Int(name.dropFirst(6)) else { return nil }
            return SceneEdit(scene: number, description: value)
        }.sorted { $0.scene < $1.scene }
        var lyrics: [LyricLineValue] = []
        for row in 0..<rowCount(form) {
            let text = form["text-\(row)"]?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !text.isEmpty else { continue }
            let entry = form["time-\(row)"]?.trimmingCharacters(in: .whitespaces) ?? ""
            guard let time = Double(entry), time.isFinite, time >= 0 else {
                throw .invalid(
                    field: "lyrics", message: "lyric line \(row + 1)'s time must be a number of seconds, 0 or more, got '\(Format.clip(entry, 20))'")
            }
            let section = form["section-\(row)"].flatMap { $0.isEmpty ? nil : $0 }
            lyrics.append(LyricLineValue(time: time, text: text, section: section))
        }
        lyrics.sort { $0.time < $1.time }
        return EditProjectRequest(scenes: scenes, lyrics: lyrics, title: form["title"], credits: form["credits"].flatMap { $0.isEmpty ? nil : $0 })
    }
}
