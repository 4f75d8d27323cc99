import ArgumentParser
import Foundation
import TimmyAPI
import TimmyCore

/// `timmy projects [list|show|edit|approve|resume|rerun-scene|export]`: the Creative Director's projects.
struct ProjectsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projects", abstract: "Creative Director projects: list, show, edit, approve, resume, rerun-scene, export.",
        subcommands: [List.self, Show.self, Edit.self, Approve.self, Resume.self, RerunScene.self, Export.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List projects, newest first.")

        @OptionGroup var options: GlobalOptions

        @Option(help: "How many (1-500).")
        var limit = 20

        func run() async throws {
            let limit = self.limit
            let list = try await ServiceConnector.with(options) { try await $0.projects(limit: limit) }
            if options.json { return Output.json(list) }
            guard !list.projects.isEmpty else { return print("No projects yet. Make one: timmy create \"a music video about …\"") }
            Output.table(
                ["ID", "STATUS", "SECONDS", "GENRE", "BACKEND", "CREATED", "TITLE"],
                list.projects.map {
                    [
                        $0.id, $0.status.rawValue, String(Int($0.duration)), $0.genre, $0.backend, Output.date($0.createdAt),
                        String($0.title.prefix(50)),
                    ]
                })
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a project: its scenes and every step with its files and timings.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The project id.")
        var id: String

        func run() async throws {
            let id = self.id
            let detail = try await ServiceConnector.with(options) { try await $0.project(id) }
            if options.json { Output.json(detail) } else { ProjectRendering.print(detail, verbose: true) }
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change scene descriptions or the lyrics of a project that is not running (they count from the next approve, resume or rerun).",
            discussion: """
                Examples:
                  timmy projects edit ID --scene "3=a lighthouse in the fog at dawn"
                  timmy projects edit ID --lyrics lyrics.txt     # a line each: SECONDS [verse|chorus|bridge] TEXT
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The project id.")
        var id: String

        @Option(help: ArgumentHelp("A scene's new description, as N=TEXT (repeat for more).", valueName: "N=text"))
        var scene: [String] = []

        @Option(help: ArgumentHelp("A file of lyric lines, each SECONDS [SECTION] TEXT.", valueName: "file"))
        var lyrics: String?

        func run() async throws {
            var scenes: [SceneEdit] = []
            for entry in scene {
                guard let equals = entry.firstIndex(of: "="), let number = Int(entry[..<equals]) else {
                    throw ValidationError("--scene must be N=TEXT, got '\(entry)'")
                }
                scenes.append(SceneEdit(scene: number, description: String(entry[entry.index(after: equals)...])))
            }
            let lines = try lyrics.map { try Self.lyricLines(from: $0) }
            guard !scenes.isEmpty || lines != nil else { throw ValidationError("give --scene or --lyrics") }
            let (id, edit) = (self.id, EditProjectRequest(scenes: scenes.isEmpty ? nil : scenes, lyrics: lines))
            let detail = try await ServiceConnector.with(options) { try await $0.editProject(id, edit) }
            if options.json { Output.json(detail) } else { ProjectRendering.print(detail, verbose: true) }
        }

        static func lyricLines(from path: String) throws -> [LyricLineValue] {
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch { throw ValidationError("--lyrics: cannot read \(path)") }
            return try text.split(separator: "\n").enumerated().compactMap { number, raw in
                let line = raw.trimmingCharacters(in: .whitespaces)
                guard !line.isEmpty else { return nil }
                var words = line.split(separator: " ", maxSplits: 2).map(String.init)
                guard words.count >= 2, let time = Double(words[0]) else {
                    throw ValidationError("--lyrics: line \(number + 1) must be SECONDS [SECTION] TEXT, got '\(line)'")
                }
                var section: String?
                if ["verse", "chorus", "bridge"].contains(words[1].trimmingCharacters(in: CharacterSet(charactersIn: "[]"))), words.count == 3 {
                    section = words[1].trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                    words.remove(at: 1)
                } else if words.count == 3 {
                    words = [words[0], words[1] + " " + words[2]]
                }
                return LyricLineValue(time: time, text: words[1], section: section)
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve a project awaiting approval and follow it to the end.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The project id.")
        var id: String

        func run() async throws {
            let id = self.id
            try await ProjectsCommand.follow(options) { service in
                _ = try await service.approveProject(id)
                return id
            }
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run an interrupted or failed project on: unfinished steps are made, finished ones kept when their files still hash the same.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The project id.")
        var id: String

        func run() async throws {
            let id = self.id
            try await ProjectsCommand.follow(options) { service in
                _ = try await service.resumeProject(id)
                return id
            }
        }
    }

    struct RerunScene: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rerun-scene",
            abstract: "Remake one scene's keyframe (new seed, optionally new words), then its clips and the final video; the rest is kept.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The project id.")
        var id: String

        @Argument(help: "The scene, from 1.")
        var scene: Int

        @Option(help: "The new seed (default: drawn).")
        var seed: Int?

        @Option(help: "A new description for the scene.")
        var description: String?

        func run() async throws {
            let (id, rerun) = (self.id, RerunSceneRequest(scene: scene, seed: seed, description: description))
            try await ProjectsCommand.follow(options) { service in
                _ = try await service.rerunScene(id, rerun)
                return id
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a project's final.mp4, final.srt, project.json and edit.json into a folder.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The project id.")
        var id: String

        @Option(help: ArgumentHelp("Where to copy them (default: ./ID).", valueName: "folder"))
        var to: String?

        func run() async throws {
            let id = self.id
            let detail = try await ServiceConnector.with(options) { try await $0.project(id) }
            let folder = URL(fileURLWithPath: detail.project.folder)
            let destination = URL(fileURLWithPath: to ?? id, isDirectory: true)
            guard detail.project.finalVideo != nil else {
                throw CommandFailure(ServiceError.conflict("project \(id) has no final.mp4 yet (it is \(detail.project.status.rawValue))"))
            }
            try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
            var copied: [String] = []
            for name in ["final.mp4", "final.srt", "project.json", "edit.json"] {
                let source = folder.appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: source.path) else { continue }
                let target = destination.appendingPathComponent(name)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: source, to: target)
                copied.append(target.path)
            }
            if options.json {
                Output.json(copied)
            } else {
                for path in copied { print(path) }
            }
        }
    }

    /// Starts something on a project and follows it until it stops running; exits 1 unless it completed or waits for approval.
    static func follow(_ options: GlobalOptions, _ start: @escaping @Sendable (any TimmyService) async throws -> String) async throws {
        let detail = try await ServiceConnector.with(options, runsSwarm: true) { service in
            try await ProjectFollower.follow(try await start(service), on: service)
        }
        if options.json { Output.json(detail) } else { ProjectRendering.print(detail, verbose: false) }
        if [.failed, .interrupted].contains(detail.project.status) { throw ExitCode(1) }
    }
}
