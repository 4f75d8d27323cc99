import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a folder's entries with `readdir`, taking file types from the directory itself rather
/// than a `stat` per entry; listing is the most frequent tool call.
enum DirectoryEntries {
    struct Entry {
        let name: String
        let isDirectory: Bool
    }

    /// The entries of `folder`, without `.` and `..`, sorted by name.
    static func read(_ folder: URL) throws -> [Entry] {
        guard let stream = opendir(folder.path) else {
            throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: folder.path])
        }
        defer { closedir(stream) }
        var entries: [Entry] = []
        while let pointer = readdir(stream) {
            let name = withUnsafePointer(to: pointer.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type = pointer.pointee.d_type
            let isDirectory =
                type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK)
                ? FileToolSupport.isDirectory(folder.appendingPathComponent(name)) : type == UInt8(DT_DIR)
            entries.append(Entry(name: name, isDirectory: isDirectory))
        }
        return entries.sorted { $0.name < $1.name }
    }
}
