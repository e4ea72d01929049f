import Foundation
import Outturn

/// Reading the 1M-row ledger CSV from memory (the file is read before the timing).
enum LedgerReadTiming {
    static func run(_ options: Options) {
        let path = options.string("file")
        let text = try! String(contentsOfFile: path, encoding: .utf8)
        let (seconds, ledger) = Report.bestOf(3) { try! Ledger(csv: text, fileName: path) }
        Report.emit("read ledger 1M rows", seconds: seconds, ["rows": ledger.entries.count, "route": "Ledger(csv:)"])
    }
}
