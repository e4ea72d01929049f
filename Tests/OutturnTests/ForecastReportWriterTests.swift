import Foundation
import Outturn
import Testing
import _TestSupport

@Suite("Streamed forecast output")
struct ForecastReportWriterTests {
    static func streamed(_ resolved: ResolvedScenario, format: OutputFormat, blockSize: Int,
                         spoolMemoryLimit: Int = 4 << 20) throws -> String {
        let sink = StringSink()
        let writer = ForecastReportWriter(format: format, scenario: resolved.scenario, sink: sink,
                                          spoolMemoryLimit: spoolMemoryLimit)
        let preparer = writer.preparer
        let (total, activity) = try ForecastRun.run(resolved, blockSize: blockSize, prepare: { preparer.prepare($0) }) {
            try writer.add($0)
        }
        try writer.finish(total: total, activity: activity)
        return sink.text
    }

    @Test("the streamed bundled forecast is byte for byte the report rendered whole, in every format",
          arguments: OutputFormat.allCases)
    func bundledIdentical(format: OutputFormat) throws {
        let resolved = try ResolvedScenario.bundled()
        let whole = try ForecastReport(resolved).rendered(as: format)
        #expect(try ForecastReportWriterTests.streamed(resolved, format: format, blockSize: 2) == whole)
    }

    @Test("a multi-year ledger with a line that has a pipe and a formula-like name streams identically too",
          arguments: OutputFormat.allCases)
    func multiYearIdentical(format: OutputFormat) throws {
        var csv = "line,year,budget,actual\n"
        for (index, name) in ["Licences", "A|B", "=SUM(1)", "Hardware"].enumerated() {
            for year in 0..<(index + 1) {
                csv += "\"\(name)\",\(FiscalYear(startYear: 2021 - index + year)),\(100_000 + index),\(95_000 + 3_000 * year)\n"
            }
        }
        let ledger = try Ledger(csv: csv, fileName: "l.csv")
        let scenario = Scenario(fileName: "s.yaml", ledgerPath: "l.csv", targetYear: FiscalYear("2022/23")!,
                                lines: ledger.lineNames.map { ScenarioLine(name: $0, budget: Money(pounds: 101_000), sourceLine: 1) })
        let resolved = try ResolvedScenario(scenario: scenario, ledger: ledger, activity: [])
        let whole = try ForecastReport(resolved).rendered(as: format)
        #expect(try ForecastReportWriterTests.streamed(resolved, format: format, blockSize: 1) == whole)
        // A spool of a few bytes moves the table's rows to a temporary file after the first row.
        #expect(try ForecastReportWriterTests.streamed(resolved, format: format, blockSize: 3, spoolMemoryLimit: 10) == whole)
    }
}
