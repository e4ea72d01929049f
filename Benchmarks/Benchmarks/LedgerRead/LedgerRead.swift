import Benchmark
import BenchmarkSupport
import Foundation
import Outturn

/// Reading a ledger CSV (`line,year,budget,actual`; Benchmarks/.data/ledger-1m.csv from
/// Benchmarks/peers/generate.py, 200k lines × 5 years) into a `Ledger`, and the generic `CSVTable`
/// under it. The text is in memory before the measurement, so the figures are parsing, not disk;
/// except "from the file", which is what planner does: `Ledger(contentsOf:)` maps the file (in
/// the page cache after the first iteration) and parses it from bytes on all cores. The decimal
/// pair compares the byte-level double reader with `Double(String)` on the ledger's amounts.
/// `Ledger` is measured on the first 100k rows and on all 1M (one iteration, no warm-up: about
/// 20 s at this commit, see Benchmarks/README.md for where the time goes).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10), maxIterations: 5)

    let url = Workloads.generated("ledger-1m.csv")
    let text = try! String(contentsOf: url, encoding: .utf8)

    let rows = 100_000
    let prefix = text.split(separator: "\n", maxSplits: rows + 1, omittingEmptySubsequences: true)
        .prefix(rows + 1).joined(separator: "\n") + "\n"
    Benchmark("ledger read 100k rows") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Ledger(csv: prefix, fileName: url.lastPathComponent))
        }
    }

    Benchmark("ledger read 1M rows",
              configuration: .init(warmupIterations: 0, maxDuration: .seconds(1), maxIterations: 1)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Ledger(csv: text, fileName: url.lastPathComponent))
        }
    }

    Benchmark("ledger read 1M rows from the file") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Ledger(contentsOf: url.path))
        }
    }

    // The budget column of the first 100k rows, as bytes and as Strings.
    let amounts = prefix.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[2]) }
    let amountBytes = amounts.map { Array($0.utf8) }
    Benchmark("decimal to double from bytes, 100k amounts") { benchmark in
        for _ in benchmark.scaledIterations {
            var sum = 0.0
            for bytes in amountBytes { sum += bytes.withUnsafeBufferPointer { DecimalToDouble.parse($0)! } }
            blackHole(sum)
        }
    }
    Benchmark("Double(String), 100k amounts") { benchmark in
        for _ in benchmark.scaledIterations {
            var sum = 0.0
            for text in amounts { sum += Double(text)! }
            blackHole(sum)
        }
    }

    Benchmark("CSV table of a ledger 1M rows") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try CSVTable(text: text, fileName: url.lastPathComponent))
        }
    }
}
