import Foundation
@testable import Outturn
import Testing
import _TestSupport

@Suite("Forecast report writer")
struct ForecastReportWriterTests {
    /// The report streamed block by block through the one writer.
    static func streamed(_ resolved: ResolvedScenario, format: OutputFormat, blockSize: Int,
                         spoolMemoryLimit: Int = 4 << 20) throws -> String {
        let sink = StringSink()
        let writer = ForecastReportWriter(format: format, scenario: resolved.scenario, sink: sink,
                                          spoolMemoryLimit: spoolMemoryLimit)
        let outcome = try ForecastRun.run(resolved, blockSize: blockSize) { try writer.add($0) }
        try writer.finish(outcome)
        return sink.text
    }

    /// The report collected first (``ForecastReport``), then written whole by the same writer.
    static func whole(_ resolved: ResolvedScenario, format: OutputFormat) throws -> String {
        let sink = StringSink()
        try ForecastReportWriter(format: format, scenario: resolved.scenario, sink: sink).write(try ForecastReport(resolved))
        return sink.text
    }

    @Test("the bundled forecast does not depend on block size: one line per block, two, or all at once",
          arguments: OutputFormat.allCases)
    func bundledBlocks(format: OutputFormat) throws {
        let resolved = try ResolvedScenario.bundled()
        let whole = try ForecastReportWriterTests.whole(resolved, format: format)
        #expect(try ForecastReportWriterTests.streamed(resolved, format: format, blockSize: 1) == whole)
        #expect(try ForecastReportWriterTests.streamed(resolved, format: format, blockSize: 2) == whole)
    }

    /// A ledger of 300 lines of 1 to 4 years, with a pipe, a formula-like name and a line named Total.
    static func generated() throws -> ResolvedScenario {
        var csv = "line,year,budget,actual\n"
        let names = ["Licences", "A|B", "=SUM(1)", "Total"] + (0..<296).map { "Line \($0)" }
        for (index, name) in names.enumerated() {
            let years = index % 4 + 1
            for year in 0..<years {
                csv += "\"\(name)\",\(FiscalYear(startYear: 2022 - years + year)),\(100_000 + index),\(95_000 + 3_000 * year + 17 * index)\n"
            }
        }
        let ledger = try Ledger(csv: csv, fileName: "l.csv")
        let scenario = Scenario(fileName: "s.yaml", ledgerPath: "l.csv", targetYear: FiscalYear("2022/23")!,
                                lines: ledger.lineNames.map { ScenarioLine(name: $0, budget: Money(pounds: 101_000), sourceLine: 1) })
        return try ResolvedScenario(scenario: scenario, ledger: ledger, activity: [])
    }

    @Test("300 lines: block size, the parallel rendering of large blocks and the table's spool to disk change no byte",
          arguments: OutputFormat.allCases)
    func generatedBlocks(format: OutputFormat) throws {
        let resolved = try ForecastReportWriterTests.generated()
        let whole = try ForecastReportWriterTests.whole(resolved, format: format)
        #expect(try ForecastReportWriterTests.streamed(resolved, format: format, blockSize: 7) == whole)
        // A spool of a few bytes moves the table's rows to a temporary file after the first row.
        #expect(try ForecastReportWriterTests.streamed(resolved, format: format, blockSize: 300, spoolMemoryLimit: 10) == whole)
        // The workbook is a zip of compressed parts: its names are checked through openpyxl elsewhere.
        if !format.isBinary { #expect(whole.contains("A|B") || whole.contains("A\\|B")) }
    }

    @Test("a line named Total stays a line: the JSON keeps it in lines and the total apart")
    func lineNamedTotal() throws {
        let resolved = try ForecastReportWriterTests.generated()
        let json = try ForecastReportWriterTests.whole(resolved, format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let lines = try #require(object["lines"] as? [[String: Any]])
        #expect(lines.count == 300 && lines.filter { $0["line"] as? String == "Total" }.count == 1)
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["method"] as? String == "joint simulation")
    }
}
