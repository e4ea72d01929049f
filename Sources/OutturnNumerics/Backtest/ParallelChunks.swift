import Dispatch
import Foundation

/// Runs independent work items on all cores and returns their results in item order, whatever
/// the thread scheduling: items are split into contiguous chunks, each chunk computes its results
/// locally and stores them once into its preallocated slots.
enum ParallelChunks {
    /// `body(i)` for i in 0..<count, in parallel; result i is `body(i)`.
    static func map<T>(count: Int, _ body: (Int) -> T) -> [T] {
        chunks(count: count, body).flatMap { $0 }
    }

    /// `body(i)` for i in 0..<count, in parallel, returned as contiguous chunks in item order
    /// (concatenated, they are ``map(count:_:)``'s result).
    static func chunks<T>(count: Int, _ body: (Int) -> T) -> [[T]] {
        guard count > 0 else { return [] }
        BLASThreads.setCount(1)
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkCount = min(count, cores * 8)
        let slots = Slots<[T]>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = chunk * count / chunkCount
            let end = (chunk + 1) * count / chunkCount
            var local: [T] = []
            local.reserveCapacity(end - start)
            for index in start..<end { local.append(body(index)) }
            slots.store([local], from: chunk)
        }
        return slots.values.map { $0! }
    }

    /// Preallocated result slots written under a lock, once per chunk.
    private final class Slots<T>: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [T?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func store(_ items: [T], from start: Int) {
            lock.lock()
            defer { lock.unlock() }
            for (offset, item) in items.enumerated() { values[start + offset] = item }
        }
    }
}
