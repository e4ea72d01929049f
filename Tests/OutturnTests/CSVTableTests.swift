import Testing
@testable import Outturn

@Suite("CSV reading with line numbers")
struct CSVTableTests {
    @Test("quoted fields, doubled quotes, BOM and CRLF are read as a spreadsheet writes them")
    func readsSpreadsheetExport() throws {
        let text = "\u{FEFF}line,amount\r\n\"Airwave\",\"763,042\"\r\n\"Say \"\"hi\"\"\",1\r\n"
        let table = try CSVTable(text: text, fileName: "x.csv")
        #expect(table.header == ["line", "amount"])
        #expect(table.rows.map(\.fields) == [["Airwave", "763,042"], ["Say \"hi\"", "1"]])
        #expect(table.rows.map(\.line) == [2, 3])
    }

    @Test("line numbers count blank lines and line breaks inside quotes")
    func lineNumbersSurviveMultilineFields() throws {
        let text = "a,b\n\n\"two\nlines\",2\n3,4\n"
        let table = try CSVTable(text: text, fileName: "x.csv")
        #expect(table.rows.map(\.line) == [3, 5])
    }

    @Test("a row with too many fields names its line")
    func rejectsRaggedRow() {
        let text = "line,budget\nAirwave,763,042\n"
        #expect(throws: InputError.self) { try CSVTable(text: text, fileName: "ledger.csv") }
        do { _ = try CSVTable(text: text, fileName: "ledger.csv") } catch let error as InputError {
            #expect(error.description.hasPrefix("ledger.csv:2: expected 2 fields"))
        } catch { Issue.record("unexpected error \(error)") }
    }

    @Test("a value that is not a number names file, line and column")
    func numberErrorNamesPosition() throws {
        let table = try CSVTable(text: "x,y\n1,2\n3,4O\n", fileName: "fit.csv")
        do { _ = try table.numbers(inColumn: "y"); Issue.record("expected an error") } catch let error as InputError {
            #expect(error.line == 3)
            #expect(error.message == "column 'y' value '4O' is not a number")
        }
    }

    @Test("an unknown column suggests the closest name")
    func unknownColumnSuggests() throws {
        let table = try CSVTable(text: "period,value\n1,2\n", fileName: "s.csv")
        do { _ = try table.columnIndex("valeu"); Issue.record("expected an error") } catch let error as InputError {
            #expect(error.hint == "did you mean 'value'?")
        }
    }

    @Test("an unterminated quote is an error, not a silent merge")
    func rejectsUnterminatedQuote() {
        #expect(throws: InputError.self) { try CSVTable(text: "a,b\n\"x,1\n", fileName: "q.csv") }
    }
}
