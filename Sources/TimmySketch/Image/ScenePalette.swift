/// The colours of a scene: sky, light, haze and shadow chosen by the time of day, then moved by
/// weather and mood, then turned a few degrees by the seed so each draft has its own tint.
struct ScenePalette: Sendable {
    var skyTop: RGB
    var skyHorizon: RGB
    /// The sun's or moon's disc.
    var light: RGB
    /// The glow around it.
    var glow: RGB
    /// What distance fades to.
    var haze: RGB
    /// What nearby land falls into as the light goes.
    var shade: RGB
    /// How far nearby land falls into shade: 0 in full day, near 1 at night.
    var darkness: Float
    var cloud: RGB
    /// Lit windows and lamps.
    var lamp: RGB

    init(_ reading: SceneReading, hueShift: Float) {
        switch reading.time {
        case .dawn:
            self.init(
                skyTop: RGB(hex: 0x3d4b8f), skyHorizon: RGB(hex: 0xf7b997), light: RGB(hex: 0xfff3c9), glow: RGB(hex: 0xffb27a),
                haze: RGB(hex: 0xe3a4a4), shade: RGB(hex: 0x3b2c52), darkness: 0.55, cloud: RGB(hex: 0xf4c6c0), lamp: RGB(hex: 0xffd98a))
        case .day:
            self.init(
                skyTop: RGB(hex: 0x3f8fd6), skyHorizon: RGB(hex: 0xd3ebf6), light: RGB(hex: 0xfffbe8), glow: RGB(hex: 0xfff2c4),
                haze: RGB(hex: 0xb4d2e6), shade: RGB(hex: 0x1f3d34), darkness: 0.15, cloud: RGB(hex: 0xffffff), lamp: RGB(hex: 0xe8eef2))
        case .sunset:
            self.init(
                skyTop: RGB(hex: 0x2e2a63), skyHorizon: RGB(hex: 0xff8c4e), light: RGB(hex: 0xffd77e), glow: RGB(hex: 0xff7a3d),
                haze: RGB(hex: 0xd8706c), shade: RGB(hex: 0x2a1a3a), darkness: 0.7, cloud: RGB(hex: 0xf59a7a), lamp: RGB(hex: 0xffc46b))
        case .night:
            self.init(
                skyTop: RGB(hex: 0x060a1c), skyHorizon: RGB(hex: 0x1e2c55), light: RGB(hex: 0xf4f1df), glow: RGB(hex: 0x8fa6d8),
                haze: RGB(hex: 0x2b385e), shade: RGB(hex: 0x080c1a), darkness: 0.85, cloud: RGB(hex: 0x3a4670), lamp: RGB(hex: 0xffcf6e))
        }
        applyWeather(reading.weather)
        applyMood(reading.mood)
        mapColours { $0.hueRotated(hueShift) }
    }

    private init(
        skyTop: RGB, skyHorizon: RGB, light: RGB, glow: RGB, haze: RGB, shade: RGB, darkness: Float, cloud: RGB, lamp: RGB
    ) {
        self.skyTop = skyTop
        self.skyHorizon = skyHorizon
        self.light = light
        self.glow = glow
        self.haze = haze
        self.shade = shade
        self.darkness = darkness
        self.cloud = cloud
        self.lamp = lamp
    }

    /// Changes the sky, haze, shade and cloud colours alike (the light and lamps keep theirs).
    private mutating func mapColours(_ change: (RGB) -> RGB) {
        skyTop = change(skyTop)
        skyHorizon = change(skyHorizon)
        glow = change(glow)
        haze = change(haze)
        shade = change(shade)
        cloud = change(cloud)
    }

    private mutating func applyWeather(_ weather: SceneReading.Weather) {
        let grey = RGB(hex: 0x8a94a3)
        switch weather {
        case .clear: break
        case .cloudy:
            skyTop = skyTop.mix(grey, 0.35)
            skyHorizon = skyHorizon.mix(grey, 0.25)
            cloud = cloud.mix(RGB.white, 0.2)
        case .rain:
            skyTop = skyTop.mix(RGB(hex: 0x4a5566), 0.65)
            skyHorizon = skyHorizon.mix(RGB(hex: 0x9aa5b1), 0.6)
            haze = haze.mix(RGB(hex: 0x8d98a6), 0.6)
            cloud = RGB(hex: 0x6b7685).mix(cloud, 0.2)
            darkness = min(0.9, darkness + 0.15)
        case .storm:
            skyTop = skyTop.mix(RGB(hex: 0x1f2633), 0.75)
            skyHorizon = skyHorizon.mix(RGB(hex: 0x5d6878), 0.65)
            haze = haze.mix(RGB(hex: 0x566170), 0.6)
            cloud = RGB(hex: 0x3c4452)
            darkness = min(0.92, darkness + 0.25)
        case .snow:
            skyTop = skyTop.mix(RGB(hex: 0xb9c4d0), 0.5)
            skyHorizon = skyHorizon.mix(RGB(hex: 0xeef2f6), 0.6)
            haze = haze.mix(RGB(hex: 0xe4e9ef), 0.6)
            shade = shade.mix(RGB(hex: 0x6f7f93), 0.5)
            cloud = cloud.mix(RGB(hex: 0xdfe5ec), 0.6)
        case .fog:
            skyHorizon = skyHorizon.mix(RGB(hex: 0xd9dde2), 0.5)
            skyTop = skyTop.mix(skyHorizon, 0.45)
            haze = skyHorizon
        }
    }

    private mutating func applyMood(_ mood: SceneReading.Mood) {
        switch mood {
        case .neutral: break
        case .calm:
            let horizon = skyHorizon
            mapColours { $0.saturated(-0.15).mix(horizon, 0.05) }
        case .dramatic:
            skyTop = skyTop.scaled(0.7)
            shade = shade.scaled(0.7)
            darkness = min(0.95, darkness + 0.1)
            mapColours { $0.saturated(0.2) }
        case .cheerful:
            mapColours { $0.saturated(0.3) }
        case .melancholy:
            mapColours { $0.saturated(-0.4).mix(RGB(hex: 0x55657d), 0.15) }
        case .mysterious:
            mapColours { $0.hueRotated(-25).mix(RGB(hex: 0x3d2f6b), 0.12) }
        case .warm:
            mapColours { $0.mix(RGB(hex: 0xffa25c), 0.12) }
        }
    }

    /// The colour of land of a given hue at a depth (0 far … 1 near): far land fades into haze,
    /// near land keeps its hue and falls into shade as the light goes.
    func land(_ hue: RGB, depth: Float) -> RGB {
        let near = hue.mix(shade, darkness)
        return haze.mix(near, 0.3 + 0.7 * depth)
    }
}
