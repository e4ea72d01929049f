import Foundation
import OutturnNumerics

extension LineProjection {
    /// Projects an income line (negative budget and actuals, ``LineKind/income``) as the amount
    /// received: the history, budget and one-off change are mirrored to positive amounts and
    /// projected like spending (the forecaster, the scenario's adjustments, the record against
    /// budget, censoring at £0), then kept as the distribution of income received with the
    /// ledger's negative budget. ``RiskAssessment`` reads its risk as a shortfall.
    ///
    /// The budget-execution model is not used: it is learnt from spending lines (budget > 0,
    /// actual ≥ 0) and says nothing about how income is collected.
    static func projectIncome(line: ScenarioLine, history: [LedgerEntry], scenario: Scenario,
                              ledgerFile: String) throws -> LineProjection {
        let mirroredHistory = history.map {
            LedgerEntry(lineName: $0.lineName, year: $0.year, budget: Money(pence: -$0.budget.pence),
                        actual: Money(pence: -$0.actual.pence), sourceLine: $0.sourceLine)
        }
        let mirroredLine = ScenarioLine(name: line.name, budget: Money(pence: -line.budget.pence), growth: line.growth,
                                        change: Money(pence: -line.change.pence), note: line.note,
                                        sourceLine: line.sourceLine, oneOffYears: line.oneOffYears, kind: .spending)
        let received = try project(line: mirroredLine, history: mirroredHistory, scenario: scenario, ledgerFile: ledgerFile)
        var projection = LineProjection(
            lineName: line.name, budget: line.budget, distribution: received.distribution, method: received.method,
            reason: "income, so the risk is a shortfall below budget; " + received.reason
                .replacingOccurrences(of: "on actual spending", with: "on income received")
                .replacingOccurrences(of: "its record of spending", with: "its record of receiving"),
            yearsOfHistory: received.yearsOfHistory, spreadAssumed: received.spreadAssumed)
        projection.kind = .income
        projection.methodInWords = received.methodInWords
        return projection
    }
}

extension LineProjection {
    /// Projects a new line (`new: true`, no history): spending (or, for income, the amount received)
    /// is normal about the budget's size B with standard deviation ``Scenario/newLineSpread`` × B,
    /// censored at £0, then the line's growth and one-off change (inflation is not applied: a budget
    /// is already in target-year prices). P(overspend) is then about 50% and the expected overspend
    /// about 0.4 × 34% × B: amber, never red on the probability alone.
    static func projectNew(line: ScenarioLine, scenario: Scenario) -> LineProjection {
        let size = abs(line.budget.pounds)
        let sign: Double = line.kind == .income ? -1 : 1
        let base = PredictiveDistribution(location: size, scale: Scenario.newLineSpread * size, shape: .normal)
        let distribution = base.transformed(multiplier: max(1 + line.growth, 1e-9), shift: sign * line.change.pounds)
            .censored(below: 0)
        var adjustments: [String] = []
        if line.growth != 0 { adjustments.append("\(percent(line.growth)) growth") }
        if line.change.pence != 0 { adjustments.append("a one-off change of \(line.change.formatted())") }
        var reason = "new line: no history; projected at its budget with the spread of new programmes' first year "
            + "(\(percent(Scenario.newLineSpread)), docs/scenario.md)"
        if !adjustments.isEmpty { reason += " and \(adjustments.joined(separator: " and "))" }
        if let note = line.note { reason += " (\(note))" }
        if line.kind == .income { reason = "income, so the risk is a shortfall below budget; " + reason }
        var projection = LineProjection(lineName: line.name, budget: line.budget, distribution: distribution,
                                        method: "new line at budget", reason: reason, yearsOfHistory: 0, spreadAssumed: true)
        projection.kind = line.kind
        return projection
    }
}
