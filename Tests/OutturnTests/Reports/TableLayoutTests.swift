import Foundation
@testable import Outturn
import Testing

/// The forecast streams its rows and every other report writes a whole ``ReportTable``; both lay a
/// table out through ``TableLayout``, so they must agree byte for byte on the same rows.
@Suite("Table layout: one renderer of text tables, whole or streamed")
struct TableLayoutTests {
    /// The generated 300-line ledger's report (a pipe, a formula-like name, a line named Total), as the
    /// rows the writer lays out: every line's text cells, and the total's as the footer.
    static func rows() throws -> (resolved: ResolvedScenario, columns: [String], rows: [[ReportCell]], total: [ReportCell]) {
        let resolved = try ForecastReportWriterTests.generated()
        let report = try ForecastReport(resolved)
        let rows = report.lines.map { ForecastReportWriter.cells(.line($0)).map(\.textCell) }
        let total = ForecastReportWriter.cells(.total(report.total)).map(\.textCell)
        return (resolved, ForecastReportWriter.lineColumns(resolved.scenario), rows, total)
    }

    @Test("the streamed forecast CSV is ReportTable's CSV of the same rows, block by block or in parallel")
    func csvStreamedEqualsWhole() throws {
        let (resolved, columns, rows, total) = try TableLayoutTests.rows()
        let whole = ReportTable(columns: columns, rows: rows, footer: [total]).renderedAsCSV()
        for blockSize in [7, 300] {
            #expect(try ForecastReportWriterTests.streamed(resolved, format: .csv, blockSize: blockSize) == whole)
        }
        #expect(whole.contains("'=SUM(1)"))
    }

    @Test("the streamed forecast Markdown table is ReportTable's Markdown of the same rows (pipes escaped, total bold)")
    func markdownStreamedEqualsWhole() throws {
        let (resolved, columns, rows, total) = try TableLayoutTests.rows()
        let table = ReportTable(columns: columns, rows: rows, footer: [total]).renderedAsMarkdown()
        let heading = "## Forecast \(resolved.scenario.targetYear)\n\n"
        for blockSize in [7, 300] {
            let streamed = try ForecastReportWriterTests.streamed(resolved, format: .markdown, blockSize: blockSize)
            #expect(streamed.hasPrefix(heading + table + "\n"))
        }
        #expect(table.contains("| A\\|B |") && table.contains("| **Total** |"))
    }

    @Test("the streamed forecast table, spooled in memory or on disk, is ReportTable's aligned text of the same rows without the reason")
    func textStreamedEqualsWhole() throws {
        let (resolved, columns, rows, total) = try TableLayoutTests.rows()
        // The table's reason is not a column: it follows as the `Why:` notes.
        let table = ReportTable(columns: Array(columns.dropLast()), rows: rows.map { Array($0.dropLast()) },
                                footer: [Array(total.dropLast())]).renderedAsText()
        let title = "Forecast \(resolved.scenario.targetYear): projected spend against budget (scenario s.yaml)\n\n"
        for spoolMemoryLimit in [10, 4 << 20] {
            let streamed = try ForecastReportWriterTests.streamed(resolved, format: .table, blockSize: 7,
                                                                  spoolMemoryLimit: spoolMemoryLimit)
            #expect(streamed.hasPrefix(title + table + "\n"))
        }
    }

    @Test("aligned text: numbers right, text left, two spaces apart, no trailing spaces, a rule as wide as each column")
    func alignedClosedForm() {
        var layout = TableLayout.Aligned(columns: ["Line", "£"])
        layout.fit(["Rent", "£1,200"], numeric: [false, true])
        layout.fit(["IT", "£5"], numeric: [false, true])
        #expect(layout.widths == [4, 6] && layout.numeric == [false, true])
        #expect(layout.header(["Line", "£"]) == "Line       £\n----  ------\n")
        #expect(layout.line(["IT", "£5"]) == "IT        £5\n")
        // A left-aligned last column leaves no padding behind it.
        var text = TableLayout.Aligned(columns: ["Name", "Note"])
        text.fit(["A", "x"], numeric: [false, false])
        #expect(text.line(["A", "x"]) == "A     x\n")
    }

    @Test("CSV: formula-like text neutralised, commas and quotes quoted, numbers plain; the header escaped alike")
    func csvClosedForm() {
        // Whole pounds are written without pence (`Money.plainPounds`).
        #expect(TableLayout.CSV.row([.text("=1+1"), .text("a,\"b\""), .money(Money(pounds: 1200))]) == "'=1+1,\"a,\"\"b\"\"\",1200\n")
        #expect(TableLayout.CSV.header(["-x", "y"]) == "'-x,y\n")
    }

    @Test("Markdown: pipes escaped, numeric columns right-aligned, footer cells bold and empty ones left empty")
    func markdownClosedForm() {
        #expect(TableLayout.Markdown.header(["A|B", "£"], numeric: [false, true]) == "| A\\|B | £ |\n| --- | ---: |\n")
        #expect(TableLayout.Markdown.row([.text("x|y"), .percent(nil)]) == "| x\\|y |  |\n")
        #expect(TableLayout.Markdown.footerRow([.text("Total"), .text("")]) == "| **Total** |  |\n")
    }
}
