import Foundation
import TimmyAPI
import TimmyCore

/// `/creative/ui/{tab}`: the Creative Studio. Each tab has its tools' forms, built from their
/// declarations, the jobs of those tools still running, and what they made, newest first.
struct StudioPage {
    struct TabLink {
        let label: String
        let href: String
        let current: Bool
    }

    /// One tool's form with its heading and summary.
    struct ToolForm {
        let tool: String
        let heading: String
        let summary: String
        let button: String
        let action: String
        let form: SchemaForm
        /// The last post's problem, when it names no field of this form.
        let problem: String?
    }

    /// The most assets and projects a tab shows.
    static let limit = 24

    let tabs: [TabLink]
    let heading: String
    let images: Bool
    let music: Bool
    let video: Bool
    let director: Bool
    let forms: [ToolForm]
    let working: [JobRow]
    let hasWorking: Bool
    let assets: [AssetCard]
    let hasAssets: Bool
    let projects: [ProjectCard]
    let hasProjects: Bool
    /// The Director's form: a prompt and the project's options.
    let projectForm: ToolForm?
    let newestEvent: String

    /// - Parameters:
    ///   - posted: the values of a refused post, to show again, with the tool they were for.
    ///   - error: why that post was refused.
    init(
        _ service: any TimmyService, tab: StudioTab, posted: (tool: String, values: [String: String])? = nil, error: ServiceError? = nil
    )
        async throws
    {
        newestEvent = try await LiveResume.point(service)
        tabs = StudioTab.allCases.map { TabLink(label: $0.label, href: $0.href, current: $0 == tab) }
        heading = tab.label
        images = tab == .images
        music = tab == .music
        video = tab == .video
        director = tab == .director
        let catalog = Dictionary(uniqueKeysWithValues: try await service.tools(persona: nil).map { ($0.name, $0) })
        let gallery = try await service.assets(kind: .image, limit: Self.limit).assets
        let pictures = gallery.map { (value: $0.id, label: Format.clip($0.prompt, 60)) }
        // A post for a tool the tab does not hold shows its problem on the tab's first form.
        let strayed = posted.map { post in !tab.tools.contains { $0.name == post.tool } } ?? false
        forms = tab.tools.enumerated().compactMap { index, tool in
            guard let declared = catalog[tool.name] else { return nil }
            let mine = posted?.tool == tool.name || (strayed && index == 0)
            let form = SchemaForm(
                id: tool.name, schema: declared.parameters, names: tool.fields, multiline: StudioTool.multiline,
                values: mine ? posted?.values ?? [:] : [:], choices: ["image": pictures], error: mine ? error : nil)
            let named = form.fields.contains { $0.error != nil }
            return ToolForm(
                tool: tool.name, heading: tool.heading, summary: declared.summary, button: tool.button, action: tab.href, form: form,
                problem: mine && !named ? error?.description : nil)
        }
        let names = Set(tab.tools.map(\.name))
        var running: [JobView] = []
        for status in [JobStatus.running, .queued] {
            running += try await service.jobs(status: status, limit: 50).jobs.filter { names.contains($0.tool) }
        }
        working = running.map(JobRow.init)
        hasWorking = !working.isEmpty
        let sources = Dictionary(uniqueKeysWithValues: gallery.map { ($0.id, $0) })
        var made: [AssetView] = []
        if let kind = tab.kind { made = kind == .image ? gallery : try await service.assets(kind: kind, limit: Self.limit).assets }
        assets = made.map { AssetCard($0, source: $0.sourceAssetId.flatMap { sources[$0] }) }
        hasAssets = !assets.isEmpty
        if tab == .director {
            projects = try await service.projects(limit: Self.limit).projects.map(ProjectCard.init)
            let form = SchemaForm(
                id: "project", schema: ProjectForm.schema, names: ProjectForm.fields, multiline: ["prompt", "script"],
                values: posted?.tool == ProjectForm.tool ? posted?.values ?? [:] : ProjectForm.startingValues, error: error)
            projectForm = ToolForm(
                tool: ProjectForm.tool, heading: "1. The idea",
                summary: "A prompt and the project's options; the rest default as docs/creative.md says.",
                button: "Write the script", action: tab.href, form: form,
                problem: error != nil && !form.fields.contains { $0.error != nil } ? error?.description : nil)
        } else {
            projects = []
            projectForm = nil
        }
        hasProjects = !projects.isEmpty
    }
}
