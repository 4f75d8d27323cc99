import Foundation

/// Captions read from a file: SubRip (`.srt`) or JSON (a list of `{start, end, text}`, or an
/// object with such a `captions` list). A mistake names the file's line (SRT) or the caption's field.
enum CaptionFile {
    static func read(_ file: URL, field: String) throws(AssemblyError) -> [AssemblyEdit.Caption] {
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw .invalid(field: field, reason: "cannot read \(file.path): \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalid(field: field, reason: "\(file.lastPathComponent) is not UTF-8 text")
        }
        if file.pathExtension.lowercased() == "json" { return try json(data, field: field) }
        return try srt(text, field: field)
    }

    /// Parses SubRip: cues of an optional number line, a `start --> end` line, and text lines, separated by blank lines.
    static func srt(_ text: String, field: String) throws(AssemblyError) -> [AssemblyEdit.Caption] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\n")
        var captions: [AssemblyEdit.Caption] = []
        var index = 0
        while index < lines.count {
            guard !lines[index].trimmingCharacters(in: .whitespaces).isEmpty else {
                index += 1
                continue
            }
            if !lines[index].contains("-->") { index += 1 }
            guard index < lines.count, let times = timing(lines[index]) else {
                throw .invalid(
                    field: field, reason: "line \(min(index, lines.count - 1) + 1): expected a time line such as 00:00:01,000 --> 00:00:02,500")
            }
            index += 1
            var body: [String] = []
            while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
                body.append(lines[index])
                index += 1
            }
            captions.append(AssemblyEdit.Caption(start: times.start, end: times.end, text: body.joined(separator: "\n")))
        }
        return captions
    }

    private static func timing(_ line: String) -> (start: Double, end: Double)? {
        let parts = line.components(separatedBy: "-->")
        guard parts.count == 2, let start = seconds(parts[0]), let end = seconds(parts[1].split(separator: " ").first.map(String.init) ?? "")
        else { return nil }
        return (start, end)
    }

    /// `HH:MM:SS,mmm` (or with a dot) as seconds.
    private static func seconds(_ text: String) -> Double? {
        let fields = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".").split(separator: ":")
        guard fields.count == 3, let hours = Double(fields[0]), let minutes = Double(fields[1]), let secs = Double(fields[2]) else { return nil }
        return hours * 3600 + minutes * 60 + secs
    }

    private static func json(_ data: Data, field: String) throws(AssemblyError) -> [AssemblyEdit.Caption] {
        struct Wrapped: Decodable { let captions: [AssemblyEdit.Caption] }
        do {
            if let list = try? JSONDecoder().decode([AssemblyEdit.Caption].self, from: data) { return list }
            return try JSONDecoder().decode(Wrapped.self, from: data).captions
        } catch let error as AssemblyError {
            throw error
        } catch let error as DecodingError {
            throw .invalid(field: field, reason: "not a list of captions {start, end, text}: \(AssemblyEdit.fieldName(Self.path(error)))")
        } catch {
            throw .invalid(field: field, reason: "not JSON captions: \(error)")
        }
    }

    private static func path(_ error: DecodingError) -> [any CodingKey] {
        switch error {
        case .keyNotFound(let key, let context): context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): context.codingPath
        @unknown default: []
        }
    }
}
