import Foundation
import OutturnNumerics

/// `planner evaluate`: the one-year-ahead protocol of docs/risk.md run in-process on a budget history.
///
/// For each target year T: every line with a usable T (budget > 0, actual ≥ 0) and at least one
/// usable year right before it is forecast from a ledger of exactly those lines' contiguous usable
/// years before T, with T's budget as the target budget and the scenario defaults, through the same
/// functions as `planner forecast` (the ledger's budget-execution model, then each line's projection
/// and risk). Its P(overspend) is scored against actual_T > budget_T and its intervals against actual_T.
package enum Evaluation {
    /// One scored line-year.
    package struct Row: Sendable {
        /// The budget line's name.
        package let lineName: String
        /// The target year.
        package let year: FiscalYear
        /// Years of usable history before it.
        package let historyYears: Int
        /// Planner's P(overspend).
        package let probability: Probability
        /// The 80% and 95% intervals (pounds, as `planner forecast` reports them).
        package let interval80: MoneyInterval, interval95: MoneyInterval
        /// What was spent.
        package let actual: Money
        /// Whether actual > budget.
        package let overspent: Bool
        /// The line's past overspend frequency (k + 1)/(n + 2) over its history (a baseline forecast).
        package let pastOverspendFrequency: Probability
        /// The share of all line-years before T in the file that overspent (budget > 0, actual known);
        /// ½ when no line-year before T is known (a coin toss: no evidence either way).
        package let constant: Probability
    }

    /// Scores every target year from `first` to `last` (defaults: the file's second year and its last);
    /// `progress`, if given, is called with 1 after each target year is scored (for a progress line).
    /// - Throws: ``InputError`` when no line-year can be scored; errors of the forecast itself.
    package static func run(_ history: BudgetHistory, first: FiscalYear? = nil, last: FiscalYear? = nil,
                           prior: BudgetExecutionPrior = .shipped, progress: ((Int) -> Void)? = nil) throws -> EvaluationReport {
        let from = first ?? history.years.first!.next, to = last ?? history.years.last!
        var rows: [Row] = []
        // Running base rate: all line-years before T with a budget > 0 and a known actual.
        for t in history.years where t >= from && t <= to {
            var over = 0, known = 0
            for k in history.lines.indices {
                for (y, cell) in history.cells[k] where y < t {
                    if let b = cell.budget, let a = cell.actual, b.pence > 0 { known += 1; if a > b { over += 1 } }
                }
            }
            let constant = Probability(clamping: known > 0 ? Double(over) / Double(known) : 0.5)
            rows += try score(history, year: t, constant: constant, prior: prior)
            progress?(1)
        }
        guard !rows.isEmpty else {
            throw InputError(file: history.fileName, line: nil,
                             message: "no line-year from \(from) to \(to) has a usable year before it",
                             hint: "a line-year is scored when it and the year before it have budget > 0 and actual ≥ 0")
        }
        return EvaluationReport(file: history.fileName, first: from, last: to, rows: rows)
    }

    static func score(_ history: BudgetHistory, year t: FiscalYear, constant: Probability,
                      prior: BudgetExecutionPrior) throws -> [Row] {
        var builder = Ledger.Builder(fileName: "\(history.fileName) before \(t)")
        // Each scored line: its index in the history and its usable years before t.
        struct Chosen { let index: Int, years: [FiscalYear] }
        var chosen: [Chosen] = []
        var scenarioLines: [ScenarioLine] = []
        for k in history.lines.indices {
            guard let cell = history.cells[k][t], cell.isUsable else { continue }
            let years = history.history(ofLine: k, before: t)
            guard !years.isEmpty else { continue }
            for y in years {
                let c = history.cells[k][y]!
                builder.append(line: history.lines[k], year: y, budget: c.budget!, actual: c.actual!, sourceLine: c.sourceLine)
            }
            chosen.append(Chosen(index: k, years: years))
            scenarioLines.append(ScenarioLine(name: history.lines[k], budget: cell.budget!, sourceLine: cell.sourceLine))
        }
        guard !chosen.isEmpty else { return [] }
        let ledger = try builder.finish()
        let scenario = Scenario(fileName: history.fileName, ledgerPath: ledger.fileName, targetYear: t, lines: scenarioLines)
        let resolved = try ResolvedScenario(scenario: scenario, ledger: ledger, activity: [])
        // The same steps as ForecastRun: the ledger's model, then each line's projection and risk.
        let execution = try BudgetExecutionModel(ledger: ledger, prior: prior)
        var rows: [Row] = []
        rows.reserveCapacity(chosen.count)
        for (line, chosen) in zip(resolved.scenario.lines, chosen) {
            let (k, years) = (chosen.index, chosen.years)
            // The very step ForecastRun takes for each line (Projected), so the two cannot drift apart.
            let risk = try Projected(line, resolved: resolved, execution: execution).risk
            let cell = history.cells[k][t]!
            let overs = years.filter { history.cells[k][$0]!.actual! > history.cells[k][$0]!.budget! }.count
            rows.append(Row(lineName: line.name, year: t, historyYears: years.count, probability: risk.probabilityOfOverspend,
                            // The scenario's default levels, 0.8 and 0.95, in that order.
                            interval80: risk.intervals[0], interval95: risk.intervals[1],
                            actual: cell.actual!, overspent: cell.actual! > cell.budget!,
                            pastOverspendFrequency: Probability(clamping: Double(overs + 1) / Double(years.count + 2)),
                            constant: constant))
        }
        return rows
    }
}

/// The scores of a set of scored line-years (see ``Evaluation``).
package struct EvaluationScores: Sendable {
    /// One probability decile of the reliability table.
    package struct Bin: Sendable, Equatable {
        /// Probabilities in [from, to) (the last bin includes 1).
        package let from: Double, to: Double
        /// Line-years in the bin.
        package let count: Int
        /// Their mean P(overspend).
        package let meanProbability: Double
        /// The share of them that overspent.
        package let observedRate: Double
    }

    /// Line-years scored.
    package let lineYears: Int
    /// Mean squared difference between P(overspend) and the 0/1 outcome.
    package let brier: Double
    /// Mean negative log-likelihood of the outcome (probabilities clipped to [10⁻⁴, 1 − 10⁻⁴]).
    package let logLoss: Double
    /// Share of actuals inside the 80% and 95% intervals (ends included).
    package let coverage80: Double, coverage95: Double
    /// Deciles with at least one line-year.
    package let reliability: [Bin]
    /// Brier scores of the line's past overspend frequency (k + 1)/(n + 2) and of the constant base
    /// rate, on the same line-years.
    package let pastOverspendFrequencyBrier: Double, constantBrier: Double
    /// Share of the line-years that overspent.
    package let overspendRate: Double

    /// Scores `rows` (non-empty).
    package init(_ rows: [Evaluation.Row]) {
        let n = Double(rows.count)
        func score(_ p: (Evaluation.Row) -> Probability) -> Double {
            rows.reduce(0) { let d = p($1).value - ($1.overspent ? 1 : 0); return $0 + d * d } / n
        }
        lineYears = rows.count
        brier = score(\.probability)
        logLoss = rows.reduce(0) { total, row in
            let p = min(max(row.probability.value, 1e-4), 1 - 1e-4)
            return total - log(row.overspent ? p : 1 - p)
        } / n
        coverage80 = Double(rows.filter { $0.interval80.covers($0.actual) }.count) / n
        coverage95 = Double(rows.filter { $0.interval95.covers($0.actual) }.count) / n
        reliability = (0..<10).compactMap { d in
            let from = Double(d) / 10, to = Double(d + 1) / 10
            let members = rows.filter { $0.probability.value >= from && (d == 9 || $0.probability.value < to) }
            guard !members.isEmpty else { return nil }
            let c = Double(members.count)
            return Bin(from: from, to: to, count: members.count,
                       meanProbability: members.reduce(0) { $0 + $1.probability.value } / c,
                       observedRate: Double(members.filter(\.overspent).count) / c)
        }
        pastOverspendFrequencyBrier = score(\.pastOverspendFrequency)
        constantBrier = score(\.constant)
        overspendRate = Double(rows.filter(\.overspent).count) / n
    }

    /// The largest |observed − mean probability| over deciles with at least `minimumCount` line-years;
    /// nil when no decile has that many (too few line-years to judge, which is not a gap of 0).
    package func worstReliabilityGap(minimumCount: Int = 20) -> Double? {
        reliability.filter { $0.count >= minimumCount }.map { abs($0.observedRate - $0.meanProbability) }.max()
    }
}

/// What `planner evaluate` reports: the scores overall and by years of history.
package struct EvaluationReport: Sendable {
    /// The history file.
    package let file: String
    /// The target years scored.
    package let first: FiscalYear, last: FiscalYear
    /// Every scored line-year.
    package let rows: [Evaluation.Row]
    /// All of them.
    package let overall: EvaluationScores
    /// By years of history: 1, 2, 3, 4 and 5 or more (only those present), in that order.
    package let byHistory: [HistoryScores]

    /// The scores of the line-years with a given number of years of history before them.
    package struct HistoryScores: Sendable {
        /// Years of usable history before the target year: 1 to 4, or 5 for five or more.
        package let historyYears: Int
        /// The scores of those line-years.
        package let scores: EvaluationScores
    }

    init(file: String, first: FiscalYear, last: FiscalYear, rows: [Evaluation.Row]) {
        self.file = file
        self.first = first
        self.last = last
        self.rows = rows
        overall = EvaluationScores(rows)
        byHistory = (1...5).compactMap { n in
            let members = rows.filter { min($0.historyYears, 5) == n }
            return members.isEmpty ? nil : HistoryScores(historyYears: n, scores: EvaluationScores(members))
        }
    }
}

private extension MoneyInterval {
    /// Whether `amount` lies in the interval, ends included.
    func covers(_ amount: Money) -> Bool { lower <= amount && amount <= upper }
}
