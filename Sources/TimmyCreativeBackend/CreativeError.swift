/// Why creative work could not be done, in words a person can act on.
public enum CreativeError: Error, Equatable, CustomStringConvertible {
    /// The image to vary or animate could not be read.
    case unreadableImage(path: String, reason: String)
    /// A step of the rendering failed (a missing soundfont, a malformed intermediate file).
    case renderFailed(String)

    public var description: String {
        switch self {
        case .unreadableImage(let path, let reason): "cannot read the image \(path): \(reason)"
        case .renderFailed(let message): message
        }
    }
}
