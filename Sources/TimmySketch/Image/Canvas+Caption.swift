extension Canvas {
    /// A storyboard caption along the bottom: a dark band with the text, and a "SKETCH" tag at the
    /// right so a draft is never mistaken for a model's image.
    mutating func caption(_ text: String) {
        let scale = max(1, height / 300)
        let band = (BitmapFont.glyphHeight + 6) * scale
        let top = Float(height - band)
        fillRect(0, top, Float(width), Float(height), RGB(hex: 0x10131a), opacity: 0.62)
        let tag = "SKETCH"
        let tagWidth = Self.textWidth(tag, scale: scale)
        let room = (width - tagWidth - 9 * scale) / ((BitmapFont.glyphWidth + 1) * scale)
        let shown = text.count > room ? String(text.prefix(max(0, room - 2))) + ".." : text
        self.text(shown, x: 3 * scale, y: height - band + 3 * scale, scale: scale, RGB(hex: 0xf2f2ee))
        self.text(tag, x: width - tagWidth - 3 * scale, y: height - band + 3 * scale, scale: scale, RGB(hex: 0xffc857))
    }

    /// Darkens the corners a little, as a print does.
    mutating func vignette(strength: Float) {
        let cx = Float(width) / 2
        let cy = Float(height) / 2
        let inverse = 1 / (cx * cx + cy * cy)
        for y in 0..<height {
            let dy = Float(y) + 0.5 - cy
            for x in 0..<width {
                let dx = Float(x) + 0.5 - cx
                let factor = 1 - strength * (dx * dx + dy * dy) * inverse
                let index = (y * width + x) * 4
                pixels[index] *= factor
                pixels[index + 1] *= factor
                pixels[index + 2] *= factor
            }
        }
    }
}
