import Foundation

/// One run of an external program: an argument vector (never a shell line), where to run it,
/// what to change in the inherited environment, and the limits it runs under.
public struct ProcessRequest: Sendable {
    /// Feeds a running program's standard input through `write`.
    public typealias InputWriter = @Sendable (_ write: @Sendable ([UInt8]) async throws -> Void) async throws -> Void
    /// Receives a piece of standard output as the program writes it; throwing stops the program.
    public typealias OutputObserver = @Sendable (_ bytes: [UInt8]) async throws -> Void

    /// A program name looked up on `PATH`, or an absolute path.
    public var program: String
    public var arguments: [String]
    /// The folder to run in; nil keeps the current one.
    public var workingDirectory: URL?
    /// Changes to the inherited environment: a value sets the variable, nil removes it.
    public var environment: [String: String?]
    /// Bytes written to the program's standard input; nil gives it none.
    public var input: [UInt8]?
    /// Writes standard input while the program runs, for input too large to hold at once (raw video
    /// frames); used instead of `input` when set. `write` waits while the pipe is full.
    public var inputWriter: InputWriter?
    /// Sees standard output piece by piece while the program runs (FFmpeg's `-progress pipe:1`);
    /// the pieces are still collected, under the same limit, into `ProcessOutput.standardOutput`.
    public var outputObserver: OutputObserver?
    /// How long the program may run before it is stopped (SIGTERM, then SIGKILL two seconds later).
    public var timeout: Duration
    /// Most bytes kept from each of standard output and standard error; a program writing more is
    /// stopped and the run fails with `ProcessRunError.outputTooLarge` (output is never silently cut).
    public var outputLimit: Int
    /// How errors name this run, e.g. "git clone". Arguments are never quoted in errors, since they may hold secrets.
    public var label: String

    public init(
        _ program: String, _ arguments: [String] = [], workingDirectory: URL? = nil, environment: [String: String?] = [:],
        input: [UInt8]? = nil, timeout: Duration = .seconds(60), outputLimit: Int = 16 << 20, label: String? = nil
    ) {
        self.program = program
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.input = input
        self.timeout = timeout
        self.outputLimit = outputLimit
        self.label = label ?? program
    }
}
