import Foundation

/// The Advanced SubStation script libass draws the cards and the burned captions from. User text
/// reaches FFmpeg only inside this file, never in the filter graph, and is escaped for ASS here:
/// `\N` for line breaks, `\{` and `\}` for braces, a word joiner after each backslash so no
/// backslash starts an override, and Chinese, Japanese and Korean runs set in the CJK font.
enum ASSWriter {
    static func script(_ texts: [TimedText], width: Int, height: Int) -> String {
        let short = Double(min(width, height))
        func size(_ share: Double) -> Int { max(8, Int((short * share).rounded())) }
        let outline = String(format: "%.1f", max(1, short * 0.005))
        let marginSide = Int(Double(width) * 0.06)
        let marginBottom = Int(Double(height) * 0.06)
        let format =
            "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, "
            + "StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding"
        func style(_ name: String, size: Int, bold: Bool, alignment: Int) -> String {
            "Style: \(name),\(AssemblyFonts.primary),\(size),&H00FFFFFF,&H00FFFFFF,&H00101010,&H80000000,\(bold ? -1 : 0),0,0,0,100,100,0,0,1,"
                + "\(outline),1,\(alignment),\(marginSide),\(marginSide),\(marginBottom),1"
        }
        var lines = [
            "[Script Info]", "ScriptType: v4.00+", "PlayResX: \(width)", "PlayResY: \(height)", "WrapStyle: 0", "ScaledBorderAndShadow: yes", "",
            "[V4+ Styles]", format, style("Caption", size: size(0.06), bold: false, alignment: 2),
            style("Title", size: size(0.1), bold: true, alignment: 5),
            style("Credits", size: size(0.07), bold: false, alignment: 5), "", "[Events]",
            "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
        ]
        for text in texts {
            let (style, lead) =
                switch text.role {
                case .title: ("Title", "{\\fad(400,400)}")
                case .credits: ("Credits", "{\\fad(400,400)}")
                case .caption: ("Caption", "")
                }
            lines.append("Dialogue: 0,\(time(text.start)),\(time(text.end)),\(style),,0,0,0,,\(lead)\(escape(text.text))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The text as ASS dialogue that libass draws exactly as written.
    static func escape(_ text: String) -> String {
        var escaped = ""
        var wide = false
        for character in text {
            if character == "\n" {
                escaped += "\\N"
                continue
            }
            if !character.isWhitespace, isWide(character) != wide {
                wide.toggle()
                escaped += "{\\fn\(wide ? AssemblyFonts.fallback : AssemblyFonts.primary)}"
            }
            switch character {
            case "\\": escaped += "\\\u{2060}"
            case "{": escaped += "\\{"
            case "}": escaped += "\\}"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Whether the character is Chinese, Japanese or Korean, which the primary font does not draw.
    static func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first?.value else { return false }
        return wideRanges.contains { $0.contains(scalar) }
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x11FF, 0x2E80...0x2FDF, 0x2FF0...0x303F, 0x3040...0x31FF, 0x3200...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F,
        0xAC00...0xD7FF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF,
    ]

    /// `H:MM:SS.cc`, the ASS time format.
    static func time(_ seconds: Double) -> String {
        let clock = ClockTime(seconds, perSecond: 100)
        return "\(clock.hours):\(ClockTime.padded(clock.minutes, 2)):\(ClockTime.padded(clock.seconds, 2)).\(ClockTime.padded(clock.fraction, 2))"
    }
}
