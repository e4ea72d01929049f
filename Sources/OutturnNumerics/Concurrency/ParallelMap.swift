import Dispatch
import Foundation

/// The package's one parallel map: independent work items on several threads, results in item
/// order whatever the scheduling. Items are split into contiguous chunks; each chunk computes its
/// results locally and stores them once into its own slot.
///
/// The work must not start OpenBLAS threads of its own: a command that runs BLAS inside the
/// body sets `BLASThreads.setCount(1)` once, at its entry point.
package enum ParallelMap {
    /// The machine's active cores (2 on the project's standard machine).
    package static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `body(range)` for `chunkCount` contiguous ranges covering 0..<count (chunk k is
    /// k·count/chunkCount ..< (k+1)·count/chunkCount), in parallel; result k is chunk k's.
    /// With one chunk (or `chunkCount` ≤ 1) it runs on the calling thread.
    package static func chunks<T: Sendable>(count: Int, chunkCount: Int,
                                            _ body: @Sendable (Range<Int>) -> T) -> [T] {
        guard count > 0 else { return [] }
        let chunkCount = max(1, min(count, chunkCount))
        if chunkCount == 1 { return [body(0..<count)] }
        let slots = Slots<T>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            slots.store(body((chunk * count / chunkCount)..<((chunk + 1) * count / chunkCount)), at: chunk)
        }
        return slots.values()
    }

    /// `body(i)` for i in 0..<count in parallel (8 chunks per core), returned as contiguous
    /// chunks in item order (concatenated, they are ``map(count:_:)``'s result).
    package static func chunkedMap<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [[T]] {
        chunks(count: count, chunkCount: cores * 8) { range in range.map(body) }
    }

    /// `body(i)` for i in 0..<count in parallel; result i is `body(i)`.
    package static func map<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        chunkedMap(count: count, body).flatMap { $0 }
    }

    /// One result slot per chunk, each written once under a lock.
    private final class Slots<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [T?]
        init(count: Int) { stored = Array(repeating: nil, count: count) }
        func store(_ value: T, at index: Int) {
            lock.lock()
            defer { lock.unlock() }
            stored[index] = value
        }
        func values() -> [T] {
            lock.lock()
            defer { lock.unlock() }
            return stored.map { $0! }
        }
    }
}
