/// Where the camera is and how the picture is graded at one moment of a clip.
struct CameraState: Sendable {
    /// Magnification over the frame (1 shows the composed picture).
    var zoom: Float = 1
    /// Sideways and vertical travel, in frame widths and heights; nearer layers travel further.
    var pan: SIMD2<Float> = .zero
    /// How much more the nearest layer travels than the sky (0 moves all layers together).
    var parallax: Float = 0.8
    /// Extra travel of particular layers (the clouds drifting, the sun rising), by layer name.
    var layerShift: [String: SIMD2<Float>] = [:]
    /// A soft light crossing the frame: its centre in frame fractions and its strength.
    var light: SIMD2<Float> = SIMD2(0.3, 0.3)
    var lightStrength: Float = 0
    var hue: Float = 0
    var saturation: Float = 0
    var brightness: Float = 1
}
