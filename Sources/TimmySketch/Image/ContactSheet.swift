import Foundation
import TimmyCore
import TimmyCreativeBackend

/// A storyboard's contact sheet: the frames in a numbered grid on a dark board, each with the
/// start of its scene beneath it.
public struct ContactSheet: Sendable {
    let frames: [URL]
    let scenes: [String]
    /// The model recorded for the sheet: the frames'.
    let model: String

    static let padding = 16

    /// A sheet of `frames` (at least one), each captioned with its entry in `scenes`.
    public init(frames: [URL], scenes: [String], model: String) {
        self.frames = frames
        self.scenes = scenes
        self.model = model
    }

    /// Draws the sheet to `file` (PNG).
    public func write(to file: URL) async throws -> RenderReport {
        var clock = StageClock()
        let first = try await ImageFile.read(frames[0])
        let columns = frames.count <= 1 ? 1 : frames.count <= 4 ? 2 : frames.count <= 9 ? 3 : frames.count <= 16 ? 4 : 8
        let rows = (frames.count + columns - 1) / columns
        let pad = Self.padding
        let thumbWidth = min(first.width, (2048 - pad * (columns + 1)) / columns)
        let thumbHeight = max(1, thumbWidth * first.height / first.width)
        let scale = max(1, thumbWidth / 400)
        let captionHeight = (BitmapFont.glyphHeight + 4) * scale
        let header = (BitmapFont.glyphHeight + 6) * 2
        let width = pad + columns * (thumbWidth + pad)
        let height = header + pad + rows * (thumbHeight + captionHeight + pad)
        var sheet = Canvas(width: width, height: height)
        sheet.fillRect(0, 0, Float(width), Float(height), RGB(hex: 0x1b1e24))
        sheet.text("STORYBOARD · \(frames.count) SCENE\(frames.count == 1 ? "" : "S")", x: pad, y: 8, scale: 2, RGB(hex: 0xe8e6df))
        if model == SketchBackend.model {
            sheet.text("SKETCH", x: width - pad - Canvas.textWidth("SKETCH", scale: 2), y: 8, scale: 2, RGB(hex: 0xffc857))
        }
        clock.lap("layout")
        for (index, frame) in frames.enumerated() {
            let thumb = try await ImageFile.read(frame, scaledTo: thumbWidth, thumbHeight)
            let x = pad + (index % columns) * (thumbWidth + pad)
            let y = header + pad + (index / columns) * (thumbHeight + captionHeight + pad)
            place(thumb, on: &sheet, x: x, y: y)
            let badge = Float(5 * scale + 6)
            sheet.fillCircle(Float(x) + badge + 4, Float(y) + badge + 4, badge, RGB(hex: 0xffc857))
            let number = String(index + 1)
            let numberWidth = Canvas.textWidth(number, scale: scale) - scale
            sheet.text(
                number, x: x + 4 + Int(badge) - numberWidth / 2, y: y + 4 + Int(badge) - BitmapFont.glyphHeight * scale / 2, scale: scale,
                RGB(hex: 0x1b1e24))
            let room = thumbWidth / ((BitmapFont.glyphWidth + 1) * scale)
            let caption = SketchBackend.captionText(scenes[index])
            sheet.text(
                caption.count > room ? String(caption.prefix(room - 2)) + ".." : caption, x: x, y: y + thumbHeight + 3 * scale, scale: scale,
                RGB(hex: 0xb9b6ad))
        }
        clock.lap("frames")
        try Data(SketchBackend.png(sheet, description: "storyboard contact sheet, \(frames.count) scenes")).write(to: file)
        clock.lap("encode")
        return RenderReport(model: model, timings: clock.laps, details: ["width": .int(width), "height": .int(height), "columns": .int(columns)])
    }

    private func place(_ image: ImageFile, on sheet: inout Canvas, x: Int, y: Int) {
        for row in 0..<image.height {
            for column in 0..<image.width {
                let source = (row * image.width + column) * 3
                let color = RGB(Float(image.rgb[source]) / 255, Float(image.rgb[source + 1]) / 255, Float(image.rgb[source + 2]) / 255)
                sheet.blend(x + column, y + row, color, 1)
            }
        }
    }
}
