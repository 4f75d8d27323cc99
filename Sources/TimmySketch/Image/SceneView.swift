/// Maps the unbounded sketch world onto a canvas: u runs left to right, v down from the horizon,
/// both in units of the canvas height; `zoom` magnifies about the horizon at `center`.
struct SceneView: Sendable {
    let width: Int
    let height: Int
    /// Where the horizon sits, as a fraction of the height from the top.
    let horizon: Float
    let zoom: Float
    /// The world position at the canvas's horizontal centre.
    let center: Float

    /// Pixels per world unit.
    var unit: Float { Float(height) * zoom }

    func x(_ u: Float) -> Float { Float(width) / 2 + (u - center) * unit }

    func y(_ v: Float) -> Float { Float(height) * horizon + v * unit }

    func u(_ x: Float) -> Float { center + (x - Float(width) / 2) / unit }

    /// The edge of a ridge as a pixel row for every column.
    func surface(_ ridge: Ridge) -> [Float] {
        (0..<width).map { x in y(ridge.height(at: u(Float(x) + 0.5))) }
    }

    /// A canvas `factor` times larger in each direction at the same scale: the same picture in the
    /// middle with more of the world around it, room for a camera to move.
    func enlarged(by factor: Float) -> SceneView {
        let width = Int((Float(self.width) * factor).rounded())
        let height = Int((Float(self.height) * factor).rounded())
        let horizonPixels = Float(self.height) * horizon + Float(height - self.height) / 2
        return SceneView(width: width, height: height, horizon: horizonPixels / Float(height), zoom: unit / Float(height), center: center)
    }
}
