import Foundation
import OutturnNumerics

/// A model of next year's spending on a budget line given its target budget, learnt from the
/// ledger itself (docs/risk.md).
///
/// Every line-year of the ledger that has an earlier usable year (budget > 0, actual ≥ 0) is a
/// training example, with features from the years before it only (rolling origin, no look-ahead).
/// 1. Location: r = log(actual / budget) is regressed on `ExecutionFeatures.locationRow` by
///    least squares (LAPACK pivoted QR), shrunk towards the prior's coefficients as if the prior were
///    ``priorWeight`` extra line-years (ridge rows appended to the design), made robust by Huber
///    weights (IRLS) and weighted towards recent years (half-life ``recencyHalfLife``). The coefficient of
///    log(target budget / last budget), the only term with the target budget in it, is held ≤ 0, so
///    the centre of log(spend / budget) never rises with the target budget.
/// 2. Line effects: each line's mean residual, shrunk to 0 by the ratio of between-line to total
///    variance (method of moments).
/// 3. Scale: log(|residual| + 0.01) is regressed on `ExecutionFeatures.scaleRow` the same way.
/// 4. Shape: standardised one-year-ahead errors of the ledger's last ``heldOutYears`` years (each
///    predicted by the model fitted on the years before it), mixed with the prior's quantiles
///    (weight ``priorWeight``); in-sample residuals when the ledger is too short for that.
/// P(overspend) = P(r > 0), and the intervals are quantiles of the same distribution.
/// With fewer than ``minimumLineYears`` examples the prior is used as it is.
package struct BudgetExecutionModel: Sendable {
    /// The prior counts as this many line-years of the ledger.
    package static let priorWeight = 50.0
    /// Fewer training examples than this: the prior alone.
    package static let minimumLineYears = 30
    /// At most this many training examples (an evenly spaced sample of them beyond that) keep the fit's
    /// cost and memory bounded on very large ledgers.
    package static let maximumLineYears = 250_000
    /// A training example's weight halves for every this many years it lies before the ledger's latest year.
    package static let recencyHalfLife = 3.0
    /// The error shape comes from one-year-ahead errors in this many of the ledger's latest years.
    package static let heldOutYears = 4

    /// The prior the fit was shrunk towards.
    package let prior: BudgetExecutionPrior
    /// Line-years of the ledger the model learnt from (0: the prior alone).
    package let trainingLineYears: Int
    /// True when there was too little history to learn from and the prior is used unchanged.
    package var usesPriorOnly: Bool { trainingLineYears < BudgetExecutionModel.minimumLineYears }
    let location: [Double]
    let scale: [Double]
    let shape: EmpiricalErrorShape
    /// Per ledger line index: the shrunk line effect on the log scale, and the trend of its latest usable years.
    let lineEffects: [Double]
    let trends: [LineTrends.Trend?]
    /// Training examples' budget changes, sorted, and how many of the first k overspent (k = 0…n), so
    /// that "past cuts of this size" is two binary searches per line.
    let sortedChanges: [Double]
    let overspentBefore: [Int]

    /// Fits the model on `ledger` (all of which lies before the target year).
    /// - Throws: `LeastSquaresError` or `TrendError` (OutturnNumerics) only for non-finite inputs (never expected:
    ///   amounts are exact money).
    package init(ledger: Ledger, prior: BudgetExecutionPrior = .shipped) throws {
        self.prior = prior
        struct Example { let line: Int32; let start: Int32; let end: Int32; let year: Int32; var window: Int32 = -1 }
        let lineCount = ledger.lineNames.count
        // Every line's amounts in two flat arrays (a million lines would otherwise be two million small arrays).
        var amounts = LineAmounts(lineCount: lineCount)
        var examples: [Example] = []
        var currentStart = [Int](repeating: -1, count: lineCount)
        for k in 0..<lineCount {
            let history = ledger.history(atIndex: k)
            let b = history.map(\.budget.pounds), a = history.map(\.actual.pounds)
            var runStart = 0
            for j in b.indices {
                guard b[j] > 0, a[j] >= 0 else { runStart = j + 1; continue }
                guard j > runStart else { continue }
                examples.append(Example(line: Int32(k), start: Int32(runStart), end: Int32(j),
                                        year: Int32(clamping: history[j].year.startYear)))
            }
            if b.count - runStart >= 3 { currentStart[k] = runStart }
            amounts.append(budgets: b, actuals: a)
        }
        if examples.count > BudgetExecutionModel.maximumLineYears {
            let step = Double(examples.count) / Double(BudgetExecutionModel.maximumLineYears)
            examples = (0..<BudgetExecutionModel.maximumLineYears).map { examples[Int(Double($0) * step)] }
        }
        // Every trend window needed (kept examples with ≥ 3 earlier years, each line now), fitted together.
        var windows = LineTrends.Windows()
        for i in examples.indices where examples[i].end - examples[i].start >= 3 {
            let e = examples[i], k = Int(e.line)
            examples[i].window = Int32(windows.count)
            windows.append(budgets: amounts.budgets(k), actuals: amounts.actuals(k), range: Int(e.start)..<Int(e.end))
        }
        var currentWindow = [Int32](repeating: -1, count: lineCount)
        for k in 0..<lineCount where currentStart[k] >= 0 {
            currentWindow[k] = Int32(windows.count)
            windows.append(budgets: amounts.budgets(k), actuals: amounts.actuals(k), range: currentStart[k]..<amounts.count(k))
        }
        let fitted = try LineTrends.fit(windows)
        windows = LineTrends.Windows()
        trends = currentWindow.map { $0 >= 0 ? fitted[Int($0)] : nil }
        let n = examples.count
        trainingLineYears = n
        let features = examples.map { e in
            let k = Int(e.line), range = Int(e.start)..<Int(e.end)
            return ExecutionFeatures(budgets: amounts.budgets(k, range), actuals: amounts.actuals(k, range),
                                     targetBudget: amounts.budget(k, Int(e.end)),
                                     trendSlope: e.window >= 0 ? fitted[Int(e.window)]?.slope ?? 0 : 0)
        }
        let outcomes = examples.map { ExecutionFeatures.clampedLog(amounts.actual(Int($0.line), Int($0.end)) / amounts.budget(Int($0.line), Int($0.end))) }
        amounts = LineAmounts(lineCount: 0)
        let changeOutcomes = zip(features, outcomes).map { ($0.budgetChange, $1 > 0) }.sorted { $0.0 < $1.0 }
        sortedChanges = changeOutcomes.map(\.0)
        var before = [0]
        before.reserveCapacity(changeOutcomes.count + 1)
        for (_, over) in changeOutcomes { before.append(before[before.count - 1] + (over ? 1 : 0)) }
        overspentBefore = before
        guard n >= BudgetExecutionModel.minimumLineYears else {
            location = prior.location
            scale = prior.scale
            shape = EmpiricalErrorShape(prior: prior.errorQuantiles, priorWeight: BudgetExecutionModel.priorWeight, sample: [])
            lineEffects = [Double](repeating: 0, count: lineCount)
            return
        }
        let locationRows = features.map(\.locationRow), scaleRows = features.map(\.scaleRow)
        let years = examples.map { Int($0.year) }, lineOf = examples.map { Int($0.line) }
        func core(_ members: [Int]) throws -> Core {
            try BudgetExecutionModel.fitCore(locationRows: members.map { locationRows[$0] }, scaleRows: members.map { scaleRows[$0] },
                                             outcomes: members.map { outcomes[$0] }, years: members.map { years[$0] },
                                             lines: members.map { lineOf[$0] }, lineCount: lineCount, prior: prior)
        }
        let full = try core(Array(0..<n))
        location = full.location
        scale = full.scale
        lineEffects = full.lineEffects
        // The error shape from honest one-year-ahead errors: for each of the ledger's last heldOutYears years,
        // the model fitted on the years before it predicts it (the last ``heldOutYears``, so that one
        // year's common shock does not set the shape); in-sample residuals only when there
        // is too little history for that.
        var errors: [Double] = []
        let distinctYears = Array(Set(years)).sorted()
        for heldOut in distinctYears.suffix(BudgetExecutionModel.heldOutYears) {
            let train = (0..<n).filter { years[$0] < heldOut }
            guard train.count >= BudgetExecutionModel.minimumLineYears else { continue }
            let fit = try core(train)
            for i in 0..<n where years[i] == heldOut {
                let centre = BudgetExecutionModel.dot(locationRows[i], fit.location) + fit.lineEffects[lineOf[i]]
                errors.append((outcomes[i] - centre) / exp(BudgetExecutionModel.dot(scaleRows[i], fit.scale)))
            }
        }
        if errors.count < BudgetExecutionModel.minimumLineYears {
            errors = (0..<n).map { i in
                (outcomes[i] - BudgetExecutionModel.dot(locationRows[i], full.location) - full.lineEffects[lineOf[i]])
                    / exp(BudgetExecutionModel.dot(scaleRows[i], full.scale))
            }
        }
        shape = EmpiricalErrorShape(prior: prior.errorQuantiles, priorWeight: BudgetExecutionModel.priorWeight, sample: errors)
            .summarised(forLines: lineCount)
    }

    /// Location, scale and line effects fitted on some training examples.
    struct Core { let location: [Double]; let scale: [Double]; let lineEffects: [Double] }

    static func fitCore(locationRows: [[Double]], scaleRows: [[Double]], outcomes: [Double], years: [Int], lines: [Int],
                        lineCount: Int, prior: BudgetExecutionPrior) throws -> Core {
        let n = outcomes.count
        // Organisations change how they execute budgets: recent years count more (half-life in years).
        let latest = Double(years.max() ?? 0)
        let weights = years.map { pow(0.5, (latest - Double($0)) / recencyHalfLife) }
        // Huber's robust regression by iteratively reweighted least squares (k = 1.345 robust s.d.):
        // a few lines that spent nothing or ten times their budget must not pull every centre.
        var beta = try monotoneRidge(rows: locationRows, response: outcomes, weights: weights, prior: prior.location)
        do {
            for _ in 0..<6 {
                let r = zip(locationRows, outcomes).map { $1 - dot($0, beta) }
                let mad = r.map { abs($0) }.sorted()[r.count / 2] / 0.6745
                let k = 1.345 * max(mad, 1e-6)
                let robust = zip(weights, r).map { w, e in w * (abs(e) <= k ? 1 : k / abs(e)) }
                beta = try monotoneRidge(rows: locationRows, response: outcomes, weights: robust, prior: prior.location)
            }
        }
        let residuals = zip(locationRows, outcomes).map { $1 - dot($0, beta) }
        let gamma = try ridge(rows: scaleRows, response: residuals.map { log(abs($0) + 0.01) },
                              weights: weights, prior: prior.scale, fixedAtZero: [])
        // Line effects: mean residual per line, shrunk by τ² / (τ² + σ²/n) (method of moments).
        var sums = [Double](repeating: 0, count: lineCount), counts = [Int](repeating: 0, count: lineCount)
        for (line, r) in zip(lines, residuals) { sums[line] += r; counts[line] += 1 }
        let variance = residuals.map { $0 * $0 }.reduce(0, +) / Double(max(n, 1))
        var excess = 0.0, grouped = 0
        for k in 0..<lineCount where counts[k] >= 2 {
            let mean = sums[k] / Double(counts[k])
            excess += mean * mean - variance / Double(counts[k])
            grouped += 1
        }
        let tau2 = grouped > 0 ? max(0, excess / Double(grouped)) : 0
        let effects = (0..<lineCount).map { k -> Double in
            guard counts[k] > 0, tau2 > 0 else { return 0 }
            let c = Double(counts[k])
            return sums[k] / c * tau2 / (tau2 + variance / c)
        }
        return Core(location: beta, scale: gamma, lineEffects: effects)
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }

    /// Ridge towards the prior with the budget terms' signs enforced: refits with a term fixed at 0
    /// when its sign is wrong (so raising the target budget never raises the centre).
    static func monotoneRidge(rows: [[Double]], response: [Double], weights: [Double], prior: [Double]) throws -> [Double] {
        var fixed: Set<Int> = []
        for _ in 0..<3 {
            let beta = try ridge(rows: rows, response: response, weights: weights, prior: prior, fixedAtZero: fixed)
            var wrong = fixed
            if beta[ExecutionFeatures.budgetChangeTerm] > 0 { wrong.insert(ExecutionFeatures.budgetChangeTerm) }
            if wrong == fixed { return beta }
            fixed = wrong
        }
        return try ridge(rows: rows, response: response, weights: weights, prior: prior, fixedAtZero: fixed)
    }

    /// Weighted least squares of `response` on `rows` (LAPACK pivoted QR via ``LeastSquares``, rows
    /// scaled by √weight) with pseudo-rows pulling each free coefficient towards `prior`:
    /// minimises Σ wᵢ(yᵢ − xᵢβ)² + Σⱼ λⱼ(βⱼ − priorⱼ)², λⱼ = priorWeight · (Σ wᵢxᵢⱼ² / Σ wᵢ), so the prior
    /// counts as ``priorWeight`` line-years of full weight.
    static func ridge(rows: [[Double]], response: [Double], weights: [Double], prior: [Double],
                      fixedAtZero: Set<Int>) throws -> [Double] {
        let p = prior.count, n = rows.count
        let free = (0..<p).filter { !fixedAtZero.contains($0) }
        let q = free.count, height = n + q
        let roots = weights.map { $0.squareRoot() }
        let totalWeight = max(weights.reduce(0, +), 1e-12)
        var elements = [Double](repeating: 0, count: height * q)
        var y = zip(response, roots).map { $0 * $1 }
        y.reserveCapacity(height)
        for (c, j) in free.enumerated() {
            var meanSquare = 0.0
            for i in 0..<n {
                let v = rows[i][j]
                elements[c * height + i] = v * roots[i]
                meanSquare += weights[i] * v * v
            }
            let root = (priorWeight * max(meanSquare / totalWeight, 1e-4)).squareRoot()
            elements[c * height + n + c] = root
            y.append(root * prior[j])
        }
        let fit = try LeastSquares.fit(design: Matrix(rows: height, columns: q, columnMajor: elements), response: y)
        var beta = [Double](repeating: 0, count: p)
        for (c, j) in free.enumerated() { beta[j] = fit.coefficients[c].isFinite ? fit.coefficients[c] : prior[j] }
        return beta
    }
}
