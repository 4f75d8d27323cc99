import GRDB
import TimmyAPI

/// SQLite's answers when the machine, not the request, is at fault — a full disk, a lock held by
/// another process, a read-only file — as 503s that say what to do. Anything else stays internal.
extension DatabaseError: ServiceErrorConvertible {
    public var serviceError: ServiceError? {
        switch resultCode {
        case .SQLITE_FULL:
            .unavailable("the store could not be written: the disk holding the data folder is full; free some space and try again")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            .unavailable("the store is busy: another process holds its lock (timmy.sqlite); try again once it lets go")
        case .SQLITE_READONLY:
            .unavailable("the store is read-only: make the data folder and timmy.sqlite writable, then try again")
        case .SQLITE_IOERR, .SQLITE_CANTOPEN:
            .unavailable("the store could not be read or written (\(message ?? "I/O error")); check the data folder's disk")
        default: nil
        }
    }
}
