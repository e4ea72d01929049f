import Benchmark
import BenchmarkSupport
import Foundation
import Outturn

/// Reading a 1M-row ledger CSV into a `Ledger` (and, for comparison, the generic `CSVTable` under it) (`line,year,budget,actual`, Benchmarks/.data/ledger-1m.csv from
/// Benchmarks/peers/generate.py). The file is read into memory once, outside the measurement,
/// so the figures are parsing, not disk.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10), maxIterations: 5)

    let url = Workloads.generated("ledger-1m.csv")
    let text = try! String(contentsOf: url, encoding: .utf8)

    Benchmark("ledger read 1M rows") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Ledger(csv: text, fileName: url.lastPathComponent))
        }
    }

    Benchmark("CSV table of a ledger 1M rows") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try CSVTable(text: text, fileName: url.lastPathComponent))
        }
    }
}
