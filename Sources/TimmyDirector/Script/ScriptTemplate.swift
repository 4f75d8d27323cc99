import Foundation
import TimmyCore
import TimmyCreativeBackend
import TimmyLLM

/// The script that always works: made from the prompt's subject, the genre's mood and the style's
/// camera, with no model. A day's arc in twelve beats (night, first light, sunrise, morning, day,
/// dusk, night again), as many of them as the length calls for (one per 15 s, three to twelve),
/// each scene cut into shots of at most eight seconds; four stanzas of lyrics about the subject.
public enum ScriptTemplate {
    /// A scene's beat: its title and how its picture is described, around the subject.
    private static let beats: [(title: String, picture: String)] = [
        ("Before Dawn", "wide shot at night under the stars"),
        ("First Light", "wide shot at dawn, the sky warming"),
        ("The Edge of Day", "close view at dawn, light along the ridge"),
        ("Rising", "low view at dawn with clouds catching the light"),
        ("Above It All", "aerial view in the morning"),
        ("Stillness", "close detail in calm morning light"),
        ("Wings", "wide shot by day with birds crossing"),
        ("Mist", "fog drifting through, mysterious"),
        ("Summit", "dramatic wide shot by day"),
        ("Golden Hour", "warm light at sunset"),
        ("Dusk", "wide shot at sunset, long shadows"),
        ("Night Returns", "wide closing shot at night with the moon"),
    ]

    /// How each style moves the camera, one move per shot in turn (the words `image_to_video` reads).
    private static let moves: [String: [String]] = [
        "cinematic": ["slow zoom in", "slow pan right", "slow zoom out", "slow tilt up"],
        "anime": ["pan left", "pan right", "zoom in", "pan left"],
        "documentary": ["slow pan right", "slow pan left", "slow zoom in", "slow drift"],
        "abstract": ["drift", "zoom out", "drift", "zoom in"],
        "timelapse": ["fast pan right", "fast zoom in", "fast pan left", "fast zoom out"],
        "slow-motion": ["slow drift", "slow zoom in", "slow drift", "slow zoom out"],
        "music-video": ["fast zoom in", "pan left", "zoom out", "pan right"],
        "vlog": ["handheld zoom in", "handheld pan left", "handheld pan right", "handheld zoom out"],
    ]

    /// Longest shot the template writes, in seconds.
    static let maxShot = 8.0

    public static func script(prompt: String, title: String?, genre: Genre, style: String, duration: Double) -> DirectorScript {
        // Kept short enough for every field the script schema limits (lyric lines: 200 characters).
        let subject = String(subject(of: prompt).prefix(80))
        let sceneCount = min(beats.count, max(3, Int(duration / 15)))
        let sceneSeconds = duration / Double(sceneCount)
        let shotCount = Int((sceneSeconds / maxShot).rounded(.up))
        let shotSeconds = (sceneSeconds / Double(shotCount) * 100).rounded(.down) / 100
        let mood = mood(of: genre)
        let cameraMoves = moves[style] ?? moves["cinematic"]!
        var shotNumber = 0
        let scenes = (0..<sceneCount).map { index -> DirectorScript.Scene in
            let beat = beats[sceneCount == 1 ? 0 : index * (beats.count - 1) / (sceneCount - 1)]
            let picture = "\(beat.picture), \(mood): \(subject)"
            let shots = (0..<shotCount).map { _ -> DirectorScript.Shot in
                defer { shotNumber += 1 }
                return DirectorScript.Shot(description: "\(cameraMoves[shotNumber % cameraMoves.count]) over \(subject)", seconds: shotSeconds)
            }
            return DirectorScript.Scene(title: beat.title, description: picture, shots: shots)
        }
        let total = scenes.flatMap(\.shots).reduce(0) { $0 + $1.seconds }
        return DirectorScript(title: title ?? self.title(of: subject), scenes: scenes, lyrics: lyrics(subject, within: total))
    }

    /// What the prompt is about: the words after "about" or "of" when it asks for a video or a song, else all of it.
    static func subject(of prompt: String) -> String {
        var text = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        if let match = text.firstMatch(of: /(?i)\b(?:video|film|clip|song|movie|animatic)\b.*?\b(?:about|of|showing|featuring|on)\s+(.+)$/) {
            text = String(match.1)
        }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " .!?\"'"))
        return text.isEmpty ? prompt : text
    }

    /// The subject as a title: its words capitalised, a leading article dropped ("a sunrise over mountains" → "Sunrise Over Mountains").
    static func title(of subject: String) -> String {
        var words = subject.split(separator: " ").map(String.init)
        if words.count > 1, ["a", "an", "the"].contains(words[0].lowercased()) { words.removeFirst() }
        let small: Set<String> = ["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by"]
        let title = words.enumerated().map { index, word in
            index > 0 && small.contains(word.lowercased()) ? word.lowercased() : word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
        return String(title.prefix(ProjectRules.maxTitle))
    }

    /// Words for the genre's feeling, which the sketch's pictures read as mood.
    private static func mood(of genre: Genre) -> String {
        switch genre.name {
        case "rock", "metal", "punk", "cinematic", "hip-hop": "dramatic"
        case "ambient", "classical", "lo-fi", "folk", "jazz": "calm"
        case "blues", "soul", "r&b": "melancholy"
        default: "warm"
        }
    }

    /// A verse, a chorus, a second verse and a bridge, timed evenly from a tenth of the film to 85% of it.
    private static func lyrics(_ subject: String, within seconds: Double) -> [DirectorScript.Line] {
        let stanzas: [(section: String, lines: [String])] = [
            (
                "verse",
                ["Waiting for \(subject)", "The world is quiet, holding still", "A little light along the edge", "And I can feel it coming near"]
            ),
            ("chorus", ["Here it comes, \(subject)", "Carry me and let me see", "Everything is new again", "Here it comes, \(subject)"]),
            (
                "verse",
                ["Colours climbing one by one", "Every shadow finds its place", "I count the seconds, lose the time", "And watch it open wide"]
            ),
            ("bridge", ["Hold this moment, hold it close", "Before it slips away"]),
        ]
        let lines = stanzas.flatMap { stanza in stanza.lines.map { (stanza.section, $0) } }
        let start = seconds * 0.1
        let step = (seconds * 0.85 - start) / Double(lines.count)
        return lines.enumerated().map { index, line in
            DirectorScript.Line(time: ((start + Double(index) * step) * 100).rounded() / 100, text: line.1, section: line.0)
        }
    }
}
