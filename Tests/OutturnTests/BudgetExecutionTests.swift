import Foundation
@testable import Outturn
import OutturnNumerics
import Testing
import _TestSupport

/// A synthetic organisation's ledger: `lines` lines × `years` years ending 2021/22, amounts in pounds.
struct SyntheticLedger {
    var rows: [(line: String, year: FiscalYear, budget: Int64, actual: Int64)] = []

    /// Budgets start at 100k–2m and change by `budgetChange` each year; actual = budget × `ratio`.
    init(lines: Int, years: Int, seed: UInt64,
         budgetChange: (inout SeededGenerator) -> Double = { 0.9 + 0.2 * Double($0.next() % 1_000) / 1_000 },
         ratio: (Int, inout SeededGenerator) -> Double) {
        var generator = SeededGenerator(seed: seed)
        for k in 0..<lines {
            var budget = Double(100_000 + generator.next() % 1_900_000)
            for y in 0..<years {
                let year = FiscalYear(startYear: 2022 - years + y)
                rows.append(("Line \(k)", year, Int64(budget), Int64(budget * ratio(k, &generator))))
                budget *= budgetChange(&generator)
            }
        }
    }

    init(rows: [(line: String, year: FiscalYear, budget: Int64, actual: Int64)]) { self.rows = rows }

    var ledger: Ledger {
        get throws {
            let csv = "line,year,budget,actual\n" + rows.map { "\($0.line),\($0.year),\($0.budget),\($0.actual)\n" }.joined()
            return try Ledger(csv: csv, fileName: "ledger.csv")
        }
    }

    /// The forecast for 2022/23 with every line's latest budget held, except `budgets` (pounds) and `inflation`.
    func forecast(budgets: [String: Double] = [:], inflation: Double = 0, draws: Int = 2_000,
                  oneOffYears: [String: [OneOffYear]] = [:]) throws -> ForecastReport {
        let ledger = try self.ledger
        let lines = ledger.lineNames.enumerated().map { index, name in
            ScenarioLine(name: name, budget: budgets[name].flatMap { Money(roundingPounds: $0) }
                            ?? ledger.history(atIndex: index).last!.budget, sourceLine: index + 1,
                         oneOffYears: oneOffYears[name] ?? [])
        }
        var scenario = Scenario(fileName: "s.yaml", ledgerPath: "ledger.csv", targetYear: FiscalYear("2022/23")!,
                                lines: lines, inflation: inflation)
        scenario.draws = draws
        return try ForecastReport(try ResolvedScenario(scenario: scenario, ledger: ledger, activity: []))
    }
}

@Suite("Budget-execution model")
struct BudgetExecutionTests {
    static func uniform(_ g: inout SeededGenerator, _ lo: Double, _ hi: Double) -> Double {
        lo + (hi - lo) * Double(g.next() % 1_000_000) / 1_000_000
    }

    @Test("learns each organisation's own pattern: one that always spends 88–92% of budget is green, one at 108–112% is red")
    func learnsTheOrganisation() throws {
        let under = SyntheticLedger(lines: 30, years: 6, seed: 1) { _, g in BudgetExecutionTests.uniform(&g, 0.88, 0.92) }
        let over = SyntheticLedger(lines: 30, years: 6, seed: 1) { _, g in BudgetExecutionTests.uniform(&g, 1.08, 1.12) }
        let low = try under.forecast(), high = try over.forecast()
        for line in low.lines {
            #expect(line.probabilityOfOverspend.value < 0.1, "\(line.lineName): \(line.probabilityOfOverspend.value)")
            #expect(line.method == "budget-execution model")
            #expect(line.reason.contains("learnt from 150 line-years of this ledger"), "\(line.reason)")
        }
        for line in high.lines { #expect(line.probabilityOfOverspend.value > 0.9, "\(line.lineName): \(line.probabilityOfOverspend.value)") }
    }

    @Test("raising a line's target budget never raises its P(overspend) under a model learnt from the ledger (seeded)")
    func monotoneInTargetBudget() throws {
        for seed in UInt64(1)...4 {
            let ledger = SyntheticLedger(lines: 25, years: 6, seed: seed) { _, g in BudgetExecutionTests.uniform(&g, 0.7, 1.3) }
            let last = try ledger.ledger.history(of: "Line 3").last!
            var previous: (p: Double, perPound: Double)? = nil
            for factor in stride(from: 0.3, through: 3.0, by: 0.15) {
                let budget = last.budget.pounds * factor
                let risk = try ledger.forecast(budgets: ["Line 3": budget], draws: 200).lines[3]
                #expect(risk.method == "budget-execution model")
                let perPound = risk.expectedOverspend.pounds / budget
                if let previous {
                    #expect(risk.probabilityOfOverspend.value <= previous.p + 1e-12, "seed \(seed) factor \(factor)")
                    #expect(perPound <= previous.perPound + 1e-6, "seed \(seed) factor \(factor)")
                }
                previous = (risk.probabilityOfOverspend.value, perPound)
            }
        }
    }

    @Test("a small ledger falls back to the prior fitted on the shipped budgets, and the reason says so")
    func smallLedgerUsesThePrior() throws {
        let small = SyntheticLedger(lines: 3, years: 4, seed: 9) { _, g in BudgetExecutionTests.uniform(&g, 0.9, 1.1) }
        for line in try small.forecast().lines {
            #expect(line.method == "budget-execution prior")
            #expect(line.reason.contains("too little history in this ledger to learn from (9 line-years with an earlier year): the prior fitted on published Canadian and Israeli programme budgets"),
                    "\(line.reason)")
        }
    }

    /// 80 lines × 6 years; each year a 30% chance of a 20–35% cut, else −3% to +5%. Where cuts are met,
    /// spending is 90–102% of whatever the budget is; where they are not, it stays at 90–102% of the
    /// budget before the cut.
    static func cutsLedger(met: Bool) -> SyntheticLedger {
        var generator = SeededGenerator(seed: 3)
        var rows: [(line: String, year: FiscalYear, budget: Int64, actual: Int64)] = []
        for k in 0..<80 {
            var budget = Double(100_000 + generator.next() % 1_900_000), base = budget
            for y in 0..<6 {
                let ratio = uniform(&generator, 0.90, 1.02)
                rows.append(("Line \(k)", FiscalYear(startYear: 2016 + y), Int64(budget), Int64((met ? budget : base) * ratio)))
                if Double(generator.next() % 100) < 30 {
                    base = budget
                    budget *= 1 - uniform(&generator, 0.20, 0.35)
                } else {
                    budget *= uniform(&generator, 0.97, 1.05)
                    base = budget
                }
            }
        }
        rows += [("Department", FiscalYear("2020/21")!, 58_000_000, 57_100_000),
                 ("Department", FiscalYear("2021/22")!, 59_900_000, 59_300_000)]
        return SyntheticLedger(rows: rows)
    }

    @Test("a 27% cut (59.9m → 44.0m): in an organisation whose cuts are met the risk and projection are lower than in one whose cuts are not, and the reason says why")
    func cutsThatAreMet() throws {
        let met = try BudgetExecutionTests.cutsLedger(met: true).forecast(budgets: ["Department": 44_000_000])
            .lines.first { $0.lineName == "Department" }!
        let notMet = try BudgetExecutionTests.cutsLedger(met: false).forecast(budgets: ["Department": 44_000_000])
            .lines.first { $0.lineName == "Department" }!
        #expect(met.probabilityOfOverspend.value < notMet.probabilityOfOverspend.value - 0.05,
                "\(met.probabilityOfOverspend.value) vs \(notMet.probabilityOfOverspend.value)")
        #expect(met.projected.pounds < 50_000_000 && notMet.projected.pounds > met.projected.pounds,
                "\(met.projected) vs \(notMet.projected)")
        #expect(met.reason.contains("usually spends 99% of budget"), "\(met.reason)")
        #expect(met.reason.contains("budget cut 27%"), "\(met.reason)")
        #expect(met.reason.contains("past cuts of this size were mostly met"), "\(met.reason)")
        #expect(notMet.reason.contains("past cuts of this size were mostly overspent"), "\(notMet.reason)")
    }

    @Test("the record against budget applies to the target budget: a reserve budgeted 53m that spent 0.18m, then budgeted 0.18m, is projected near 0.18m")
    func reserveLine() throws {
        let reserve = SyntheticLedger(rows: [("Reserve", FiscalYear("2020/21")!, 53_000_000, 180_000),
                                             ("Reserve", FiscalYear("2021/22")!, 53_000_000, 180_000)])
        let risk = try reserve.forecast(budgets: ["Reserve": 180_000]).lines[0]
        #expect(risk.projected.pounds < 360_000, "\(risk.projected)")
        #expect(risk.intervals[0].upper.pounds < 1_000_000, "\(risk.intervals[0].upper)")
    }

    /// A line that grows exactly 3% a year, always spends its budget and is budgeted at last year + 3%.
    static let threePercentLine = SyntheticLedger(rows: (0..<5).map { y in
        let amount = Int64((1_000_000 * pow(1.03, Double(y))).rounded())
        return ("Licences", FiscalYear(startYear: 2017 + y), amount, amount)
    })

    @Test("inflation is not counted twice: a line growing 3% a year, budgeted at +3%, is neither red nor above 50% with inflation 3%, the same as with 0%")
    func inflationNotTwice() throws {
        let target = 1_000_000 * pow(1.03, 5.0)
        let withInflation = try BudgetExecutionTests.threePercentLine.forecast(budgets: ["Licences": target], inflation: 0.03).lines[0]
        let without = try BudgetExecutionTests.threePercentLine.forecast(budgets: ["Licences": target], inflation: 0).lines[0]
        #expect(withInflation.rag != .red)
        #expect(withInflation.probabilityOfOverspend.value <= 0.5)
        #expect(abs(withInflation.probabilityOfOverspend.value - without.probabilityOfOverspend.value) < 1e-12)
        #expect(withInflation.reason.contains("spending has grown 3.0% a year ± 0.0 over 5 years"), "\(withInflation.reason)")
        #expect(withInflation.reason.contains("its trend already covers the 3.0% inflation"), "\(withInflation.reason)")
        // Inflation beyond the line's own trend does count.
        let more = try BudgetExecutionTests.threePercentLine.forecast(budgets: ["Licences": target], inflation: 0.08).lines[0]
        #expect(more.probabilityOfOverspend.value > withInflation.probabilityOfOverspend.value)
    }

    @Test("a perfectly smooth history still gets a real spread: the 95% interval is at least ±5% (floor learnt from real lines' errors)")
    func spreadFloor() throws {
        let risk = try BudgetExecutionTests.threePercentLine.forecast(budgets: ["Licences": 1_000_000 * pow(1.03, 5.0)]).lines[0]
        let halfWidth = (risk.intervals[1].upper.pounds - risk.intervals[1].lower.pounds) / 2
        #expect(halfWidth / risk.projected.pounds >= 0.05, "\(risk.intervals[1])")
    }

    @Test("two years of history give an interval no wider than one year of history (500k then 520k)")
    func twoYearsNoWider() throws {
        let two = SyntheticLedger(rows: [("L", FiscalYear("2020/21")!, 500_000, 500_000),
                                         ("L", FiscalYear("2021/22")!, 520_000, 520_000)])
        let one = SyntheticLedger(rows: [("L", FiscalYear("2021/22")!, 520_000, 520_000)])
        let a = try two.forecast(budgets: ["L": 520_000]).lines[0], b = try one.forecast(budgets: ["L": 520_000]).lines[0]
        #expect(a.intervals[1].upper.pounds - a.intervals[1].lower.pounds
                <= b.intervals[1].upper.pounds - b.intervals[1].lower.pounds, "\(a.intervals[1]) vs \(b.intervals[1])")
        #expect(a.intervals[1].lower.pounds > 0)
    }

    @Test("forecasting a multi-year ledger reaches the LAPACK boundary (pivoted QR of the pooled fit and the batch trends)")
    func reachesLAPACK() throws {
        let ledger = SyntheticLedger(lines: 8, years: 5, seed: 5) { _, g in BudgetExecutionTests.uniform(&g, 0.9, 1.1) }
        let recorder = LinearAlgebraBoundary.Recorder()
        _ = try LinearAlgebraBoundary.$recorder.withValue(recorder) { try ledger.forecast() }
        // Prior only (32 < 30 is false: 8 × 4 = 32 examples): the pooled fit's QR plus one per batch-trend window length.
        #expect(recorder.calls(of: .dgeqp3) >= 3, "\(recorder.total)")
        #expect(recorder.calls(of: .dormqr) >= 1)
    }

    @Test("a one-off spike year, excluded or normalised by the scenario, no longer raises the risk, and the reason says so")
    func oneOffYears() throws {
        let spike = SyntheticLedger(rows: (2017...2021).map { y in
            ("Overtime", FiscalYear(startYear: y), 1_000_000, y == 2020 ? 1_600_000 : 990_000)
        })
        let year = FiscalYear("2020/21")!
        let plain = try spike.forecast().lines[0]
        let excluded = try spike.forecast(oneOffYears: ["Overtime": [OneOffYear(year: year, treatment: .exclude)]]).lines[0]
        let normalised = try spike.forecast(oneOffYears: ["Overtime": [OneOffYear(year: year, treatment: .normalise)]]).lines[0]
        #expect(excluded.probabilityOfOverspend.value < plain.probabilityOfOverspend.value)
        #expect(normalised.probabilityOfOverspend.value < plain.probabilityOfOverspend.value)
        #expect(plain.reason.contains("over budget in 1 of the last 5 years"), "\(plain.reason)")
        #expect(excluded.reason.contains("2020/21 left out as a one-off year"), "\(excluded.reason)")
        #expect(excluded.reason.contains("over budget in 0 of the last 4 years"), "\(excluded.reason)")
        #expect(normalised.reason.contains("2020/21 normalised to its usual 99% of budget"), "\(normalised.reason)")
    }

    @Test("exclude_years and normalise_years in a scenario file: read as fiscal years; a year outside the line's history names the scenario line")
    func oneOffYearKeys() throws {
        let yaml = """
        ledger: ledger.csv
        target_year: 2022/23
        lines:
          Overtime:
            budget: 1,000,000
            exclude_years: [2020/21]
          Licences:
            budget: 500,000
            normalise_years: 2019/20

        """
        let scenario = try Scenario(yaml: yaml, fileName: "s.yaml")
        #expect(scenario.lines[0].oneOffYears == [OneOffYear(year: FiscalYear("2020/21")!, treatment: .exclude)])
        #expect(scenario.lines[1].oneOffYears == [OneOffYear(year: FiscalYear("2019/20")!, treatment: .normalise)])
        let ledger = try Ledger(csv: """
        line,year,budget,actual
        Overtime,2020/21,1000000,1600000
        Overtime,2021/22,1000000,990000
        Licences,2020/21,500000,480000
        Licences,2021/22,500000,490000

        """, fileName: "ledger.csv")
        do {
            _ = try ResolvedScenario(scenario: scenario, ledger: ledger, activity: [])
            Issue.record("accepted a one-off year outside the history")
        } catch let error as InputError {
            #expect(error.description.hasPrefix("s.yaml:7: line 'Licences': 2019/20 (normalise_years) is not a year of its history in ledger.csv"),
                    "\(error.description)")
        }
        #expect(throws: InputError.self) {
            try Scenario(yaml: yaml.replacingOccurrences(of: "[2020/21]", with: "[2020/22]"), fileName: "s.yaml")
        }
    }
}
