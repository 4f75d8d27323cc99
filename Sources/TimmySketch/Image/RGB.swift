import Foundation

/// A colour as red, green and blue from 0 to 1 (sRGB values, mixed as they are: flat
/// illustration needs no colour science).
struct RGB: Sendable, Equatable {
    var r: Float
    var g: Float
    var b: Float

    init(_ r: Float, _ g: Float, _ b: Float) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// From a hex literal such as 0x3f8fd6.
    init(hex: UInt32) {
        self.init(Float((hex >> 16) & 0xff) / 255, Float((hex >> 8) & 0xff) / 255, Float(hex & 0xff) / 255)
    }

    static let white = RGB(1, 1, 1)
    static let black = RGB(0, 0, 0)

    /// The straight line from `self` (t = 0) to `other` (t = 1).
    func mix(_ other: RGB, _ t: Float) -> RGB {
        RGB(r + (other.r - r) * t, g + (other.g - g) * t, b + (other.b - b) * t)
    }

    func scaled(_ factor: Float) -> RGB { RGB(r * factor, g * factor, b * factor) }

    var luminance: Float { 0.2126 * r + 0.7152 * g + 0.0722 * b }

    /// Moves saturation by `amount` (−1 grey … +1 doubled), keeping luminance.
    func saturated(_ amount: Float) -> RGB {
        let grey = RGB(luminance, luminance, luminance)
        return grey.mix(self, 1 + amount).clamped
    }

    /// Rotates the hue by `degrees` around the grey axis.
    func hueRotated(_ degrees: Float) -> RGB {
        let angle = degrees * .pi / 180
        let cosA = cos(angle)
        let sinA = sin(angle)
        let third: Float = 1 / 3
        let root = sqrt(third)
        let m0 = cosA + (1 - cosA) * third
        let m1 = third * (1 - cosA) - root * sinA
        let m2 = third * (1 - cosA) + root * sinA
        return RGB(r * m0 + g * m1 + b * m2, r * m2 + g * m0 + b * m1, r * m1 + g * m2 + b * m0).clamped
    }

    var clamped: RGB { RGB(min(1, max(0, r)), min(1, max(0, g)), min(1, max(0, b))) }
}
