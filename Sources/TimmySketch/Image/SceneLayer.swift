/// One layer of a sketch scene, back to front: the still draws them all on one canvas; a clip
/// draws each on its own and moves them at different speeds (`depth` 0 is the sky, 1 the nearest ground).
struct SceneLayer: Sendable {
    let name: String
    let depth: Float
    let draw: @Sendable (inout Canvas, SceneView) -> Void
}
