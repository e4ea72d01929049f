import Foundation
import Testing
@testable import Outturn

@Suite("Years as people write them: 2021/22, 2021, FY2022, FY22")
struct YearLabelTests {
    @Test("each spelling names the fiscal year the documented table says, for April, July and January starts")
    func spellingsNameTheDocumentedYear() {
        // Span forms name the year that starts in the first half, whatever the start month.
        for start in [MonthOfYear.april, .july, .january] {
            #expect(FiscalYear(label: "2021/22", startingIn: start)?.startYear == 2021)
            #expect(FiscalYear(label: " 2021-22 ", startingIn: start)?.startYear == 2021)
            #expect(FiscalYear(label: "2021/2022", startingIn: start)?.startYear == 2021)
            // A bare year: the year that starts in it.
            #expect(FiscalYear(label: "2021", startingIn: start)?.startYear == 2021)
        }
        // FY names the year it ends in (US practice): FY2022 with a July start is July 2021 – June 2022.
        let us = FiscalYear(label: "FY2022", startingIn: .july)!
        #expect(us.startYear == 2021)
        #expect(us.firstMonth(startingIn: .july) == CalendarMonth("2021-07"))
        #expect(FiscalYear.containing(CalendarMonth("2022-06")!, startingIn: .july) == us)
        #expect(FiscalYear.containing(CalendarMonth("2022-07")!, startingIn: .july) == us.next)
        #expect(FiscalYear(label: "FY22", startingIn: .july) == us)
        #expect(FiscalYear(label: "fy 2022", startingIn: .july) == us)
        #expect(FiscalYear(label: "FY-22", startingIn: .april)?.startYear == 2021)
        // With a January start FY2021 and 2021 are both the calendar year 2021.
        #expect(FiscalYear(label: "FY2021", startingIn: .january)?.startYear == 2021)
        #expect(FiscalYear(label: "FY2021", startingIn: .january)?.firstMonth(startingIn: .january) == CalendarMonth("2021-01"))
        // Two digits: 00–69 are 2000s, 70–99 the 1900s.
        #expect(FiscalYear(label: "FY69", startingIn: .january)?.startYear == 2069)
        #expect(FiscalYear(label: "FY70", startingIn: .january)?.startYear == 1970)
    }

    @Test("anything else is no year")
    func rejectsOtherText() {
        for bad in ["21", "202", "20211", "-2021", "+2021", "FY", "FY2", "FY202", "FY20222", "FYFY22", "F2022", "2021/23",
                    "0999", "FY0999", "２０２１"] {
            #expect(FiscalYear(label: bad, startingIn: .april) == nil, "\(bad)")
        }
    }

    @Test("a year prints back as it was written, and keeps the style through next and previous")
    func printsAsWritten() {
        for (text, start, printed, nextPrinted) in [("2021/22", MonthOfYear.april, "2021/22", "2022/23"),
                                                    ("2021-22", .april, "2021/22", "2022/23"),
                                                    ("2021", .january, "2021", "2022"),
                                                    ("2021", .april, "2021", "2022"),
                                                    ("FY2022", .july, "FY2022", "FY2023"),
                                                    ("FY2022", .january, "FY2022", "FY2023"),
                                                    ("FY22", .july, "FY22", "FY23"),
                                                    ("FY99", .july, "FY99", "FY00")] {
            let year = FiscalYear(label: text, startingIn: start)!
            #expect(year.description == printed, "\(text)")
            #expect(year.next.description == nextPrinted, "\(text)")
            #expect(year.next.previous.description == printed, "\(text)")
            #expect(FiscalYear(label: year.description, startingIn: start) == year, "\(text) round trip")
        }
    }

    @Test("the style is not part of a year's identity: FY2022 (April start) is 2021/22")
    func styleIsNotIdentity() {
        let span = FiscalYear("2021/22")!, fy = FiscalYear(label: "FY2022", startingIn: .april)!
        #expect(span == fy)
        #expect(Set([span, fy]).count == 1)
        #expect(!(span < fy) && !(fy < span))
    }

    @Test("a ledger keeps its style: its years and entries print as the file writes them")
    func ledgerPrintsItsStyle() throws {
        let text = "line,year,budget,actual\nA,FY2020,10,9\nA,FY2021,10,11\nB,FY2021,5,5\n"
        let ledger = try Ledger(csv: text, fileName: "l.csv", years: YearReading(start: .july))
        #expect(ledger.years.map(\.description) == ["FY2020", "FY2021"])
        #expect(ledger.years.map(\.startYear) == [2019, 2020])
        #expect(ledger.history(of: "A").map(\.year.description) == ["FY2020", "FY2021"])
        #expect(ledger.entries(in: FiscalYear(startYear: 2020)).map(\.year.description) == ["FY2021", "FY2021"])
        #expect(ledger.latestYear.next.description == "FY2022")
    }

    @Test("mixing styles in a ledger is an error at the row, naming where the first style was written")
    func mixedStylesInALedger() {
        let text = "line,year,budget,actual\nA,2019/20,10,9\nA,2020,10,11\n"
        #expect(throws: InputError.self) { try Ledger(csv: text, fileName: "l.csv") }
        do { _ = try Ledger(csv: text, fileName: "l.csv") } catch let error as InputError {
            #expect(error.description.hasPrefix("l.csv:3: year '2020' is written differently from '2019/20' (l.csv:2)"), "\(error)")
            #expect(error.hint == "write every year as 2021/22 is written, e.g. 2020/21")
        } catch { Issue.record("\(error)") }
        // 2021-22 and 2021/22 are one style.
        #expect((try? Ledger(csv: "line,year,budget,actual\nA,2019-20,1,1\nA,2020/21,1,1\n", fileName: "l.csv")) != nil)
        // FY22 and FY2022 are not.
        #expect((try? Ledger(csv: "line,year,budget,actual\nA,FY20,1,1\nA,FY2021,1,1\n", fileName: "l.csv")) == nil)
    }

    @Test("a style change between the parts a big ledger is read in is found too")
    func mixedStylesAcrossParts() {
        // Read in two parts (as a big file is on two cores): the second part wholly in another style.
        var text = "line,year,budget,actual\n"
        for k in 0..<200 { text += "Line \(k),2020/21,100,100\n" }
        for k in 200..<400 { text += "Line \(k),2020,100,100\n" }
        do {
            _ = try Ledger(reader: try CSVRowReader(text: text, fileName: "big.csv"), columns: .standard, parts: 2)
            Issue.record("accepted two styles")
        } catch let error as InputError {
            // Named at the first row in the other style (the first of the second part, or inside the first).
            #expect(error.line == 202, "\(error)")
            #expect(error.message.contains("year '2020' is written differently from '2020/21' (big.csv:"), "\(error)")
        } catch { Issue.record("\(error)") }
    }

    @Test("the scenario's target_year sets the style of every file; fiscal_year_start says what FY names")
    func scenarioSetsTheStyle() throws {
        let scenario = try Scenario(yaml: "ledger: l.csv\ntarget_year: FY2023\nfiscal_year_start: July\nlines:\n  A: 10\n",
                                    fileName: "s.yaml")
        #expect(scenario.targetYear.startYear == 2022)
        #expect(scenario.targetYear.description == "FY2023")
        let ledger = try Ledger(csv: "line,year,budget,actual\nA,FY2021,10,9\nA,FY2022,10,11\n", fileName: "l.csv",
                                years: scenario.yearReading)
        let resolved = try ResolvedScenario(scenario: scenario, ledger: ledger, activity: [])
        #expect(resolved.ledger.latestYear.next == scenario.targetYear)
        // A ledger in another style than target_year names both places.
        do {
            _ = try Ledger(csv: "line,year,budget,actual\nA,2021/22,10,9\n", fileName: "l.csv", years: scenario.yearReading)
            Issue.record("accepted 2021/22 against target_year FY2023")
        } catch let error as InputError {
            #expect(error.description.hasPrefix("l.csv:2: year '2021/22' is written differently from 'FY2023' (target_year, s.yaml:2)"),
                    "\(error)")
        }
        // exclude_years in the scenario keep the style too.
        do {
            _ = try Scenario(yaml: "ledger: l.csv\ntarget_year: FY2023\nfiscal_year_start: July\nlines:\n  A:\n    budget: 10\n    exclude_years: 2020/21\n",
                             fileName: "s.yaml")
            Issue.record("accepted exclude_years 2020/21 against FY2023")
        } catch let error as InputError {
            #expect(error.line == 7, "\(error)")
            #expect(error.message.contains("is written differently from 'FY2023'"), "\(error)")
        }
        // With January, 2022 after a calendar-year ledger.
        let calendar = try Scenario(yaml: "ledger: l.csv\ntarget_year: 2022\nfiscal_year_start: January\nlines:\n  A: 10\n",
                                    fileName: "s.yaml")
        #expect(calendar.targetYear.startYear == 2022)
        #expect(calendar.targetYear.description == "2022")
    }

    @Test("an activity file keeps the style of the scenario")
    func activityKeepsTheStyle() throws {
        let reading = YearReading(start: .january).keeping(FiscalYear(label: "2022", startingIn: .january)!, writtenAt: "s.yaml:2")
        let series = try ActivitySeries.read(csv: "series,year,value\nCalls,2020,5\nCalls,2021,6\n", fileName: "a.csv", years: reading)
        #expect(series[0].years.map(\.description) == ["2020", "2021"])
        #expect(throws: InputError.self) {
            try ActivitySeries.read(csv: "series,year,value\nCalls,2020/21,5\n", fileName: "a.csv", years: reading)
        }
    }

    @Test("a line with a gap is projected from the years present, and its reason says which year is missing")
    func gapIsNotedInTheReason() throws {
        let history = [LedgerEntry(lineName: "A", year: FiscalYear(startYear: 2017), budget: Money(pence: 100), actual: Money(pence: 100), sourceLine: 2),
                       LedgerEntry(lineName: "A", year: FiscalYear(startYear: 2019), budget: Money(pence: 100), actual: Money(pence: 100), sourceLine: 3),
                       LedgerEntry(lineName: "A", year: FiscalYear(startYear: 2020), budget: Money(pence: 100), actual: Money(pence: 100), sourceLine: 4)]
        #expect(LedgerGap.note(for: history) == "2018/19 missing; trend from the years present")
        #expect(LedgerGap.note(for: Array(history.dropFirst())) == nil)
    }
}
