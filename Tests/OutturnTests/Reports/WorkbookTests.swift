import Foundation
import Testing
import ZIPFoundation
import _TestSupport
@testable import Outturn

@Suite("Workbook")
struct WorkbookTests {
    /// A small workbook with every kind of cell, a hostile name and a total row.
    static let sample = Workbook(title: "Forecast 2022/23", sheets: [
        .init(name: "Forecast", table: DocumentTable(
            title: "Forecast 2022/23",
            columns: ["Line", "Budget", "Projected", "P(overspend)", "Change", "RAG"],
            rows: [[.text("Airwave"), .money(Money(pence: 123_456_789)), .money(Money(pence: 130_000_001)),
                     .probability(0.372), .percent(-4.25), .rag(.amber)],
                    [.text("R&D <\"x\"> \u{1}ok"), .money(Money(pounds: -250)), .money(.zero), .probability(0.9984),
                     .percent(nil), .rag(.red)]],
            footer: [[.text("Total"), .money(Money(pence: 123_431_789)), .money(Money(pence: 130_000_001)),
                      .probability(0.53), .percent(12.5), .rag(.green)]])),
        .init(name: "Run: audit/trail?", table: DocumentTable(
            title: "Run", columns: ["Key", "Value"], rows: [[.text("draws"), .quantity(20_000)],
                                                          [.text("correlation"), .number(0.3)]])),
    ])

    /// The parts of an .xlsx, read back with ZIPFoundation's reader.
    static func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    @Test("every part is well-formed XML and the package lists what a reader needs")
    func partsAreWellFormed() throws {
        let parts = try Self.parts(try Self.sample.data())
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "xl/workbook.xml",
                                    "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml",
                                    "xl/worksheets/sheet2.xml"])
        for (path, text) in parts { #expect(XMLElements.parse(text) != nil, "\(path) is not well-formed") }
        let sheet = try #require(XMLElements.parse(parts["xl/worksheets/sheet1.xml"]!))
        // The forbidden control character is gone, the markup characters survive as text.
        #expect(sheet.named("t").map(\.text).contains("R&D <\"x\"> ok"))
        #expect(sheet.named("autoFilter").first?.attributes["ref"] == "A1:F3")  // header and body, not the total
        #expect(sheet.named("pane").first?.attributes["state"] == "frozen")
        let names = try #require(XMLElements.parse(parts["xl/workbook.xml"]!)).named("sheet").map { $0.attributes["name"]! }
        #expect(names == ["Forecast", "Run- audit-trail-"])
    }

    @Test("the same workbook gives the same bytes, with every entry at the fixed date")
    func deterministicBytes() throws {
        let first = try Self.sample.data(), second = try Self.sample.data()
        #expect(first == second)
        let archive = try Archive(data: first, accessMode: .read)
        for entry in archive {
            #expect(entry.fileAttributes[.modificationDate] as? Date == Workbook.fixedDate, "\(entry.path)")
        }
    }

    @Test("sheet names are made valid and unique")
    func sheetNames() {
        let long = String(repeating: "x", count: 40)
        let book = Workbook(title: "t", sheets: ["A", "a", long, long, "", "'q'"].map {
            .init(name: $0, table: DocumentTable(title: "", columns: ["c"], rows: []))
        })
        #expect(book.sheetNames == ["A", "a (2)", String(repeating: "x", count: 31), String(repeating: "x", count: 27) + " (2)",
                                    "Sheet", "q"])
    }

    @Test("a sheet beyond Excel's row limit is refused with a message, not written broken")
    func tooManyRows() throws {
        let rows = [[DocumentCell]](repeating: [.empty], count: Workbook.maxRows)
        let book = Workbook(title: "t", sheets: [.init(name: "Big", table: DocumentTable(title: "", columns: ["c"], rows: rows))])
        #expect(throws: Workbook.TooLarge(sheet: "Big", rows: Workbook.maxRows + 1, columns: 1)) { try book.data() }
    }

    @Test("column letters run A…Z, AA…")
    func columnNames() {
        #expect([0, 25, 26, 27, 51, 52, 701, 702].map(WorkbookXML.columnName) == ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
    }

    @Test("openpyxl reads numbers as numbers with £ and % formats, the frozen header, the autofilter and RAG fills",
          .enabled(if: ExternalTools.python != nil || ExternalTools.required))
    func openpyxlReadsTheWorkbook() throws {
        let python = try #require(ExternalTools.python, "no Python with openpyxl: \(ExternalTools.installHint)")
        let folder = try ExternalTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sample.xlsx")
        try Self.sample.write(to: file.path, refusingToOverwrite: [])
        let script = Datasets.repositoryRoot.appendingPathComponent("scripts/report-checks/read_workbook.py").path
        let result = try ExternalTools.run(python, [script, file.path])
        try #require(result.status == 0, "openpyxl failed: \(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let sheets = try #require(json["sheets"] as? [[String: Any]])
        #expect(sheets.map { $0["name"] as? String } == ["Forecast", "Run- audit-trail-"])
        let forecast = sheets[0]
        #expect(forecast["freeze"] as? String == "A2")
        #expect(forecast["filter"] as? String == "A1:F3")
        let rows = try #require(forecast["cells"] as? [[Any]])
        func cell(_ row: Int, _ column: Int) -> [String: Any]? { rows[row][column] as? [String: Any] }
        #expect(rows[0].compactMap { ($0 as? [String: Any])?["value"] as? String }
            == ["Line", "Budget", "Projected", "P(overspend)", "Change", "RAG"])
        #expect(cell(0, 0)?["bold"] as? Bool == true)
        // Money to the penny, as numbers, with the £ format.
        #expect(cell(1, 1)?["value"] as? Double == 1_234_567.89)
        #expect(cell(1, 2)?["value"] as? Double == 1_300_000.01)
        #expect(cell(1, 1)?["format"] as? String == WorkbookStyle.moneyFormat)
        #expect(cell(2, 1)?["value"] as? Double == -250)
        #expect((cell(2, 2)?["value"] as? NSNumber)?.doubleValue == 0)
        // Probabilities as fractions with a whole-percent format; percentages as fractions with one decimal.
        #expect(cell(1, 3)?["value"] as? Double == 0.372 && cell(1, 3)?["format"] as? String == "0%")
        #expect(cell(2, 3)?["value"] as? Double == 0.9984)
        #expect(cell(1, 4)?["value"] as? Double == -0.0425 && cell(1, 4)?["format"] as? String == "0.0%")
        #expect(cell(2, 4) == nil)
        // RAG as words with their fills; the total row bold.
        #expect(cell(1, 5)?["value"] as? String == "amber" && cell(1, 5)?["fill"] as? String == WorkbookStyle.ragFills[1])
        #expect(cell(2, 5)?["value"] as? String == "red" && cell(2, 5)?["fill"] as? String == WorkbookStyle.ragFills[0])
        #expect(cell(3, 5)?["value"] as? String == "green" && cell(3, 5)?["fill"] as? String == WorkbookStyle.ragFills[2])
        #expect(cell(3, 0)?["bold"] as? Bool == true && cell(3, 1)?["value"] as? Double == 1_234_317.89)
        #expect(cell(2, 0)?["value"] as? String == "R&D <\"x\"> ok")
        let widths = try #require(forecast["widths"] as? [String: Double])
        #expect(widths["A"] == Double("R&D <\"x\"> ok".count + 2) && widths["B"] == 12)
        let run = try #require(sheets[1]["cells"] as? [[Any]])
        #expect((run[1][1] as? [String: Any])?["value"] as? Int == 20_000)
        #expect((run[1][1] as? [String: Any])?["format"] as? String == "#,##0")
        #expect((run[2][1] as? [String: Any])?["value"] as? Double == 0.3)
        #expect((run[2][1] as? [String: Any])?["format"] as? String == "General")
    }

    @Test("the workbook is never written over an input")
    func refusesToOverwriteInput() throws {
        let folder = try ExternalTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("ledger.csv").path
        try Data("line\n".utf8).write(to: URL(fileURLWithPath: input))
        #expect(throws: OutputError.self) { try Self.sample.write(to: input, refusingToOverwrite: [input]) }
        #expect(try String(contentsOfFile: input, encoding: .utf8) == "line\n")
    }
}
