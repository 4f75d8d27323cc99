import Foundation

extension AssemblyEdit {
    /// Limits an edit must keep, each stated once.
    public enum Limits {
        public static let clips = 1...500
        public static let transition = 0.0...10.0
        public static let audioFade = 0.0...30.0
        /// What loudnorm accepts as an integrated target.
        public static let loudness = -70.0...(-5.0)
        public static let cardSeconds = 0.5...60.0
        public static let captions = 0...5_000
        public static let textLength = 2_000
        public static let fps = 8...60
    }

    /// The preset the edit names.
    public var videoPreset: VideoPreset? { VideoPreset.named(preset) }

    /// Checks every value that can be checked without reading a file; the first mistake names its field.
    public func validate() throws(AssemblyError) {
        guard Limits.clips.contains(clips.count) else {
            throw .invalid(field: "clips", reason: "must list \(Limits.clips.lowerBound) to \(Limits.clips.upperBound) clips, got \(clips.count)")
        }
        for (index, clip) in clips.enumerated() where clip.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalid(field: "clips[\(index)]", reason: "is empty; give a path or a video asset id")
        }
        try Self.check(transition, in: Limits.transition, field: "transition", unit: "seconds")
        if let music, music.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalid(field: "music", reason: "is empty; give a path or a music asset id, or leave it out")
        }
        try Self.check(audioFade, in: Limits.audioFade, field: "audio_fade", unit: "seconds")
        try Self.check(loudness, in: Limits.loudness, field: "loudness", unit: "LUFS")
        for (card, field) in [(title, "title"), (credits, "credits")] {
            guard let card else { continue }
            try Self.check(text: card.text, field: "\(field).text")
            try Self.check(card.seconds, in: Limits.cardSeconds, field: "\(field).seconds", unit: "seconds")
        }
        for (list, name) in [(captions, "captions"), (softCaptions, "soft_captions")] {
            try Self.check(list, name: name)
        }
        guard videoPreset != nil else {
            throw .invalid(field: "preset", reason: "must be one of \(VideoPreset.names.joined(separator: ", ")), got '\(preset)'")
        }
        if let codec, codec.isEmpty || !codec.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }) {
            throw .invalid(field: "codec", reason: "must name an FFmpeg video encoder such as libx264, got '\(codec)'")
        }
        guard Limits.fps.contains(fps) else {
            throw .invalid(field: "fps", reason: "must be \(Limits.fps.lowerBound) to \(Limits.fps.upperBound), got \(fps)")
        }
    }

    private static func check(_ captions: [Caption], name: String) throws(AssemblyError) {
        guard Limits.captions.contains(captions.count) else {
            throw .invalid(field: name, reason: "holds \(captions.count) captions; at most \(Limits.captions.upperBound)")
        }
        for (index, caption) in captions.enumerated() {
            let field = "\(name)[\(index)]"
            guard caption.start.isFinite, caption.start >= 0 else {
                throw .invalid(field: "\(field).start", reason: "must be a time of 0 seconds or more, got \(caption.start)")
            }
            guard caption.end.isFinite, caption.end > caption.start else {
                throw .invalid(field: "\(field).end", reason: "must come after its start (\(caption.start) s), got \(caption.end)")
            }
            try Self.check(text: caption.text, field: "\(field).text")
        }
    }

    private static func check(_ value: Double, in range: ClosedRange<Double>, field: String, unit: String) throws(AssemblyError) {
        guard value.isFinite, range.contains(value) else {
            throw .invalid(field: field, reason: "must be \(range.lowerBound) to \(range.upperBound) \(unit), got \(value)")
        }
    }

    private static func check(text: String, field: String) throws(AssemblyError) {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .invalid(field: field, reason: "is empty") }
        guard text.count <= Limits.textLength else {
            throw .invalid(field: field, reason: "holds \(text.count) characters; at most \(Limits.textLength)")
        }
        guard !text.contains("\0") else { throw .invalid(field: field, reason: "contains a NUL character") }
    }
}
