import Foundation
import Outturn

/// Reading a ledger CSV from memory (the file is read before the timing): `--parser ledger`
/// (`Ledger(csv:)`, parsing and validation, what planner does) or `--parser csv` (`CSVTable`,
/// the generic split into fields under it), or `--parser file` (`Ledger(contentsOf:)`: the file
/// memory-mapped and parsed from bytes on all cores, what planner does since issue 12).
enum LedgerReadTiming {
    static func run(_ options: Options) {
        let path = options.string("file")
        let text = try! String(contentsOfFile: path, encoding: .utf8)
        let rows = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } - 1
        let repeats = options.integer("repeats", default: 1)
        switch options.optionalString("parser") ?? "ledger" {
        case "file":
            let (seconds, ledger) = Report.bestOf(repeats) { try! Ledger(contentsOf: path) }
            Report.emit("read ledger \(rows) rows from the file", seconds: seconds, ["rows": ledger.rowCount, "route": "Ledger(contentsOf:)"])
        case "csv":
            let (seconds, table) = Report.bestOf(repeats) { try! CSVTable(text: text, fileName: path) }
            Report.emit("CSV fields of ledger \(rows) rows", seconds: seconds, ["rows": table.rows.count, "route": "CSVTable(text:)"])
        default:
            let (seconds, ledger) = Report.bestOf(repeats) { try! Ledger(csv: text, fileName: path) }
            Report.emit("read ledger \(rows) rows", seconds: seconds, ["rows": ledger.entries.count, "route": "Ledger(csv:)"])
        }
    }
}
