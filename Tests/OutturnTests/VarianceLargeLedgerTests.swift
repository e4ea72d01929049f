import Foundation
import Outturn
import Testing

/// The variance path on ledgers too big to build the whole JSON tree or every entry for.
@Suite("Variance of large ledgers")
struct VarianceLargeLedgerTests {
    @Test("JSON written a line at a time is the JSON tree's text, escapes and nulls included")
    func streamedJSONEqualsTree() throws {
        var text = "line,year,budget,actual\n"
        for k in 0..<500 {
            text += "\"Line \(k) \"\"q\"\" \\\\ é\",2020/21,\(k),\(k * 2)\n\"Line \(k) \"\"q\"\" \\\\ é\",2021/22,\(k % 7 == 0 ? 0 : k * 3),\(k)\n"
        }
        let report = try VarianceReport(ledger: try Ledger(csv: text, fileName: "l.csv"))
        #expect(report.lines.count == 500)
        let sink = StringSink()
        try report.write(as: .json, ledgerFile: "l.csv", to: sink)
        #expect(sink.text == report.json().rendered())
        #expect(sink.text.contains("\"variancePercent\": null"))
    }

    @Test("the entries of one year are those of the whole ledger in that year, in file order")
    func entriesOfYear() throws {
        // Rows out of order: the ledger regroups them; entries(in:) must give file order back.
        let text = "line,year,budget,actual\nB,2021/22,1,1\nA,2020/21,2,2\nA,2021/22,3,3\nB,2020/21,4,4\nC,2021/22,5,5\n"
        let ledger = try Ledger(csv: text, fileName: "l.csv")
        let year = FiscalYear(startYear: 2021)
        #expect(ledger.entries(in: year) == ledger.entries.filter { $0.year == year })
        #expect(ledger.entries(in: year).map(\.sourceLine) == [2, 4, 6])
    }
}
