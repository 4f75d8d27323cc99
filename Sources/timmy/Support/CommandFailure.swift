/// A command that could not do its work; printed as `Error: <message>` with exit status 1,
/// without the usage text a `ValidationError` brings.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ error: any Error) { description = "\(error)" }

    init(_ message: String) { description = message }
}
