import Foundation

/// The fixed cast of the swarm.
public enum PersonaCatalog {
    public static let timmy = Persona(
        id: "timmy", name: "Timmy", role: "Lead Orchestrator", rateSats: 0, bidBase: 0, bidJitter: 0,
        capabilities: ["orchestration", "planning"], preferredKeywords: [], bids: false)

    /// Timmy first, then the nine bidders.
    public static let all: [Persona] = [
        timmy,
        bidder(
            "echo", "Echo", "Research Analyst", 50, 35, 15, "research,summarization,fact-checking",
            "research, find, search, summarise, summarize, analyse, analyze, fact, source, read"),
        bidder(
            "mace", "Mace", "Security Sentinel", 75, 55, 20, "security,monitoring,threat-analysis",
            "security, threat, vulnerability, audit, monitor, harden, firewall, scan, intrusion, patch"),
        bidder(
            "helm", "Helm", "System Navigator", 60, 40, 20, "devops,automation,configuration",
            "deploy, infrastructure, config, docker, kubernetes, server, automation, pipeline, ci, cd, git, push, pull, clone, devops"),
        bidder(
            "seer", "Seer", "Data Oracle", 65, 45, 20, "analytics,visualization,prediction",
            "data, analyse, analyze, predict, pattern, chart, graph, report, insight, metric"),
        bidder(
            "forge", "Forge", "Code Smith", 55, 38, 17, "coding,debugging,testing",
            "code, function, bug, fix, refactor, test, implement, class, api, script, commit, branch, merge, git, pull request"),
        bidder(
            "quill", "Quill", "Content Scribe", 45, 30, 15, "writing,editing,documentation",
            "write, draft, document, readme, blog, copy, edit, proofread, content, article"),
        bidder(
            "pixel", "Pixel", "Visual Architect", 80, 60, 20, "image-generation,storyboard,design",
            "image, picture, photo, draw, illustration, storyboard, frame, visual, design, generate, portrait, landscape, scene, artwork"),
        bidder(
            "lyra", "Lyra", "Sound Weaver", 90, 70, 20, "music-generation,vocals,composition",
            "music, song, sing, vocal, instrumental, melody, beat, track, compose, lyrics, audio, sound, album, remix"),
        bidder(
            "reel", "Reel", "Motion Director", 100, 80, 20, "video-generation,animation,motion",
            "video, clip, animate, motion, film, scene, cinematic, footage, render, timelapse"),
    ]

    public static let bidders: [Persona] = all.filter(\.bids)

    private static let byID: [String: Persona] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    public static func persona(_ id: String) -> Persona? { byID[id.lowercased()] }

    public static var ids: [String] { all.map(\.id) }

    /// The schema keyword of a field that names a persona: one of the ids.
    public static var idSchema: [String: JSONValue] { ["enum": .array(ids.map(JSONValue.string))] }

    private static func bidder(
        _ id: String, _ name: String, _ role: String, _ rate: Int, _ base: Int, _ jitter: Int, _ capabilities: String,
        _ keywords: String
    ) -> Persona {
        Persona(
            id: id, name: name, role: role, rateSats: rate, bidBase: base, bidJitter: jitter,
            capabilities: capabilities.split(separator: ",").map(String.init),
            preferredKeywords: keywords.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }, bids: true)
    }
}
