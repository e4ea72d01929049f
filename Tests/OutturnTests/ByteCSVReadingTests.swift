import Foundation
@testable import Outturn
import Testing
import _TestSupport

/// The byte-level CSV reader read on several cores gives exactly the rows, lines and errors of
/// reading row by row.
@Suite("CSV read in parallel parts from bytes")
struct ByteCSVReadingTests {
    /// A CSV with the dialect's awkward corners: quoted commas and line breaks, doubled quotes,
    /// CRLF and lone-CR line ends, blank lines, blanks around quoted fields, non-ASCII text.
    static func awkwardCSV(rows: Int, seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed)
        var text = "\u{FEFF}name,year,amount\r\n"
        let ends = ["\n", "\r\n", "\r"]
        for i in 0..<rows {
            let end = ends[Int(generator.next() % 10 == 0 ? generator.next() % 3 : 0)]
            switch generator.next() % 12 {
            case 0: text += "\"Line \(i), \"\"quoted\"\"\nsecond\rpart\",2021/22,\"£1,234\"\(end)"
            case 1: text += "  \"Café \(i)\"  ,2020/21,(5)\(end)\(end)"
            case 2: text += "Ünïcode \(i),2019/20,-1.5\(end)"
            case 3: text += "\"\",,\(end)"
            default: text += "Line \(i),2021/22,\(i)\(end)"
            }
        }
        return text
    }

    struct Record: Equatable {
        let line: Int
        let fields: [String]
    }

    static func rowByRow(_ text: String) throws -> [Record] {
        let reader = try CSVRowReader(text: text, fileName: "x.csv")
        var records: [Record] = []
        while let row = try reader.next() { records.append(Record(line: row.line, fields: row.fields)) }
        return records
    }

    static func inParts(_ text: String, parts: Int) throws -> [Record] {
        let reader = try CSVRowReader(text: text, fileName: "x.csv")
        let states = try reader.parallelRecords(parts: parts, { _ in [Record]() }) { records, row in
            records.append(Record(line: row.recordLine, fields: (0..<row.fieldCount).map { row.string($0) }))
        }
        return states.flatMap { $0 }
    }

    static func error(_ body: () throws -> Any) -> InputError? {
        do { _ = try body(); return nil } catch let error as InputError { return error } catch { return nil }
    }

    @Test("any number of parts gives the rows and lines of reading row by row")
    func partsMatchRowByRow() throws {
        let text = ByteCSVReadingTests.awkwardCSV(rows: 20_000, seed: 12)
        let expected = try ByteCSVReadingTests.rowByRow(text)
        #expect(expected.count == 20_000)
        #expect(expected.contains { $0.fields[0].contains("\"quoted\"\nsecond\rpart") })
        for parts in [1, 2, 3, 7, 64] {
            #expect(try ByteCSVReadingTests.inParts(text, parts: parts) == expected, "parts: \(parts)")
        }
    }

    @Test("an error anywhere is the first error of reading row by row, with the same line", arguments: [
        "name,\"year", "na\"me", "\"x\"y", "a,b", "a,b,c,d", "\u{FF}",
    ])
    func errorsMatchRowByRow(defect: String) throws {
        var generator = SeededGenerator(seed: 99)
        let clean = Array(ByteCSVReadingTests.awkwardCSV(rows: 3_000, seed: 5).utf8)
        var failures = 0
        for _ in 0..<12 {
            // Replace the start of a random row with the defect ("\u{FF}" stands for a byte that is not UTF-8).
            var bytes = clean
            let at = 40 + Int(generator.next() % UInt64(bytes.count - 80))
            guard let lineStart = bytes[at...].firstIndex(of: 0x0A).map({ $0 + 1 }) else { continue }
            let injected: [UInt8] = defect == "\u{FF}" ? [0x41, 0xFF, 0x2C, 0x31, 0x2C, 0x32] : Array(defect.utf8)
            bytes.insert(contentsOf: injected + [0x0A], at: lineStart)
            let text = String(decoding: bytes, as: UTF8.self)
            // (Invalid UTF-8 cannot go through a String: compare on files.)
            let path = NSTemporaryDirectory() + "outturn-parts-\(UUID().uuidString).csv"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let expected = ByteCSVReadingTests.error {
                let reader = try CSVRowReader(contentsOf: path)
                while try reader.next() != nil {}
                return 0
            }
            // (A defect that lands inside a quoted field is just text: then neither reading fails.)
            if expected != nil { failures += 1 }
            for parts in [2, 5] {
                let found = ByteCSVReadingTests.error {
                    try CSVRowReader(contentsOf: path).parallelRecords(parts: parts, { _ in 0 }) { count, _ in count += 1 }
                }
                #expect(found == expected, "parts \(parts), defect at byte \(lineStart): \(String(describing: found)) vs \(String(describing: expected))")
            }
            _ = text
        }
        #expect(failures >= 8)
    }

    @Test("an error thrown while reading a later part is reported only if no earlier row fails first")
    func bodyErrorsInFileOrder() throws {
        let text = "n\n" + (1...10_000).map { "\($0)" }.joined(separator: "\n") + "\n"
        let found = ByteCSVReadingTests.error {
            try CSVRowReader(text: text, fileName: "n.csv").parallelRecords(parts: 4, { _ in 0 }) { _, row in
                let value = Int(row.string(0))!
                if value == 9_000 || value == 2_500 { throw InputError(file: "n.csv", line: row.recordLine, message: "\(value)", hint: nil) }
            }
        }
        #expect(found == InputError(file: "n.csv", line: 2_501, message: "2500", hint: nil))
    }
}

/// Paths that are not regular files are refused before a byte is read.
@Suite("Input files that are not regular files")
struct SpecialInputFileTests {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "outturn-special-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("a directory as a ledger is an error naming it, not a trap")
    func directory() throws {
        let path = try SpecialInputFileTests.folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: InputError(file: path, line: nil, message: "is a directory, not a CSV file", hint: "give the path of a CSV file")) {
            try Ledger(contentsOf: path)
        }
    }

    @Test("a FIFO with no writer and /dev/zero are refused at once")
    func fifoAndDevice() throws {
        let folder = try SpecialInputFileTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/ledger.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        for path in [fifo, "/dev/zero"] {
            let error = ByteCSVReadingTests.error { try CSVRowReader(contentsOf: path) }
            #expect(error?.file == path)
            #expect(error?.line == nil)
            #expect(error?.message.hasPrefix("is not a regular file") == true)
        }
    }
}

/// Bounds on what a hostile file can make the reader hold or print.
@Suite("Field and echo bounds")
struct FieldBoundTests {
    @Test("a field over 1 MiB is an error at its line, not gathered")
    func longField() throws {
        let text = "line,year,budget,actual\nA,2021/22,1,2\nB,2021/22," + String(repeating: "9", count: (1 << 20) + 1) + ",2\n"
        #expect(throws: InputError(file: "l.csv", line: 3, message: "field 3 is longer than 1 MiB",
                                   hint: "check that this is a CSV file; quotes must be closed")) {
            try Ledger(csv: text, fileName: "l.csv")
        }
    }

    @Test("a bad amount of about 1 MB is quoted only in part, with its length")
    func longBadAmount() throws {
        let amount = String(repeating: "7", count: 999_999) + "O"
        let error = ByteCSVReadingTests.error { try Ledger(csv: "line,year,budget,actual\nA,2021/22,1,\(amount)\n", fileName: "l.csv") }
        #expect(error?.line == 2)
        #expect((error?.message.count ?? .max) < 300)
        #expect(error?.message.contains("(1000000 characters in all)") == true)
    }

    @Test("a hidden NUL or escape byte is shown escaped, so the message shows what the file holds")
    func controlCharactersEscaped() throws {
        let error = ByteCSVReadingTests.error { try Ledger(csv: "line,year,budget,actual\nA,2021/22,12\u{0}34,5\u{1B}[2J\n", fileName: "l.csv") }
        #expect(error?.message == "budget '12\\u{0}34' is not an amount (A, 2021/22)")
        #expect(InputError.echo("a\u{1B}]0;x\u{7}b\u{2028}") == "a\\u{1B}]0;x\\u{7}b\\u{2028}")
        #expect(InputError.echo("Airwave") == "Airwave")
    }

    @Test("amounts near the Int64 limit in pence are a data error at their line, not a trap")
    func amountsNearInt64Limit() throws {
        let text = "line,year,budget,actual\nA,2021/22,-92233720368547758.07,1\n"
        let error = ByteCSVReadingTests.error { try Ledger(csv: text, fileName: "l.csv") }
        #expect(error?.line == 2)
        #expect(error?.message == "the budget column adds up to more than £46 trillion, too much to total exactly (A, 2021/22)")
        // Spread over many rows, the row where the total crosses the bound is named.
        let rows = (0..<6).map { "L\($0),2021/22,10000000000000000,0" }.joined(separator: "\n")
        let spread = ByteCSVReadingTests.error { try Ledger(csv: "line,year,budget,actual\n" + rows + "\n", fileName: "l.csv") }
        #expect(spread?.line == 2 + 4) // 5 × 10¹⁸ pence > (2⁶³ − 1) / 2
    }
}

@Suite("Cutting CSV into parts")
struct CSVSplitTests {
    @Test("quotes, LFs and CRs counted eight bytes at a time equal a byte-by-byte count, at every offset")
    func wordCounts() {
        var generator = SeededGenerator(seed: 3)
        let alphabet: [UInt8] = [0x22, 0x0A, 0x0D, 0x41, 0x2C, 0xA2, 0x21, 0x23, 0x0B, 0x09, 0xFF, 0x00]
        let bytes = (0..<4_099).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        bytes.withUnsafeBufferPointer { buffer in
            for from in [0, 1, 7, 13] {
                for to in [from, from + 5, 64, 1_000, 4_099] where to >= from {
                    let slice = buffer[from..<to]
                    let expected = (slice.filter { $0 == 0x22 }.count, slice.filter { $0 == 0x0A }.count, slice.filter { $0 == 0x0D }.count)
                    let found = CSVSplit.counts(buffer.baseAddress!, from, to)
                    #expect(found.quotes == expected.0 && found.lfs == expected.1 && found.crs == expected.2, "\(from)..<\(to)")
                }
            }
        }
    }
}
