import Foundation
import TimmyCreativeBackend

/// Sings lyric lines with espeak-ng: each line spoken at the pace its phrase allows, each word
/// pitched to the melody note it starts on (SSML prosody), the whole line set in the melody's
/// register; then a slow vibrato and a short room around it. Singing-speech, not singing, and
/// the sidecar says so.
struct VocalSinger: Sendable {
    let voice: String
    let folder: URL

    /// - Parameters:
    ///   - variant: an espeak-ng voice variant (`f3`, `m3`) for the genre's singer.
    ///   - folder: where the per-line files are written (and removed).
    init(language: SongLanguage, variant: String, folder: URL) {
        voice = "\(language.voice)+\(variant)"
        self.folder = folder
    }

    /// The line as mono samples at 44.1 kHz.
    func sing(_ phrase: Arrangement.Phrase, index: Int) async throws -> [Float] {
        guard !phrase.words.isEmpty else { return [] }
        let script = folder.appendingPathComponent("line-\(index).ssml")
        let output = folder.appendingPathComponent("line-\(index).wav")
        defer {
            try? FileManager.default.removeItem(at: script)
            try? FileManager.default.removeItem(at: output)
        }
        try Data(ssml(phrase).utf8).write(to: script)
        let syllables = phrase.words.reduce(0) { $0 + Syllables.count($1.word) }
        let perSecond = Double(syllables) / max(0.5, phrase.length)
        let speed = Int(min(320, max(90, perSecond * 60 / 1.35)))
        let pitch = min(90, max(20, 50 + (phrase.centerNote - 64) * 3))
        try await MediaProcess(
            "espeak-ng", ["-m", "-v", voice, "-s", String(speed), "-p", String(pitch), "-g", "2", "-w", output.path, "-f", script.path],
            timeout: .seconds(60)
        ).run()
        let (samples, rate) = try WAVFile.readMono(output)
        return Self.room(Self.vibrato(samples, from: rate))
    }

    /// Each word in a prosody element raising or lowering it by the interval to the line's centre.
    func ssml(_ phrase: Arrangement.Phrase) -> String {
        let center = phrase.centerNote
        let words = phrase.words.map { word, note -> String in
            let percent = Int(((pow(2, Double(note - center) / 12) - 1) * 160).rounded())
            return "<prosody pitch=\"\(percent >= 0 ? "+" : "")\(percent)%\">\(Self.escape(word))</prosody>"
        }
        return "<speak>" + words.joined(separator: " ") + "</speak>"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Resamples to 44.1 kHz while swaying the pitch ±0.6% at 5.5 Hz, as a held sung note does.
    static func vibrato(_ samples: [Float], from rate: Int) -> [Float] {
        guard !samples.isEmpty else { return [] }
        let step = Double(rate) / Double(AudioBuffer.sampleRate)
        let count = Int(Double(samples.count) / step)
        var output = [Float](repeating: 0, count: count)
        var position = 0.0
        for index in 0..<count {
            let time = Double(index) / Double(AudioBuffer.sampleRate)
            position += step * (1 + 0.006 * sin(2 * .pi * 5.5 * time))
            let low = Int(position)
            guard low + 1 < samples.count else { break }
            let t = Float(position - Double(low))
            output[index] = samples[low] + (samples[low + 1] - samples[low]) * t
        }
        return output
    }

    /// A small room: a few early reflections and a soft tail.
    static func room(_ dry: [Float]) -> [Float] {
        let taps: [(delay: Double, gain: Float)] = [(0.019, 0.32), (0.031, 0.24), (0.053, 0.18), (0.089, 0.12), (0.137, 0.08)]
        let tail = Int(0.3 * Double(AudioBuffer.sampleRate))
        var wet = dry + [Float](repeating: 0, count: tail)
        for tap in taps {
            let offset = Int(tap.delay * Double(AudioBuffer.sampleRate))
            for index in 0..<dry.count { wet[index + offset] += dry[index] * tap.gain }
        }
        return wet
    }
}
