/// Paints sketch scenes: a finished still for images and storyboards, or the separate layers a
/// clip moves.
struct SketchPainter: Sendable {
    let composer: SceneComposer

    /// - Parameters:
    ///   - moment: the words for this picture.
    ///   - earlier: a storyboard's scenes before this one, `later` those after: together they make the world.
    ///   - excluding: a negative prompt: landforms and sky features it names are left out.
    init(moment: String, earlier: [String] = [], later: [String] = [], excluding: String? = nil, seed: Int) {
        composer = SceneComposer(reading: SceneReading(moment: moment, earlier: earlier, later: later, excluding: excluding), seed: seed)
    }

    var reading: SceneReading { composer.reading }

    /// The finished picture: every layer, the weather, a light vignette and the caption.
    func still(width: Int, height: Int, pan: Float = 0, caption: String?) -> Canvas {
        let view = composer.view(width: width, height: height, pan: pan)
        var canvas = Canvas(width: width, height: height)
        for layer in layersWithFog { layer.draw(&canvas, view) }
        composer.drawWeather(&canvas, unit: view.unit, time: 0)
        canvas.vignette(strength: 0.18)
        if let caption { canvas.caption(caption) }
        return canvas
    }

    /// Each layer drawn alone on a canvas `margin` times the frame size, for a camera to move over.
    func layers(width: Int, height: Int, margin: Float) -> (view: SceneView, layers: [(layer: SceneLayer, canvas: Canvas)]) {
        let view = composer.view(width: width, height: height).enlarged(by: margin)
        let drawn = layersWithFog.map { layer -> (layer: SceneLayer, canvas: Canvas) in
            var canvas = Canvas(width: view.width, height: view.height)
            layer.draw(&canvas, view)
            return (layer, canvas)
        }
        return (view, drawn)
    }

    /// The scene's layers with a fog band laid between the far land and the near, when the weather brings one.
    private var layersWithFog: [SceneLayer] {
        var layers = composer.layers
        let misty = composer.reading.weather == .fog || composer.reading.weather == .rain || composer.reading.weather == .snow
        guard misty || composer.reading.mood == .calm || composer.reading.mood == .mysterious else { return layers }
        let fog = SceneLayer(name: "fog", depth: 0.5, draw: composer.drawFog)
        let index = layers.firstIndex { $0.depth > 0.5 } ?? layers.count
        layers.insert(fog, at: index)
        return layers
    }
}
