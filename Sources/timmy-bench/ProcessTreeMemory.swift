import Foundation

/// The resident memory of this process and every process below it, read from /proc: sampled while
/// some work runs, it gives the tree's peak (the sum at one instant, not the sum of each one's peak).
enum ProcessTreeMemory {
    /// Runs `work` while sampling every 50 ms, and returns its result with the peak in MiB.
    static func peak<T: Sendable>(during work: () async throws -> T) async throws -> (value: T, mebibytes: Double) {
        let sampler = Task {
            var peak = 0
            while !Task.isCancelled {
                peak = max(peak, residentKiB())
                try? await Task.sleep(for: .milliseconds(50))
            }
            return peak
        }
        do {
            let value = try await work()
            sampler.cancel()
            return (value, Double(await sampler.value) / 1024)
        } catch {
            sampler.cancel()
            throw error
        }
    }

    /// The tree's resident KiB now.
    static func residentKiB() -> Int {
        let parents = parentsByProcess()
        var tree: Set<Int> = [Int(ProcessInfo.processInfo.processIdentifier)]
        var grew = true
        while grew {
            let below = parents.filter { tree.contains($0.value) && !tree.contains($0.key) }.map(\.key)
            grew = !below.isEmpty
            tree.formUnion(below)
        }
        return tree.reduce(0) { $0 + resident(of: $1) }
    }

    /// Each process's parent, from the fourth field of /proc/<pid>/stat (after the name's closing parenthesis).
    private static func parentsByProcess() -> [Int: Int] {
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap(Int.init)
        return pids.reduce(into: [:]) { parents, pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = Int(fields[1]) { parents[pid] = parent }
        }
    }

    /// VmRSS of one process in KiB; 0 once it has gone.
    private static func resident(of pid: Int) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
