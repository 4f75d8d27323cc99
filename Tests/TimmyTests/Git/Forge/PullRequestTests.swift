import Testing

/// The pull-request suites, one test at a time: each starts a forge, git processes and sometimes the
/// `timmy` binary, and run side by side they starve the rest of the suite on a small machine.
@Suite("Pull requests", .serialized)
enum PullRequestTests {}
