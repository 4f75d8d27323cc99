/// Why the Director refused or could not finish something; each case says what to fix.
public enum DirectorError: Error, Equatable, CustomStringConvertible {
    /// Bad input, naming the field; nothing was written.
    case invalid(field: String, message: String)
    case notFound(String)
    /// The project is not in a state that allows this (approving one that is not waiting).
    case conflict(String)
    /// A step's work failed; the step and the project record why.
    case failed(String)

    public var description: String {
        switch self {
        case .invalid(_, let message), .notFound(let message), .conflict(let message), .failed(let message): message
        }
    }
}
