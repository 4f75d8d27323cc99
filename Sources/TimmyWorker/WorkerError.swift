/// Why the worker could not do a piece of work, in words a person can act on.
public enum WorkerError: Error, Equatable, CustomStringConvertible {
    /// No Python with the worker installed was found.
    case notInstalled(searched: [String])
    /// The worker process could not be started or did not say where it listens.
    case startFailed(String)
    /// The worker process ended while a job ran.
    case exited(reason: String, step: Int, steps: Int, operation: String)
    /// The model is not on the worker's machine.
    case missingModel(String)
    /// The worker refused or failed the job (its code and message).
    case jobFailed(code: String, message: String)
    /// The worker could not be reached or answered in a way the protocol does not allow.
    case protocolError(String)

    public var description: String {
        switch self {
        case .notInstalled(let searched):
            "the model worker is not installed: no Python with timmy_worker at \(searched.joined(separator: ", ")); "
                + "run scripts/bootstrap (it makes worker/.venv) or set worker_python"
        case .startFailed(let message): "the model worker did not start: \(message)"
        case .exited(let reason, let step, let steps, let operation):
            "worker exited (\(reason)) at step \(step)/\(steps) of \(operation)"
        case .missingModel(let message): message
        case .jobFailed(let code, let message): "the worker failed the job (\(code)): \(message)"
        case .protocolError(let message): "the model worker answered badly: \(message)"
        }
    }
}
