import TimmyAPI

/// The pages of the dashboard, in the order the navigation lists them.
enum Section: String, CaseIterable, Sendable {
    case mission, chat, swarm, tasks, jobs, gallery, studio, projects, tools, spark, marketplace, ledger

    var label: String {
        switch self {
        case .mission: "Mission Control"
        case .chat: "Chat"
        case .swarm: "Swarm"
        case .tasks: "Tasks"
        case .jobs: "Jobs"
        case .gallery: "Gallery"
        case .studio: "Studio"
        case .projects: "Projects"
        case .tools: "Tools"
        case .spark: "Spark"
        case .marketplace: "Marketplace"
        case .ledger: "Ledger"
        }
    }

    var href: String {
        switch self {
        case .mission: "/"
        case .studio: "/creative/ui"
        case .projects: "/creative/projects"
        default: "/\(rawValue)"
        }
    }
}

/// What the shared layout shows around every page.
struct Layout {
    struct NavItem {
        let label: String
        let href: String
        let current: Bool
    }

    let title: String
    let showsNavigation: Bool
    let navigation: [NavItem]
    let csrf: String
    let signOut: Bool
    let body: String
    let css: String
    let script: String
    let icon: String
    let version = timmyVersion

    /// - Parameter section: the page's place in the navigation; nil for pages outside it (errors), and
    ///   no navigation at all for a page shown before signing in.
    init(title: String, section: Section?, navigation shown: Bool, csrf: String, signOut: Bool, body: String, assets: StaticAssets) {
        self.title = title
        showsNavigation = shown
        navigation = shown ? Section.allCases.map { NavItem(label: $0.label, href: $0.href, current: $0 == section) } : []
        self.csrf = csrf
        self.signOut = signOut
        self.body = body
        css = assets.url("app.css")
        script = assets.url("app.js")
        icon = assets.url("icon.svg")
    }
}
