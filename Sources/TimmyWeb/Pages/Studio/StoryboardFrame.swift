import TimmyAPI
import TimmyCore

/// One scene of the storyboard: its keyframe (a thumbnail linking to the full picture), its words,
/// and a form to draw it again, with a new seed and optionally new words.
struct StoryboardFrame {
    let scene: Int
    let title: String
    let description: String
    let status: String
    let image: String?
    let thumbnail: String?
    /// Changes whenever the keyframe does, so a browser fetches the new picture.
    let version: String
    let seed: String
    let start: String?
    let editable: Bool
    let action: String
    let maxDescription = ProjectRules.maxSceneDescription

    static func frames(_ detail: ProjectDetail, files: ProjectFiles, editable: Bool) -> [StoryboardFrame] {
        let keyframes = Dictionary(detail.steps.filter { $0.kind == .storyboard }.compactMap { step in step.scene.map { ($0, step) } }) { _, later in
            later
        }
        let spans = Dictionary((detail.timeline?.scenes ?? []).map { ($0.scene, $0) }) { first, _ in first }
        return (detail.script["scenes"]?.arrayValue ?? []).enumerated().map { index, scene in
            let number = index + 1
            let step = keyframes[number]
            let asset = step.flatMap { StepRow.assets(of: $0).first }
            let image = asset.flatMap { files.url($0.path) }
            return StoryboardFrame(
                scene: number, title: scene["title"]?.stringValue ?? "Scene \(number)", description: scene["description"]?.stringValue ?? "",
                status: step?.status.rawValue ?? "pending", image: image, thumbnail: image.flatMap { Previews.url(.thumbnail, of: $0) },
                version: String(asset?.sha256.prefix(12) ?? ""), seed: step?.inputs["seed"]?.jsonText ?? "",
                start: spans[number].map { Format.duration($0.start) }, editable: editable,
                action: "\(ProjectCard.path(detail.project.id))/rerun-scene")
        }
    }
}
