import Foundation
import Testing
import _TestSupport
@testable import Outturn

/// Hostile scenario text and text shown to people (issue 12): each case is a defect that was found.
@Suite("Input safety: scenarios, rates, years, displayed text")
struct InputSafetyTests {
    static let ledger = try! Ledger(csv: "line,year,budget,actual\nAirwave,2021/22,763042,523233\nDSD,2021/22,1838691,1667434\n",
                                    fileName: "ledger.csv")

    static func error(_ yaml: String) -> InputError? {
        do {
            let scenario = try Scenario(yaml: yaml, fileName: "s.yaml")
            _ = try ResolvedScenario(scenario: scenario, ledger: ledger, activity: [])
            return nil
        } catch let error as InputError {
            return error
        } catch {
            Issue.record("not an InputError: \(error)")
            return nil
        }
    }

    static let head = "ledger: ledger.csv\ntarget_year: 2022/23\n"

    @Test("a YAML alias bomb, also as a mapping key, is refused at its first anchor with a hint")
    func aliasBomb() {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h", "i"], ["a", "b", "c", "d", "e", "f", "g", "h"]) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        for text in [yaml, yaml + "? *i\n: 1\n", Self.head + "lines:\n  Airwave: 5\n  *x : 1\n"] {
            let error = Self.error(text)
            #expect(error?.line == (text.hasPrefix("a:") ? 1 : 5))
            #expect(error?.message.contains("not allowed in a scenario") == true, "\(String(describing: error))")
            #expect(error?.hint?.contains("hand-written budget files do not need them") == true)
        }
    }

    @Test("a duplicate key is reported on its true second line, however it is quoted or indented")
    func duplicateKeyLine() {
        let yaml = Self.head + "lines:\n  Airwave: 5\n  # Airwave: in a comment\n  note: \"Airwave:\"\n  'Airwave':\n    budget: 6\n"
        let error = Self.error(yaml)
        #expect(error?.line == 7)
        #expect(error?.message == "a key appears twice: Airwave")
        #expect(error?.hint == "keep one of them (the first is on line 4)")
        // A flow mapping on one line: the line of the second key, not a guess from the text.
        let flow = Self.error(Self.head + "assumptions: {inflation: 1%,\n  inflation: 2%}\nlines:\n  Airwave: 5\n  DSD: 6\n")
        #expect(flow?.line == 4)
    }

    @Test("the short form 'Airwave: 0' is refused exactly like the long form 'budget: 0'")
    func shortAndLongFormsAgree() {
        let short = Self.error(Self.head + "lines:\n  Airwave: 0\n  DSD: 6\n")
        let long = Self.error(Self.head + "lines:\n  Airwave:\n    budget: 0\n  DSD: 6\n")
        #expect(short != nil)
        #expect(short == long)
        #expect(short?.line == 4)
    }

    @Test("rates: the documented ranges include their ends (99.9%), and only decimals with an optional % are rates")
    func rates() throws {
        let scenario = try Scenario(yaml: Self.head + "confidence:\n  budget_needed: 99.9%\nlines:\n  Airwave: 5\n", fileName: "s.yaml")
        #expect(scenario.budgetNeededConfidence == 0.999)
        #expect(YAMLReading.parseRate("99.9%") == 0.999)
        #expect(YAMLReading.parseRate("5 %") == 0.05)
        #expect(YAMLReading.parseRate("0.05") == 0.05)
        #expect(YAMLReading.parseRate("-1.5%") == -0.015)
        #expect(YAMLReading.parseRate(".5") == 0.5)
        #expect(YAMLReading.parseRate("0.5%") == 0.005)
        #expect(YAMLReading.parseRate("125%") == 1.25)
        for bad in ["0x1p-3", "5e-2", "inf", "nan", "1_0", "", "%", "-", "1.2.3", "٥%", "+-1", "0x10%"] {
            #expect(YAMLReading.parseRate(bad) == nil, "\(bad)")
        }
        let error = Self.error(Self.head + "assumptions:\n  inflation: 0x1p-3\nlines:\n  Airwave: 5\n  DSD: 6\n")
        #expect(error?.line == 4)
        #expect(error?.message == "inflation '0x1p-3' is not a rate")
    }

    @Test("fiscal years: a sign, a second separator or non-ASCII digits are not a year")
    func strictYears() {
        #expect(FiscalYear("2022/23")?.startYear == 2022)
        #expect(FiscalYear(" 2022-2023 ")?.startYear == 2022)
        for bad in ["-2022/23", "+2022/23", "2022//23", "2022/-23", "2022/23/24", "２０２２/23", "2022/２３", "2022-23-", "/2022/23"] {
            #expect(FiscalYear(bad) == nil, "\(bad)")
        }
        // The round trip the parsers' fuzz target checks: a start year below 1000 keeps its four digits.
        #expect(FiscalYear("0999/00")?.description == "0999/00")
        #expect(FiscalYear("0000-0001").map { FiscalYear($0.description) } == FiscalYear(startYear: 0))
        let error = Self.error("ledger: ledger.csv\ntarget_year: -2022/23\nlines:\n  Airwave: 5\n  DSD: 6\n")
        #expect(error?.line == 2)
    }

    @Test("a target year more than 10 years ahead is refused on its line, not projected to silent zeros")
    func implausibleHorizon() {
        let error = Self.error("ledger: ledger.csv\ntarget_year: 2060/61\nassumptions:\n  inflation: 100%\nlines:\n  Airwave: 5\n  DSD: 6\n")
        #expect(error?.line == 2)
        #expect(error?.message == "target_year 2060/61 is 39 years after the ledger's latest year 2021/22; the planner projects at most 10 years ahead")
        #expect(Self.error("ledger: ledger.csv\ntarget_year: 2031/32\nlines:\n  Airwave: 5\n  DSD: 6\n") == nil)
        #expect(Self.error("ledger: ledger.csv\ntarget_year: 2021/22\nlines:\n  Airwave: 5\n  DSD: 6\n")?.line == 2)
    }

    @Test("nesting deeper than the limit is refused (no deep recursion in the YAML reader)")
    func deepNesting() {
        let nested = "a: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
        let error = Self.error(nested)
        #expect(error?.line == 1)
        #expect(error?.message == "the scenario is nested more than 32 levels deep")
        // Far deeper: libyaml's own depth limit stops it first, as a syntax error on line 1.
        let deep = "a: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        #expect(Self.error(deep)?.line == 1)
    }

    @Test("displayed text: controls, U+2028 and bidi overrides are escaped; plain text is untouched")
    func displayEscaping() {
        #expect(DisplayText.escaped("Airwave £1,000 \\ ok") == "Airwave £1,000 \\ ok")
        #expect(DisplayText.escaped("a\u{1B}[2J\u{7}b") == "a\\u{1B}[2J\\u{7}b")
        #expect(DisplayText.escaped("two\nrows\r\tx\u{0}") == "two\\u{A}rows\\u{D}\\u{9}x\\u{0}")
        #expect(DisplayText.escaped("s\u{2028}p\u{202E}q\u{9B}") == "s\\u{2028}p\\u{202E}q\\u{9B}")
        let error = InputError(file: "l\u{1B}.csv", line: 3, message: "budget 'x\u{1B}]0;t\u{7}' is not an amount", hint: "a\nb\u{1B}")
        #expect(error.description == "l\\u{1B}.csv:3: budget 'x\\u{1B}]0;t\\u{7}' is not an amount\n  hint: a\nb\\u{1B}")
        let long = InputError(file: "f", line: 1, message: "amount '" + String(repeating: "7", count: 1_000_000) + "' is bad", hint: nil)
        #expect(long.description.count < DisplayText.messageLimit + 50)
        #expect(long.description.hasSuffix("777' is bad"))
    }

    @Test("table cells show names escaped; CSV and JSON keep the exact text, quoted; JSON escapes U+2028")
    func reportsKeepOrEscape() {
        let name = "Two\nrows\u{1B}[2J\u{2028}"
        #expect(ReportCell.text(name).display == "Two\\u{A}rows\\u{1B}[2J\\u{2028}")
        #expect(ReportCell.text(name).csv == "\"" + name + "\"")
        #expect(JSONValue.string(name).rendered() == "\"Two\\nrows\\u001b[2J\\u2028\"\n")
    }

    @Test("JSON never holds inf or nan: a huge finite percentage is written out, a non-finite one is null")
    func jsonNumbers() {
        #expect(JSONValue.double(-9e18, decimals: 4).rendered() == "-9000000000000000000\n")
        #expect(JSONValue.double(-.infinity).rendered() == "null\n")
        #expect(JSONValue.double(.nan).rendered() == "null\n")
        #expect(ReportCell.percent(-9e18).display == "-9000000000000000000.0%")
    }

    @Test("planner init's template reads back names with a newline, U+2028, ESC, quotes, a backslash or a leading ?")
    func templateRoundTripsHostileNames() throws {
        let names = ["Two\nrows", "Sep\u{2028}x", "Esc\u{1B}[2J", "Quote \"q\" 'r'", "Back\\slash", "? key", "Tab\tx", "Emoji 😀\u{7F}"]
        var csv = "line,year,budget,actual\n"
        for (index, name) in names.enumerated() {
            csv += "\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",2021/22,\(100 + index),90\n"
        }
        let ledger = try Ledger(csv: csv, fileName: "ledger.csv")
        let text = ScenarioTemplate.text(for: ledger, ledgerPath: "ledger.csv")
        let scenario = try Scenario(yaml: text, fileName: "s.yaml")
        #expect(scenario.lines.map(\.name) == names)
        #expect(scenario.lines.map(\.budget.pence) == names.indices.map { Int64(100 + $0) * 100 })
    }
}
