#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reader of the output went away before everything was written (`EPIPE`, as in
/// `planner variance | head -3`). Not a fault of the data: the planner stops quietly.
public struct OutputClosed: Error, Equatable, Sendable {
    /// The error (it carries no data).
    public init() {}
}

/// Writing bytes to a file descriptor with every error reported, never trapped or ignored.
enum CheckedWrite {
    /// Writes all of `bytes` to `descriptor`, retrying after signals and short writes.
    /// - Parameter name: the output as the user knows it (`standard output`, the `--output` path), for errors.
    /// - Throws: ``OutputClosed`` on `EPIPE`; ``OutputError`` naming `name` and the system's reason
    ///   (e.g. "No space left on device") for any other failure.
    static func all(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, name: String) throws {
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(descriptor, next, remaining)
            if written < 0 {
                let code = errno
                if code == EINTR || code == EAGAIN { continue }
                throw failure(code, name: name)
            }
            next += written
            remaining -= written
        }
    }

    /// The error for a failed write or close with `errno` `code`.
    static func failure(_ code: Int32, name: String) -> Error {
        if code == EPIPE { return OutputClosed() }
        let reason = String(cString: strerror(code))
        let hint = code == ENOSPC || code == EDQUOT ? "the disk is full: free some space or write the report elsewhere"
            : "check that the output can be written"
        return OutputError(file: name, message: "cannot write the output: \(reason)", hint: hint)
    }
}
