import Foundation
import OutturnNumerics

extension BudgetExecutionModel {
    /// The model's projection of `line` for the year after its `history` (oldest first), or nil when
    /// the model does not apply: no usable latest year (budget ≤ 0 or actual < 0), or a target more
    /// than one year ahead.
    ///
    /// Spending = target budget × exp(centre + scale·Z) × (1 + growth) + change, Z from the pooled error
    /// shape; `inflation` adds to the centre only what it exceeds the line's own trend by (docs/scenario.md).
    func projection(line: ScenarioLine, lineIndex: Int, history: [LedgerEntry], scenario: Scenario) -> LineProjection? {
        guard let last = history.last, scenario.targetYear.startYear - last.year.startYear == 1 else { return nil }
        // One-off years (scenario keys exclude_years / normalise_years): excluded years are dropped
        // and the years either side treated as consecutive.
        let excluded = Set(line.oneOffYears.filter { $0.treatment == .exclude }.map(\.year))
        let normalised = Set(line.oneOffYears.filter { $0.treatment == .normalise }.map(\.year))
        let kept = excluded.isEmpty ? history : history.filter { !excluded.contains($0.year) }
        var start = kept.count
        while start > 0, kept[start - 1].budget.pence > 0, kept[start - 1].actual.pence >= 0 { start -= 1 }
        guard start < kept.count else { return nil }
        let usable = kept[start...]
        let budgets = usable.map(\.budget.pounds)
        var actuals = usable.map(\.actual.pounds)
        var oneOffNotes: [String] = excluded.sorted().map { "\($0) left out as a one-off year" }
        if !normalised.isEmpty {
            let window = max(0, usable.count - ExecutionFeatures.window)..<usable.count
            let others = window.filter { !normalised.contains(usable[usable.startIndex + $0].year) }
            let usual = others.isEmpty ? 1
                : exp(others.map { ExecutionFeatures.clampedLog(actuals[$0] / budgets[$0]) }.reduce(0, +) / Double(others.count))
            for (i, entry) in usable.enumerated() where normalised.contains(entry.year) {
                actuals[i] = budgets[i] * usual
                oneOffNotes.append("\(entry.year) normalised to its usual \(Self.percent(usual)) of budget")
            }
        }
        let target = line.budget.pounds
        var trend = trends[lineIndex]
        if !line.oneOffYears.isEmpty {
            // The batch trend saw the raw years: refit this line's window without the one-off year.
            trend = usable.count >= 3
                ? LineTrends.fit(budgets: budgets[...], actuals: actuals[...], range: 0..<usable.count)
                : nil
        }
        let features = ExecutionFeatures(budgets: budgets[...], actuals: actuals[...], targetBudget: target,
                                         trendSlope: trend?.slope ?? 0)
        let inflationExcess = max(0, log1p(scenario.inflation) - max(0, features.trendSlope))
        let centre = BudgetExecutionModel.dot(features.locationRow, location) + lineEffects[lineIndex] + inflationExcess
        // A ledger with too little to learn from gets the prior's own spread, not the scenario's
        // year_to_year_spread: on one-year ledgers of the shipped organisations, each scored with the
        // prior fitted on the other, the prior's spread covers far better (docs/risk.md, *Small ledgers*).
        let spread = exp(BudgetExecutionModel.dot(features.scaleRow, scale))
        let factor = max(1e-9, 1 + line.growth), shift = line.change.pounds
        let model = shape.spending(shift: shift, base: factor * target, centre: centre, spread: spread)
        // The pattern break's amounts: the line as if its budget were held (no budget-change term), so
        // that in actual / target-budget terms they do not depend on the target budget.
        let heldCentre = centre - BudgetExecutionModel.dot(features.locationRow, location.indices.map {
            $0 == ExecutionFeatures.budgetChangeTerm ? location[$0] : 0 })
        let distribution = patternBreak(model, heldCentre: heldCentre, centre: centre, spread: spread,
                                        budget: target, features: features)
        return LineProjection(lineName: line.name, budget: line.budget, distribution: distribution,
                              method: usesPriorOnly ? "budget-execution prior" : "budget-execution model",
                              reason: reason(features: features, trend: trend, line: line, scenario: scenario,
                                             inflationExcess: inflationExcess, oneOffNotes: oneOffNotes),
                              yearsOfHistory: history.count, spreadAssumed: usesPriorOnly)
    }

    /// The model's distribution mixed with a pattern break (docs/risk.md, *Pattern breaks*): with the
    /// prior's weight w the line breaks pattern, and then it overspends `budget` with its own past
    /// frequency q = (k + 1)/(n + 2) over its last ≤ 5 years, by amounts from the model's distribution
    /// of the line as if its budget were held (centre `heldCentre`), taken on each side of the budget.
    /// P(overspend) = (1 − w)·P_model + w·q exactly. Neither q nor the break's distribution of
    /// spend / target budget involves the target budget, so P and the expected overspend per pound of
    /// budget stay non-increasing in it. Both components share the model's standardised coordinates
    /// (location, scale): the break's error is exp(spread·(Z − median) + heldCentre − centre) − 1.
    /// A ledger too small to learn from (``usesPriorOnly``, e.g. one year) gets no break: on the
    /// shipped one-year ledgers it did not help (docs/risk.md, *A pattern-break mixture*).
    func patternBreak(_ model: PredictiveDistribution, heldCentre: Double, centre: Double, spread: Double,
                      budget: Double, features: ExecutionFeatures) -> PredictiveDistribution {
        let weight = prior.patternBreakWeight
        guard weight > 0, !usesPriorOnly, model.scale > 0,
              case .logEmpirical(let points, let levels, let logScale, let limit) = model.shape else { return model }
        let m = Double(min(features.years, ExecutionFeatures.window))
        let record = ((features.overspendShare * m).rounded() + 1) / (m + 2)
        let offset = (heldCentre - centre) / logScale
        let held = ErrorShape.logEmpirical(points: points.map { $0 + offset }, levels: levels, logScale: logScale,
                                           upperLimit: limit)
        let cut = (budget - model.location) / model.scale
        let broken = ErrorShape.mixingSides(of: held, cut: cut, weight: 1, probabilityAbove: record)
        return PredictiveDistribution(location: model.location, scale: model.scale,
                                      shape: .mixture(weight: weight, base: model.shape, alternative: broken),
                                      lowerBound: model.lowerBound)
    }

    /// The plain-words reason: what the line's record, budget change and trend say, and what the
    /// model learnt from.
    func reason(features f: ExecutionFeatures, trend: LineTrends.Trend?, line: ScenarioLine, scenario: Scenario,
                inflationExcess: Double, oneOffNotes: [String] = []) -> String {
        var parts: [String] = []
        let m = min(f.years, ExecutionFeatures.window)
        let over = Int((f.overspendShare * Double(m)).rounded())
        if f.years == 1 {
            parts.append("one year of history: spent \(Self.percent(exp(f.meanRecord))) of budget")
        } else {
            parts.append("usually spends \(Self.percent(exp(f.meanRecord))) of budget (over budget in \(over) of the last \(m) years)")
        }
        parts += oneOffNotes
        let change = exp(f.budgetChange) - 1
        if abs(change) < 0.005 {
            parts.append("budget held")
        } else {
            parts.append("budget \(change < 0 ? "cut" : "raised") \(Self.percent(abs(change)))")
            if let record = pastRecord(ofChange: f.budgetChange) { parts.append(record) }
        }
        if let trend {
            let growth = exp(trend.slope) - 1
            let verb = growth >= 0 ? "grown" : "fallen"
            parts.append("spending has \(verb) \(Self.oneDecimal(abs(growth) * 100))% a year ± \(Self.oneDecimal(trend.standardError * 100)) over \(trend.years) years")
        }
        if scenario.inflation != 0 {
            parts.append(inflationExcess > 0
                         ? "\(Self.oneDecimal(inflationExcess * 100))% of the \(Self.oneDecimal(scenario.inflation * 100))% inflation is beyond its own trend"
                         : "its trend already covers the \(Self.oneDecimal(scenario.inflation * 100))% inflation")
        }
        if line.growth != 0 { parts.append("\(Self.oneDecimal(line.growth * 100))% growth applied") }
        if line.change.pence != 0 { parts.append("a one-off change of \(line.change.formatted()) applied") }
        if let note = line.note { parts.append(note) }
        if usesPriorOnly {
            parts.append("too little history in this ledger to learn from (\(trainingLineYears) line-years with an earlier year): the prior fitted on \(prior.fittedOn)")
        } else {
            parts.append("learnt from \(trainingLineYears) line-years of this ledger")
        }
        return parts.joined(separator: "; ")
    }

    /// "past cuts of this size were mostly met (81% of 214)" from the training examples whose budget
    /// change was within ±max(5 points, half) of `change` and of the same sign; nil with fewer than 20.
    func pastRecord(ofChange change: Double) -> String? {
        guard abs(change) >= 0.05 else { return nil }
        let width = max(0.05, abs(change) / 2)
        // Same sign, and a change of at least 2% either way.
        let lo = change < 0 ? change - width : max(change - width, 0.02)
        let hi = change < 0 ? min(change + width, -0.02) : change + width
        let from = firstIndex(notBelow: lo), to = firstIndex(notBelow: hi.nextUp)
        let count = to - from
        guard count >= 20 else { return nil }
        let met = Double(count - (overspentBefore[to] - overspentBefore[from])) / Double(count)
        let kind = change < 0 ? "cuts" : "rises"
        let verdict = met >= 0.6 ? "mostly met" : met <= 0.4 ? "mostly overspent" : "met about half the time"
        return "past \(kind) of this size were \(verdict) (\(Self.percent(met)) of \(count))"
    }

    /// The first index of ``sortedChanges`` whose value is ≥ `value` (binary search).
    private func firstIndex(notBelow value: Double) -> Int {
        var lo = 0, hi = sortedChanges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sortedChanges[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))%" }

    static func oneDecimal(_ value: Double) -> String { String(format: "%.1f", value) }
}
