import Foundation
import TimmyAPI
import TimmyCore
import TimmyStore

/// One persona at work: won tasks wait in its queue and run one at a time.
actor AgentWorker {
    let persona: Persona
    private var queue: [Swarm.Assignment] = []
    private var current: String?
    private var wakeUp: CheckedContinuation<Void, Never>?

    init(persona: Persona) { self.persona = persona }

    func enqueue(_ assignment: Swarm.Assignment) {
        queue.append(assignment)
        wakeUp?.resume()
        wakeUp = nil
    }

    var status: AgentStatus {
        AgentStatus(id: persona.id, status: current == nil ? "idle" : "busy", currentTask: current, queued: queue.count)
    }

    /// Works through the queue until cancelled.
    func run(_ work: @Sendable (Swarm.Assignment) async -> Void) async {
        while !Task.isCancelled {
            guard !queue.isEmpty else {
                await withTaskCancellationHandler {
                    await withCheckedContinuation { continuation in
                        if queue.isEmpty && !Task.isCancelled { wakeUp = continuation } else { continuation.resume() }
                    }
                } onCancel: {
                    Task { await self.cancelWait() }
                }
                continue
            }
            let assignment = queue.removeFirst()
            current = assignment.task.id
            await work(assignment)
            current = nil
        }
    }

    private func cancelWait() {
        wakeUp?.resume()
        wakeUp = nil
    }
}
