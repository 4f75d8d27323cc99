import Foundation
import TimmyAPI
import TimmyCore

/// A project as one row of a list: its picture, status, length, backend and when it was made.
struct ProjectCard {
    let id: String
    let title: String
    let href: String
    let prompt: String
    let status: String
    let statusLabel: String
    let length: String
    let backend: String
    let genre: String
    let style: String
    let thumbnail: String?
    let time: String
    let timestamp: String

    init(_ project: ProjectView) {
        id = project.id
        title = project.title
        href = ProjectCard.path(project.id)
        prompt = Format.clip(project.prompt, 120)
        status = project.status.rawValue
        statusLabel = project.status.rawValue.replacingOccurrences(of: "_", with: " ")
        length = Format.duration(project.duration)
        backend = project.backend
        genre = project.genre
        style = project.style
        thumbnail = project.thumbnailURL.flatMap { Previews.url(.thumbnail, of: $0) }
        time = Format.dateTime(project.createdAt)
        timestamp = Format.iso(project.createdAt)
    }

    /// A project's page.
    static func path(_ id: String) -> String { "/creative/projects/\(id)" }
}
