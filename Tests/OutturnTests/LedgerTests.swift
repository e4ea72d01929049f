import Outturn
import Testing
import _TestSupport

@Suite("Ledger CSV reader")
struct LedgerTests {
    @Test("reads the bundled ledger: five lines, 2021/22, exact amounts")
    func readsBundled() throws {
        let ledger = try Ledger(csv: try Datasets.text("gwent-ict/ledger.csv"), fileName: "ledger.csv")
        #expect(ledger.lineNames == ["SRS Collaboration", "Airwave", "Devolved Force Budgets", "National ICT Services", "DSD"])
        #expect(ledger.years == [FiscalYear("2021/22")!])
        #expect(ledger.history(of: "airwave").first?.actual == Money(pounds: 523_233))
    }

    @Test("finance formats, BOM, CRLF and quoted amounts are accepted")
    func acceptsFinanceExports() throws {
        let text = "\u{FEFF}Line,Year,Budget,Actual\r\n\"Airwave\",2021/22,\"£763,042\",\"(1,234)\"\r\nDSD,2021-22,\"- 1,000\",5.5\r\n"
        let ledger = try Ledger(csv: text, fileName: "x.csv")
        #expect(ledger.entries[0].actual.pence == -123_400)
        #expect(ledger.entries[1].budget.pence == -100_000)
        #expect(ledger.entries[1].actual.pence == 550)
    }

    @Test("a garbled amount names file, line, column and text")
    func garbledAmount() {
        let text = "line,year,budget,actual\nA,2021/22,1,1\nB,2021/22,2,2\nC,2021/22,3,76304O\n"
        #expect(throws: InputError(file: "ledger.csv", line: 4, message: "actual '76304O' is not an amount (C, 2021/22)",
                                   hint: "write amounts in pounds, e.g. 1234567, \"£1,234,567\", -1,234 or (1,234)")) {
            try Ledger(csv: text, fileName: "ledger.csv")
        }
    }

    @Test("duplicate rows are reported with both lines, not merged")
    func duplicateRows() {
        let text = "line,year,budget,actual\nA,2021/22,1,1\nB,2021/22,2,2\na,2021/22,3,3\n"
        do {
            _ = try Ledger(csv: text, fileName: "l.csv")
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.line == 4)
            #expect(error.message.contains("second row for 2021/22 (the first is on line 2)"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test("a missing year inside a line's history is a gap the ledger lists (a warning), not an error")
    func missingYear() throws {
        let text = "line,year,budget,actual\nA,2019/20,1,1\nA,2021/22,3,3\nB,2016/17,1,1\nB,2019/20,1,1\n"
        let ledger = try Ledger(csv: text, fileName: "l.csv")
        #expect(ledger.gaps == [LedgerGap(lineName: "A", missing: [FiscalYear(startYear: 2020)], sourceLine: 3),
                                LedgerGap(lineName: "B", missing: [FiscalYear(startYear: 2017), FiscalYear(startYear: 2018)],
                                          sourceLine: 5)])
        #expect(ledger.gaps.map(\.missingText) == ["2020/21 missing", "2017/18–2018/19 missing"])
        #expect(ledger.history(of: "A").map(\.year.startYear) == [2019, 2021])
    }

    @Test("configurable column names; a missing column suggests the closest")
    func columns() throws {
        let text = "cost centre,fy,plan,spend\nA,2021/22,10,12\n"
        let ledger = try Ledger(csv: text, fileName: "l.csv",
                                columns: LedgerColumns(line: "cost centre", year: "fy", budget: "plan", actual: "spend"))
        #expect(ledger.entries[0].actual == Money(pounds: 12))
        #expect(throws: InputError.self) { try Ledger(csv: "line,year,budget,actuals\nA,2021/22,1,1\n", fileName: "l.csv") }
    }
}
