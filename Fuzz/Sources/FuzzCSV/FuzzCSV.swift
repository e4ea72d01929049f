import Foundation
import Outturn

/// One input: any bytes, read as a CSV, a ledger and an activity file. Errors are expected
/// (``InputError``); a trap, a hang or a memory error is a finding. A ledger that reads is also
/// reported on in every format.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let reader = try? CSVRowReader(text: text, fileName: "fuzz.csv") {
        while let row = try? reader.next() { _ = row.fields.count }
    }
    if let ledger = try? Ledger(csv: text, fileName: "fuzz.csv"),
       let report = try? VarianceReport(ledger: ledger, year: nil, materiality: .standard) {
        for format in OutputFormat.allCases { try? report.write(as: format, ledgerFile: "fuzz.csv", to: StringSink()) }
    }
    _ = try? ActivitySeries.read(csv: text, fileName: "fuzz.csv")
    return 0
}
