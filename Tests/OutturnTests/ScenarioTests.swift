import Outturn
import Testing
import _TestSupport

@Suite("Scenario files")
struct ScenarioTests {
    static let ledger = try! Ledger(csv: BundledData.ledger, fileName: "ledger.csv")

    static func error(_ yaml: String) -> InputError? {
        do {
            let scenario = try Scenario(yaml: yaml, fileName: "s.yaml")
            _ = try ResolvedScenario(scenario: scenario, ledger: ledger, activity: [])
            return nil
        } catch let error as InputError {
            return error
        } catch {
            return InputError(file: "?", line: nil, message: "unexpected \(error)", hint: nil)
        }
    }

    static let minimal = """
    ledger: ledger.csv
    target_year: 2022/23
    lines:
      SRS Collaboration: 4,625,473
      Airwave:
        budget: £763k
      Devolved Force Budgets: £1.5m
      National ICT Services: 1026146
      DSD:
        budget: 1,838,691
        growth: 2%
        change: -250,000
        note: contract ends
    """

    @Test("the bundled scenario parses with the documented defaults and every ledger line")
    func bundled() throws {
        let resolved = try ResolvedScenario.bundled()
        let s = resolved.scenario
        #expect(s.targetYear == FiscalYear("2022/23"))
        #expect(s.lines.map(\.name) == ScenarioTests.ledger.lineNames)
        for (line, entry) in zip(s.lines, ScenarioTests.ledger.entries) { #expect(line.budget == entry.budget) }
        #expect(s.yearToYearSpread == Scenario.defaultYearToYearSpread)
        #expect(s.confidenceLevels == [0.8, 0.95])
        #expect(s.rag == RAGThresholds(red: 0.5, amber: 0.2))
    }

    @Test("amounts and rates as finance writes them; defaults fill the rest")
    func minimalScenario() throws {
        let s = try ResolvedScenario(scenario: try Scenario(yaml: ScenarioTests.minimal, fileName: "s.yaml"),
                                     ledger: ScenarioTests.ledger, activity: []).scenario
        #expect(s.lines[1].budget == Money(pounds: 763_000))
        #expect(s.lines[2].budget == Money(pounds: 1_500_000))
        #expect(s.lines[4].growth == 0.02)
        #expect(s.lines[4].change == Money(pounds: -250_000))
        #expect(s.lines[4].note == "contract ends")
        #expect(s.inflation == 0 && s.correlation == Scenario.defaultCorrelation && s.draws == Scenario.defaultDraws)
        #expect(s.materiality == .standard)
        #expect(s.fiscalYearStart == .april)
    }

    @Test("fiscal_year_start takes a month name, its short form or its number")
    func fiscalYearStart() throws {
        for written in ["July", "jul", "7"] {
            let s = try Scenario(yaml: ScenarioTests.minimal + "\nfiscal_year_start: \(written)\n", fileName: "s.yaml")
            #expect(s.fiscalYearStart == .july)
        }
    }

    @Test("a typo in a line name points at its line and suggests the ledger's name")
    func unknownLine() {
        let error = ScenarioTests.error(ScenarioTests.minimal.replacingOccurrences(of: "  Airwave:", with: "  Airwav:"))
        #expect(error?.line == 5)
        #expect(error?.message == "'Airwav' is not a budget line in ledger.csv")
        #expect(error?.hint == "did you mean 'Airwave'?")
    }

    @Test("an unknown key suggests the closest known key")
    func unknownKey() {
        let error = ScenarioTests.error(ScenarioTests.minimal + "\nassumptions:\n  inflaton: 5%\n")
        #expect(error?.line == 15)
        #expect(error?.message == "unknown key 'inflaton' in assumptions")
        #expect(error?.hint == "did you mean 'inflation'?")
    }

    @Test("wrong types, bad amounts and bad rates name the line", arguments: [
        ("\nassumptions: 5%\n", 14, "assumptions should be a set of 'key: value' entries, found '5%'"),
        ("\nassumptions:\n  inflation: five\n", 15, "inflation 'five' is not a rate"),
        ("\nassumptions:\n  correlation: 150%\n", 15, "correlation 150% is outside 0% to 99%"),
        ("\nconfidence:\n  levels: 80%\n", 15, "levels should be a list of two confidence levels"),
        ("\nsimulation:\n  draws: lots\n", 15, "draws 'lots' should be a whole number from 1000 to 1000000"),
        ("\nmaterialty:\n  percent: 1%\n", 14, "unknown key 'materialty' in the scenario"),
        ("\nfiscal_year_start: Jully\n", 14, "fiscal_year_start 'Jully' is not a month"),
    ] as [(String, Int, String)])
    func typeErrors(suffix: String, line: Int, message: String) {
        let error = ScenarioTests.error(ScenarioTests.minimal + suffix)
        #expect(error?.line == line)
        #expect(error?.message == message)
    }

    @Test("a garbled budget names the line")
    func garbledBudget() {
        let error = ScenarioTests.error(ScenarioTests.minimal.replacingOccurrences(of: "£1.5m", with: "1.5mm"))
        #expect(error?.line == 7)
        #expect(error?.message == "budget of 'Devolved Force Budgets' '1.5mm' is not an amount")
    }

    @Test("missing required keys and missing ledger lines are reported")
    func missing() {
        #expect(ScenarioTests.error("ledger: l.csv\nlines:\n  DSD: 1\n")?.message == "missing required key 'target_year'")
        let error = ScenarioTests.error(ScenarioTests.minimal.replacingOccurrences(of: "  National ICT Services: 1026146\n", with: ""))
        #expect(error?.line == 3)
        #expect(error?.message == "line 'National ICT Services' in ledger.csv has no budget for 2022/23")
        #expect(ScenarioTests.error(ScenarioTests.minimal.replacingOccurrences(of: "budget: £763k", with: "growth: 1%"))?.message
                == "line 'Airwave' has no budget")
    }

    @Test("a line that ended before the ledger's latest year needs no budget")
    func endedLine() throws {
        let ledger = try Ledger(csv: "line,year,budget,actual\nOld,2020/21,5,5\nNew,2020/21,1,1\nNew,2021/22,2,2\n",
                                fileName: "l.csv")
        let scenario = try Scenario(yaml: "ledger: l.csv\ntarget_year: 2022/23\nlines:\n  New: 3\n", fileName: "s.yaml")
        let resolved = try ResolvedScenario(scenario: scenario, ledger: ledger, activity: [])
        #expect(resolved.scenario.lines.map(\.name) == ["New"])
    }

    @Test("YAML syntax errors carry the line from the parser")
    func syntax() {
        let error = ScenarioTests.error("ledger: ledger.csv\ntarget_year: 2022/23\nlines:\n  DSD: [1,\n  Airwave: 2\n")
        #expect(error?.line != nil)
        #expect(error?.message.hasPrefix("YAML syntax") == true)
    }

    @Test("a key given twice points at its second appearance")
    func duplicateKey() {
        let error = ScenarioTests.error(ScenarioTests.minimal.replacingOccurrences(of: "  DSD:\n", with: "  Airwave: 1\n  DSD:\n"))
        #expect(error?.line == 9)
        #expect(error?.message == "a key appears twice: Airwave")
    }

    @Test("a target year not after the ledger is rejected")
    func targetYear() {
        let error = ScenarioTests.error(ScenarioTests.minimal.replacingOccurrences(of: "2022/23", with: "2021/22"))
        #expect(error?.message == "target_year 2021/22 is not after the ledger's latest year 2021/22")
    }

    @Test("planner init's template parses back to the ledger's latest budgets and defaults")
    func templateRoundTrip() throws {
        let text = ScenarioTemplate.text(for: ScenarioTests.ledger, ledgerPath: "ledger.csv")
        let s = try ResolvedScenario(scenario: try Scenario(yaml: text, fileName: "t.yaml"), ledger: ScenarioTests.ledger,
                                     activity: []).scenario
        #expect(s.lines.map(\.budget) == ScenarioTests.ledger.entries.map(\.budget))
        #expect(s.yearToYearSpread == Scenario.defaultYearToYearSpread)
        #expect(s.seed == Scenario.defaultSeed)
    }
}
