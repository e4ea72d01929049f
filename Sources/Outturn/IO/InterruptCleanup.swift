#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes half-written output files when the process is stopped by SIGINT, SIGTERM or SIGHUP, so
/// an interrupted run leaves nothing beside its output.
///
/// The signal handler only calls `unlink(2)` and re-raises the signal with its default action
/// (both async-signal-safe); the paths live in a fixed table of C strings set up before the
/// handler can run. A signal that was ignored when the process started (`nohup`) stays ignored.
enum InterruptCleanup {
    /// Room for this many files being written at once (the planner writes one).
    static let capacity = 8
    /// The paths to remove, as C strings; nil slots are free. Shared with the signal handler, which
    /// cannot take a lock: writers hold `lock`, the handler only reads (hence nonisolated(unsafe)).
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        return lock
    }()
    /// Guarded by `lock`.
    nonisolated(unsafe) private static var installed = false

    /// Registers `path` for removal on interrupt; returns its slot for ``unregister(_:)``, or nil
    /// when the table is full (the file is then only removed by the normal error paths).
    static func register(_ path: String) -> Int? {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if !installed {
            installed = true
            for signal in [SIGINT, SIGTERM, SIGHUP] { install(signal) }
        }
        guard let slot = (0..<capacity).first(where: { slots[$0] == nil }) else { return nil }
        slots[slot] = strdup(path)
        return slot
    }

    /// Forgets a slot once its file is renamed into place or removed. The C string is not freed: a
    /// handler running on another thread may still be reading it (a few bytes per output file).
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        pthread_mutex_lock(lock)
        slots[slot] = nil
        pthread_mutex_unlock(lock)
    }

    private static func install(_ number: Int32) {
        let previous = signal(number, { received in
            for index in 0..<InterruptCleanup.capacity {
                if let path = InterruptCleanup.slots[index] { unlink(path) }
            }
            signal(received, SIG_DFL)
            raise(received)
        })
        // Keep a signal ignored if it was (nohup, or a parent that set SIG_IGN).
        if let previous, unsafeBitCast(previous, to: Int.self) == 1 { signal(number, SIG_IGN) }
    }
}
