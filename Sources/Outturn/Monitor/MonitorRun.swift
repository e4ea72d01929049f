import Foundation
import OutturnNumerics

/// One budget line monitored part-way through the year.
public struct MonitorLine: Sendable, Equatable {
    /// The full-year risk: budget, projected outturn, intervals, P(overspend), expected overspend,
    /// RAG, method and the plain reason.
    public let risk: RiskAssessment
    /// Actual spending in the year's months so far (exact).
    public let actualToDate: Money
    /// The budget × the line's usual share of the year spent by now (its seasonal profile).
    public let profiledBudgetToDate: Money
    /// The profile's share of the year usually spent by now, a fraction.
    public let usualShareToDate: Double
    /// The view held before the year (the forecast's projection as a log-normal with its median and
    /// central 80% range), pounds; nil when it has no positive median (the run rate alone decides).
    public let beforeYear: InYearProjection.Belief?
}

/// `planner monitor`'s figures: every line's projected full-year outturn from its actuals to date,
/// and the total from the same joint simulation as the forecast.
public struct MonitorReport: Sendable {
    /// The year monitored.
    public let year: FiscalYear
    /// The last month counted.
    public let asOf: CalendarMonth
    /// Months of the year counted (1…12).
    public let monthOfYear: Int
    /// The scenario.
    public let scenario: Scenario
    /// The lines, in ledger order.
    public let lines: [MonitorLine]
    /// The total: its risk from the joint simulation of the lines' full-year distributions and the
    /// lines' actuals and profiled budgets to date added up. Its own type, not a line: a ledger may
    /// have a line named "Total".
    public let total: MonitorTotal
    /// Every group's subtotal at every level, depth-first, from the same draws as the total (empty
    /// without a `group` column in the ledger).
    public var groups: [MonitorGroup] = []
    /// The ledger the lines' past years come from (the page's fan charts); nil leaves the past out.
    package var ledger: Ledger?
    /// The deepest group level shown (`--level`): groups down to it and no lines; nil: every level and every line.
    package var shownLevel: Int?
    /// Warnings about the inputs shown under the reasons (an earlier year's months that do not add up
    /// to the ledger's actual: ``MonthlySumMismatch/message``).
    package var notes: [String] = []

    /// The lines shown: none when a group level is chosen.
    package var shownLines: [MonitorLine] { shownLevel == nil ? lines : [] }
    /// The groups shown: those down to ``shownLevel``.
    package var shownGroups: [MonitorGroup] { shownLevel.map { level in groups.filter { $0.risk.level <= level } } ?? groups }
}

/// The year's total part-way through the year, as ``MonitorLine`` and ``MonitorGroup`` are a line's and a group's.
public struct MonitorTotal: Sendable, Equatable {
    /// Budget, projected outturn, intervals, P(overspend), expected overspend and RAG of the total,
    /// from the joint simulation of the lines' full-year distributions.
    public let risk: TotalRisk
    /// Every line's actual spending so far, added up (exact).
    public let actualToDate: Money
    /// Every line's budget profiled to date, added up (exact).
    public let profiledBudgetToDate: Money
}

/// A group's subtotal part-way through the year: its risk from the joint simulation and its lines'
/// actuals and profiled budgets to date added up.
public struct MonitorGroup: Sendable, Equatable {
    /// Budget, projected outturn, intervals, P(overspend), expected overspend and RAG of the group.
    public let risk: GroupRisk
    /// The group's lines' actual spending so far (exact).
    public let actualToDate: Money
    /// The group's lines' budgets profiled to date, added up.
    public let profiledBudgetToDate: Money
}

/// Projects every line's full-year outturn from its actuals to date (docs/planner.md, monitor):
/// 1. the run rate through the line's own seasonal profile: actual to date ÷ the share of the year it
///    usually spends by now (`ShareProfiles`: all lines' profiles fitted in one batch from their
///    complete earlier years of months, shrunk towards the pool of lines, weighed against last year's
///    share and an even spread by their record in the line's earlier years; flat, with a wider spread,
///    when no line has monthly history). `planner backtest-inyear` scores exactly this;
/// 2. the view before the year began: the forecast's own projection of the line from its budget and
///    budget-execution record (`LineProjection.project(line:history:scenario:ledgerFile:execution:lineIndex:)`
///    with the ledger's `BudgetExecutionModel`), as a log-normal of the same median and 80% range;
/// 3. the two combined by precision on the log scale (`InYearProjection`); the run rate's spread
///    shrinks through the year, so it takes over; after month 12 the projection is the actual.
/// The outturn is never below what has been spent (the distribution is censored there).
public enum MonitorRun {
    /// Monitors `resolved` with `actuals` as of `asOf` (nil: the latest month of the target year in the file);
    /// `progress`, if given, is called with 1 after each line is projected (for a progress line).
    /// - Throws: ``InputError`` (no months of the target year, --as-of outside it, a month missing for a
    ///   line, a negative actual to date), ``MoneyOverflow``.
    public static func run(_ resolved: ResolvedScenario, actuals: ActualsToDate, asOf requested: CalendarMonth?,
                           progress: ((Int) -> Void)? = nil) throws -> MonitorReport {
        let scenario = resolved.scenario, ledger = resolved.ledger
        let start = scenario.fiscalYearStart, target = scenario.targetYear
        guard let asOf = requested ?? actuals.latestTargetMonth else {
            throw InputError(file: actuals.fileName, line: nil, message: "no month of \(target) (years starting in \(start)) in the file",
                             hint: "add this year's months so far, e.g. a row per line: line,\(target.firstMonth(startingIn: start)),123456")
        }
        guard let k = target.monthNumber(of: asOf, startingIn: start) else {
            throw InputError(file: "--as-of", line: nil, message: "\(asOf) is not a month of \(target) (years starting in \(start))",
                             hint: "give a month from \(target.firstMonth(startingIn: start)) to \(target.firstMonth(startingIn: start).advanced(by: 11))")
        }
        let lines = scenario.lines
        let indices = lines.map { ledger.lineIndex(matching: $0.name)! }
        // Actuals to date of every line, every month up to --as-of present.
        let firstMonth = target.firstMonth(startingIn: start)
        var toDate: [Money] = []
        for (line, index) in zip(lines, indices) {
            var sum = Money.zero, lastRow: Int?
            for offset in 0..<k {
                let month = firstMonth.advanced(by: offset)
                guard let actual = actuals.actual(lineIndex: index, month: month) else {
                    throw InputError(file: actuals.fileName, line: nil,
                                     message: "line '\(line.name)' has no actual for \(month) (month \(offset + 1) of \(target); as of \(asOf))",
                                     hint: "add a row '\(line.name),\(month),0' if nothing was spent, or use --as-of \(firstMonth.advanced(by: max(0, offset - 1)))")
                }
                sum = try sum.adding(actual)
                lastRow = actuals.sourceLine(lineIndex: index, month: month) ?? lastRow
            }
            guard sum.pence >= 0 else {
                throw InputError(file: actuals.fileName, line: lastRow,
                                 message: "line '\(line.name)' has a negative actual to date (\(sum)) by \(asOf)",
                                 hint: "credits may make a month negative, but not the year so far; check the signs")
            }
            toDate.append(sum)
        }
        // All lines' profiles in one batch.
        let profiles = try ShareProfiles.fit(years: indices.map { actuals.completeYears(lineIndex: $0, before: target, startingIn: start) },
                                             periodsPerYear: 12)
        let execution = try BudgetExecutionModel(ledger: ledger)
        var total = TotalRiskAccumulator(scenario: scenario, linesNeedingSimulation: lines.count)
        // With groups, one accumulator gives the total and every group from the same draws (as forecast).
        let lineGroups = resolved.lineGroups
        var grouped = lineGroups.map { GroupRiskAccumulator(scenario: scenario, groups: $0, linesNeedingSimulation: lines.count) }
        var groupToDate = [Money](repeating: .zero, count: lineGroups?.nodes.count ?? 0)
        var groupProfiled = groupToDate
        var monitored: [MonitorLine] = []
        monitored.reserveCapacity(lines.count)
        var totalToDate = Money.zero, totalProfiled = Money.zero
        for (i, line) in lines.enumerated() {
            let index = indices[i], profile = profiles[i], spent = toDate[i]
            let earlierProjection = try LineProjection.project(line: line, history: ledger.history(atIndex: index), scenario: scenario,
                                                               ledgerFile: ledger.fileName, execution: execution, lineIndex: index)
            let earlier = InYearProjection.Belief(matching: earlierProjection.distribution)
            let share = profile.share(atMonth: k)
            let runRate = InYearProjection.runRate(toDate: spent.pounds, logShare: log(share), logSpread: profile.logSpread(atMonth: k),
                                                   floor: max(1, 0.001 * line.budget.pounds * share))
            let (belief, weight) = InYearProjection.combine(runRate: runRate, earlier: earlier)
            // The year complete: what was spent, exactly (even £0, which the run rate's floor would not give).
            let distribution = k == 12 ? PredictiveDistribution(location: spent.pounds, scale: 0, shape: .normal)
                : PredictiveDistribution.logNormal(median: belief.median, logSpread: belief.logSpread, lowerBound: spent.pounds)
            let reason = MonitorRun.reason(line: line, spent: spent, k: k, share: share, profile: profile, runRate: runRate,
                                           earlier: earlier, earlierMethod: earlierProjection.method, weight: weight)
            let projection = LineProjection(lineName: line.name, budget: line.budget, distribution: distribution,
                                            method: k == 12 ? "actual" : "profile run rate + \(earlierProjection.method)",
                                            reason: reason, yearsOfHistory: earlierProjection.yearsOfHistory, spreadAssumed: false)
            let profiled = try RiskAssessment.money(line.budget.pounds * share)
            if let lineGroups {
                let group = lineGroups.group(ofLineAt: index)
                try grouped!.add(projection, group: group)
                var node = group
                while let n = node {  // the line counts in its group and every group above it
                    groupToDate[n] = try groupToDate[n].adding(spent)
                    groupProfiled[n] = try groupProfiled[n].adding(profiled)
                    node = lineGroups.nodes[n].parent
                }
            } else {
                try total.add(projection)
            }
            totalToDate = try totalToDate.adding(spent)
            totalProfiled = try totalProfiled.adding(profiled)
            monitored.append(MonitorLine(risk: try RiskAssessment(projection: projection, scenario: scenario), actualToDate: spent,
                                         profiledBudgetToDate: profiled, usualShareToDate: share, beforeYear: earlier))
            progress?(1)
        }
        if let grouped {
            let assessed = try grouped.assessment()
            var report = MonitorReport(year: target, asOf: asOf, monthOfYear: k, scenario: scenario, lines: monitored,
                                       total: MonitorTotal(risk: assessed.total, actualToDate: totalToDate,
                                                           profiledBudgetToDate: totalProfiled))
            report.ledger = ledger
            report.notes = actuals.monthlySumMismatches(ledger: ledger, scenario: scenario).map(\.message)
            report.groups = assessed.groups.indices.map {
                MonitorGroup(risk: assessed.groups[$0], actualToDate: groupToDate[$0], profiledBudgetToDate: groupProfiled[$0])
            }
            return report
        }
        var report = MonitorReport(year: target, asOf: asOf, monthOfYear: k, scenario: scenario, lines: monitored,
                                   total: MonitorTotal(risk: try total.assessment(), actualToDate: totalToDate,
                                                       profiledBudgetToDate: totalProfiled))
        report.ledger = ledger
        report.notes = actuals.monthlySumMismatches(ledger: ledger, scenario: scenario).map(\.message)
        return report
    }

    /// "spent 52% of budget by month 6; usually 47% by now; …": the run rate, the line's profile,
    /// the view before the year and how the two were weighted.
    static func reason(line: ScenarioLine, spent: Money, k: Int, share: Double, profile: ShareProfiles.Profile,
                       runRate: InYearProjection.Belief, earlier: InYearProjection.Belief?, earlierMethod: String,
                       weight: Double) -> String {
        let budget = line.budget.pounds
        var parts = ["spent \(percent(spent.pounds / budget)) of budget by month \(k)"]
        if k == 12 {
            parts.append("the year is complete: the projection is the actual")
            return parts.joined(separator: "; ")
        }
        switch profile.source {
        case .own(let years):
            parts.append("usually \(percent(share)) of the year by now (its profile from \(years) earlier year\(years == 1 ? "" : "s") of months, shrunk towards the pool of lines"
                         + (profile.weights.isEmpty ? ")"
                             : years == 1 ? ", blended with an even spread: one year cannot show which is better)"
                             : ", weighed against last year's and an even spread by how well each did in those years)"))
        case .pool:
            parts.append("no monthly history of its own: the pool of lines' profile, \(percent(share)) of the year by now, with a wider spread")
        case .flat:
            parts.append("no monthly history: flat profile (\(k)/12 = \(percent(share)) by now) with a wider spread")
        }
        // The profile's last month against an even twelfth: accruals at the year end.
        let lastMonth = 1 - profile.share(atMonth: 11)
        if case .own = profile.source, lastMonth > 1.5 / 12 {
            parts.append("year-end accruals expected (usually \(percent(lastMonth)) of the year in month 12)")
        }
        parts.append("run rate through the profile \(money(runRate.median))")
        if let earlier {
            parts.append("before the year: \(money(earlier.median)) (\(earlierMethod)); weighted \(percent(weight)) run rate, \(percent(1 - weight)) before the year")
        }
        return parts.joined(separator: "; ")
    }

    static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))%" }

    /// Whole pounds as a reason shows them (`£1,234,567`); beyond exact money (never for a real
    /// ledger) the plain digits, never a made-up £0.
    static func money(_ pounds: Double) -> String {
        Money(roundingPounds: pounds.rounded())?.formatted() ?? "£" + DecimalText.fixed(pounds, decimals: 0)
    }
}
