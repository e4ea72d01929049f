import Foundation
import Outturn
import Testing
import _TestSupport

@Suite("Streaming CSV reader")
struct CSVRowReaderTests {
    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "outturn-csv-\(UUID().uuidString).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("rows read from disk in pieces equal the rows parsed from the same text, with their lines")
    func diskMatchesText() throws {
        // Longer than the 1 MiB read size, with quoted commas, a line break inside quotes, CRLF and blank lines.
        var text = "\u{FEFF}line,year,budget,actual\r\n"
        for i in 0..<30_000 {
            text += i % 997 == 0 ? "\"Line \(i), \"\"quoted\"\"\nsecond part\",2021/22,\"£1,234\",(5)\r\n\n"
                : "Line \(i),2021/22,\(i),\(i * 2)\n"
        }
        let path = try CSVRowReaderTests.temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromText = try CSVTable(text: text, fileName: "x.csv")
        let reader = try CSVRowReader(contentsOf: path)
        #expect(reader.header == ["line", "year", "budget", "actual"])
        var count = 0
        while let row = try reader.next() {
            #expect(row.fields == fromText.rows[count].fields)
            #expect(row.line == fromText.rows[count].line)
            count += 1
        }
        #expect(count == 30_000)
        #expect(fromText.rows[997].fields[0] == "Line 997, \"quoted\"\nsecond part")
        // Row k starts on line k + 2 (header first), plus two lines (inner break, blank line) per quoted row before it.
        #expect(fromText.rows[998].line == 998 + 2 + 2 * 2)
    }

    @Test("bytes that are not UTF-8 are an error naming the line")
    func invalidUTF8() throws {
        let path = try CSVRowReaderTests.temporaryFile(Array("a,b\n1,2\n".utf8) + [0x31, 0xFF, 0x2C, 0x32, 0x0A])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try CSVRowReader(contentsOf: path)
        _ = try reader.next()
        #expect(throws: InputError(file: path, line: 3, message: "the file is not UTF-8 text",
                                   hint: "save it from the spreadsheet as 'CSV UTF-8'")) { try reader.next() }
    }
}
