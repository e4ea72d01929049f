import Foundation
import OutturnNumerics

/// One budget line's projected spending for the target year, with the distribution behind it.
public struct LineProjection: Sendable {
    /// The line's name.
    public let lineName: String
    /// The target-year budget from the scenario (exact; negative for income, as in the ledger).
    public let budget: Money
    /// Predictive distribution of spending, pounds (censored at zero); for income, of the income
    /// received, a positive amount (``kind``).
    public let distribution: PredictiveDistribution
    /// Spending or income: an income line's ``distribution`` is of the amount received (positive),
    /// its ``budget`` and ``projected`` keep the ledger's negative sign.
    public var kind: LineKind = .spending
    /// The projected spending, pounds: the distribution's censored location (income: its negative).
    public var projected: Double { kind == .income ? -distribution.censoredLocation : distribution.censoredLocation }
    /// The method by its technical name ("last outturn carried forward", "drift + record against
    /// budget"; JSON's `method`).
    public let method: String
    /// The method in a finance officer's words (the Method column of the tables); nil: ``method``.
    public internal(set) var methodInWords: String? = nil
    /// One plain sentence on what was done and what was assumed.
    public let reason: String
    /// Years of history used.
    public let yearsOfHistory: Int
    /// True when the year-to-year spread was the scenario's assumption, not measured.
    public let spreadAssumed: Bool

    package init(lineName: String, budget: Money, distribution: PredictiveDistribution, method: String, reason: String,
                yearsOfHistory: Int, spreadAssumed: Bool) {
        self.lineName = lineName
        self.budget = budget
        self.distribution = distribution
        self.method = method
        self.reason = reason
        self.yearsOfHistory = yearsOfHistory
        self.spreadAssumed = spreadAssumed
    }
}

extension LineProjection {
    /// Projects `line` from its ledger `history` (oldest first) to `scenario.targetYear`.
    ///
    /// 1. The forecaster projects actual spending from its own history (with one year: the last
    ///    outturn carried forward; the spread is the scenario's `year_to_year_spread`).
    /// 2. The scenario's adjustments: × (1 + inflation)^years × (1 + growth), then + one-off change.
    /// 3. With two or more years of budget and actual, the line's record against its budgets counts
    ///    too: the centre moves halfway to (latest budget × the line's average actual/budget ratio,
    ///    with the same adjustments), and with three or more years the spread is widened, if need be,
    ///    to the spread of those ratios × latest budget (lines whose outturn wanders around their
    ///    budget are riskier). The record is applied to the latest ledger budget, not the target-year
    ///    budget, so the projection never depends on the budget being tested: raising the target
    ///    budget can only lower the risk.
    /// - Throws: ``InputError`` if the history is empty.
    ///
    /// With `execution` (the ledger's budget-execution model, docs/risk.md) a line with a usable
    /// latest year is projected by that model instead, one year ahead.
    package static func project(line: ScenarioLine, history: [LedgerEntry], scenario: Scenario,
                               ledgerFile: String, execution: BudgetExecutionModel? = nil,
                               lineIndex: Int? = nil) throws -> LineProjection {
        if line.isNew && history.isEmpty { return projectNew(line: line, scenario: scenario) }
        guard let last = history.last else {
            throw InputError(file: ledgerFile, line: nil, message: "line '\(line.name)' has no history", hint: nil)
        }
        if line.kind == .income {
            return try projectIncome(line: line, history: history, scenario: scenario, ledgerFile: ledgerFile)
        }
        // BudgetExecution: the one place where the budget-execution model takes over a line.
        if let execution, let lineIndex,
           var projection = execution.projection(line: line, lineIndex: lineIndex, history: history, scenario: scenario) {
            projection.methodInWords = "its record against budget"
            return projection
        }
        let horizon = scenario.targetYear.startYear - last.year.startYear
        let actuals = history.map(\.actual.pounds)
        let forecast = try LineForecaster.forecast(actuals, horizon: horizon,
                                                   fallbackRelativeSpread: scenario.yearToYearSpread)
        let factor = pow(1 + scenario.inflation, Double(horizon)) * (1 + line.growth)
        var base = forecast.distribution
        var spreadText = forecast.spreadAssumed
            ? "year-to-year spread assumed at the scenario's \(LineProjection.percent(scenario.yearToYearSpread))"
            : "spread measured from its history"
        if history.count == 2 && !forecast.spreadAssumed {
            // One year-on-year change is too little to trust as a spread: never narrower than the assumption.
            let ownSD = LineProjection.spread(of: base)
            let assumedSD = scenario.yearToYearSpread * abs(base.censoredLocation) * Double(horizon).squareRoot()
            if ownSD < assumedSD {
                base = base.recentred(at: base.censoredLocation, widenedBy: ownSD > 0 ? assumedSD / ownSD : 1)
                spreadText = "spread from its one year-on-year change, widened to the scenario's \(LineProjection.percent(scenario.yearToYearSpread))"
            }
        }
        var distribution = base.transformed(multiplier: max(factor, 1e-9), shift: line.change.pounds)

        var method: String
        var methodInWords: String
        var reason: String
        let adjustments = LineProjection.describeAdjustments(line: line, inflation: scenario.inflation)
        if history.count == 1 {
            method = "last outturn carried forward"
            methodInWords = method
            reason = "one year of history: last outturn carried forward with \(adjustments); \(spreadText)"
        } else {
            method = forecast.model
            methodInWords = forecast.plainModel
            reason = "\(history.count) years of history: \(forecast.plainDescription) on actual spending with \(adjustments); \(spreadText)"
        }

        let record = history.filter { $0.budget.pence > 0 }.map { $0.actual.pounds / $0.budget.pounds }
        if record.count >= 2 {
            let meanRatio = record.reduce(0, +) / Double(record.count)
            let recordCentre = last.budget.pounds * meanRatio * factor + line.change.pounds
            let centre = 0.5 * (distribution.censoredLocation + recordCentre)
            var widen = 1.0
            if record.count >= 3 {
                let ratioSD = (record.map { ($0 - meanRatio) * ($0 - meanRatio) }.reduce(0, +) / Double(record.count - 1)).squareRoot()
                let ownSD = LineProjection.spread(of: distribution)
                if ownSD > 0 { widen = max(1, ratioSD * last.budget.pounds * factor / ownSD) }
            }
            distribution = distribution.recentred(at: centre, widenedBy: widen)
            method += " + record against budget"
            methodInWords += " and its record against budget"
            reason += "; averaged with its record of spending \(LineProjection.percent(meanRatio)) of budget over \(record.count) years"
        }
        var projection = LineProjection(lineName: line.name, budget: line.budget, distribution: distribution.censored(below: 0),
                                        method: method, reason: reason, yearsOfHistory: history.count,
                                        spreadAssumed: forecast.spreadAssumed)
        projection.methodInWords = methodInWords
        return projection
    }

    /// The exact mean and standard deviation of the projected spending, pounds. Lines' shapes
    /// (normal, the calibrated empirical shape with normal tails, or the budget-execution model's
    /// log-empirical shape, censored at 20 times the budget) always have both.
    var moments: (mean: Double, standardDeviation: Double) {
        guard let mean = distribution.mean, let standardDeviation = distribution.standardDeviation else {
            preconditionFailure("line '\(lineName)': a projection without finite moments (shape \(distribution.shape))")
        }
        return (mean, standardDeviation)
    }

    /// The spread compared with the record's and the scenario's standard deviations: half the width
    /// of the central 68.27% interval. For a normal (every line with one or two years) it is the
    /// standard deviation; for the calibrated empirical shapes it is a quantile-based spread,
    /// narrower than their exact ``PredictiveDistribution/standardDeviation`` (normal tails beyond
    /// the table's 0.5% and 99.5% points), kept so that the published figures do not move.
    static func spread(of distribution: PredictiveDistribution) -> Double {
        (distribution.quantile(0.841_344_746) - distribution.quantile(0.158_655_254)) / 2
    }

    static func describeAdjustments(line: ScenarioLine, inflation: Double) -> String {
        var parts = ["\(percent(inflation)) inflation"]
        if line.growth != 0 { parts.append("\(percent(line.growth)) growth") }
        if line.change.pence != 0 { parts.append("a one-off change of \(line.change.formatted())") }
        var text = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        if let note = line.note { text += " (\(note))" }
        return text
    }

    static func percent(_ fraction: Double) -> String {
        DecimalText.percent(fraction)
    }
}
