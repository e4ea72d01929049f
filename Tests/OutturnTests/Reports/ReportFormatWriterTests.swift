@testable import Outturn
import Testing

/// Each ``OutputFormat`` is one type (Reports/Formats/) that its case names; the writers hand it the
/// report and never ask which format it is.
@Suite("Output formats: one writer type per format")
struct ReportFormatWriterTests {
    @Test("no two formats claim one file extension, each lower case without a dot, and each format's usual extension names it back")
    func fileExtensions() {
        let all = OutputFormat.allCases.flatMap { $0.writer.fileExtensions }
        #expect(Set(all).count == all.count, "\(all)")
        for format in OutputFormat.allCases {
            #expect(!format.writer.fileExtensions.isEmpty)
            #expect(format.writer.fileExtensions.allSatisfy { $0 == $0.lowercased() && !$0.contains(".") && !$0.isEmpty })
            #expect(OutputFormat(fileName: "report." + format.fileExtension) == format)
        }
    }

    struct NotBuilt: Error {}

    /// A document of one table (a body row and a total) whose text ends in a known cell.
    static func document() -> ReportDocument {
        let table = DocumentTable(title: "T", columns: ["Line", "Budget"], rows: [[.text("Rent|Rates"), .money(Money(pounds: 1200))]],
                                  footer: [[.text("Total"), .money(Money(pounds: 1200))]])
        return ReportDocument(title: "Toy", heading: "Toy report", sections: [.table(.init(heading: "Lines", table: table, sheet: "Lines"))])
    }

    @Test("JSON writes the report's own object and never builds the document; CSV writes the main table without the run record")
    func jsonAndCSV() throws {
        let json = StringSink()
        try ReportDocument.write(as: .json, run: nil, to: json, json: { _ in "{\"toy\": 1}\n" }, document: { throw NotBuilt() })
        #expect(json.text == "{\"toy\": 1}\n")
        let csv = StringSink()
        try ReportDocument.write(as: .csv, run: nil, to: csv, json: { _ in "" }, document: ReportFormatWriterTests.document)
        #expect(csv.text == "Line,Budget\nRent|Rates,1200\nTotal,1200\n")
    }

    @Test("a document's table shows in every format that shows tables unless it says otherwise (the text and Markdown here)")
    func defaultFormats() throws {
        let text = StringSink(), markdown = StringSink()
        try ReportDocument.write(as: .table, run: nil, to: text, json: { _ in "" }, document: ReportFormatWriterTests.document)
        try ReportDocument.write(as: .markdown, run: nil, to: markdown, json: { _ in "" }, document: ReportFormatWriterTests.document)
        #expect(text.text == "Toy report\n\nLine        Budget\n----------  ------\nRent|Rates  £1,200\n----------  ------\nTotal       £1,200\n")
        #expect(markdown.text == "## Toy report\n\n| Line | Budget |\n| --- | ---: |\n| Rent\\|Rates | £1,200 |\n| **Total** | **£1,200** |\n")
        #expect(ReportDocument.Table(heading: "h", table: ReportFormatWriterTests.document().mainTable!).formats == Set(OutputFormat.allCases))
    }

    @Test("only the workbook is bytes; only the page and the workbook are laid out whole")
    func binaryAndDocument() {
        #expect(OutputFormat.allCases.filter(\.isBinary) == [.xlsx])
        #expect(OutputFormat.allCases.filter(\.isDocument) == [.html, .xlsx])
    }
}
