import Foundation
import TimmyCore
import TimmyStore

/// The data folder held by the one process that runs work there (`timmy serve`, or a command that
/// runs the swarm in-process); released when the value goes.
public struct DataFolderLock: Sendable {
    private let lock: DataDirectoryLock

    /// Takes the lock of the folder the settings name; throws when another process holds it.
    public init(settings: Settings) throws {
        lock = try DataDirectoryLock(directory: settings.dataDirectory)
    }
}

extension TimmyRuntime {
    /// How many writes the store has committed: an answer read at one revision holds until the next.
    public var revision: UInt64 { store.revision }
}
