import Foundation

/// Counts calls into OpenBLAS/LAPACK made by this module, for tests that must show a code path
/// reaches the BLAS/LAPACK boundary. Off unless a test installs a ``Recorder`` for its task.
package enum LinearAlgebraBoundary {
    /// Calls per routine (``LAPACKRoutine``), thread-safe.
    package final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [LAPACKRoutine: Int] = [:]

        package init() {}

        func record(_ routine: LAPACKRoutine) {
            lock.lock()
            counts[routine, default: 0] += 1
            lock.unlock()
        }

        /// Calls of `routine` so far.
        package func calls(of routine: LAPACKRoutine) -> Int {
            lock.lock()
            defer { lock.unlock() }
            return counts[routine, default: 0]
        }

        /// Calls of every routine so far.
        package var total: Int {
            lock.lock()
            defer { lock.unlock() }
            return counts.values.reduce(0, +)
        }
    }

    /// The recorder of the current task (nil: nothing is counted).
    @TaskLocal package static var recorder: Recorder?

    /// Notes one call of `routine` (a task-local read when no recorder is installed).
    static func note(_ routine: LAPACKRoutine) {
        recorder?.record(routine)
    }
}
