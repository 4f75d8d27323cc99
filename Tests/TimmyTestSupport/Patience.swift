/// How long a test waits for something that should happen before it calls it a hang. It guards against
/// a hang, not against slowness: a test never fails on a timing. Two cores shared by twelve tests and a
/// build beside them once took over a minute to make and remake a two-second 720p clip, past the
/// minute a wait used to allow.
public enum Patience {
    /// The longest a test waits for a job, a process or a state it polls for.
    public static let wait: Duration = .seconds(600)
}
