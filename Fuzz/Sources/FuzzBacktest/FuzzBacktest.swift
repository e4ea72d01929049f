import Foundation
import Outturn

private let path = NSTemporaryDirectory() + "outturn-fuzz-backtest-\(getpid()).csv"

/// One input: any bytes as the long CSV of `planner backtest` (written to a file, as the reader
/// streams from one), read with the default column names.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBacktest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size)) else { return 0 }
    if let file = try? LongSeriesFile(path: path, seriesColumn: "series", periodColumn: "period", valueColumn: "value") {
        precondition(file.offsets.count == file.names.count + 1 && file.offsets.last == file.allValues.count)
    }
    return 0
}
