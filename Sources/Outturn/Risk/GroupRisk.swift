import OutturnNumerics

/// Overspend risk of one group of lines (a subtotal at one level of the ledger's `group` paths),
/// from the same joint simulation as the total: each draw of the group is the sum of its lines'
/// parts of that draw of the total.
public struct GroupRisk: Sendable, Equatable {
    /// The group's path (`Infrastructure/Network`).
    public let group: String
    /// 1 for a top-level group, 2 for its subgroups, …
    public let level: Int
    /// How many forecast lines it holds, at every level below it.
    public let lines: Int
    /// Sum of its lines' target-year budgets (exact).
    public let budget: Money
    /// Sum of its lines' projections, each rounded to the penny first.
    public let projected: Money
    /// The simulated central intervals at the scenario's levels, ascending.
    public let intervals: [MoneyInterval]
    /// Share of draws whose group sum exceeds the group's budget.
    public let probabilityOfOverspend: Probability
    /// Mean over draws of max(group sum − budget, 0), pounds rounded to pence.
    public let expectedOverspend: Money
    /// The `budgetNeededConfidence` quantile of the simulated group sum.
    public let budgetNeeded: Money
    /// The confidence behind ``budgetNeeded``.
    public let budgetNeededConfidence: Double
    /// Red, amber or green, by the same thresholds as lines and the total.
    public let rag: RAG

    /// The method, in a few words.
    public var method: String { "joint simulation" }

    /// One plain sentence on where the subtotal comes from.
    public var reason: String {
        "subtotal of \(lines) \(lines == 1 ? "line" : "lines"), from the same draws as the total"
    }
}

/// Risk figures of a simulated sum (the total's or a group's) against its budget.
struct SimulatedFigures {
    let intervals: [MoneyInterval]
    let probability: Double
    let expected: Double
    let budgetNeeded: Money
    let rag: RAG

    /// The figures of `sorted` (the sum's draws, ascending, not empty) against `budget`.
    /// - Throws: ``MoneyOverflow`` if a figure is beyond exact money.
    init(sorted draws: [Double], budget: Money, scenario: Scenario) throws {
        let limit = budget.pounds
        var over = 0, excess = 0.0
        for value in draws.reversed() {
            guard value > limit else { break }
            over += 1
            excess += value - limit
        }
        probability = Double(over) / Double(draws.count)
        expected = excess / Double(draws.count)
        func quantile(_ p: Double) throws -> Money { try RiskAssessment.money(SampleQuantile.type7(p, sorted: draws)) }
        intervals = try scenario.confidenceLevels.map {
            MoneyInterval(level: $0, lower: try quantile((1 - $0) / 2), upper: try quantile((1 + $0) / 2))
        }
        budgetNeeded = try quantile(scenario.budgetNeededConfidence)
        rag = RAG.classify(probability: probability, expectedOverspend: expected, thresholds: scenario.rag,
                           materialityAmount: scenario.materiality.amount)
    }
}

/// Group subtotals from per-group draws: the reusable step after any joint simulation of lines
/// (the forecast's here; in-year monitoring can call it with its own draws).
///
/// Walks the tree depth first, keeping one vector of draws per level on the way down (each group's
/// draws are its own lines' plus its subgroups'), plus one sorted copy: memory (depth + 2) × draws
/// doubles, time O(groups × draws log draws), whatever the number of lines.
package enum GroupRollup {
    /// Budget, projection and line count of the lines directly in one group (not its subgroups).
    package struct Tally: Sendable {
        package var budget = Money.zero
        package var projected = Money.zero
        package var lines = 0

        package init() {}

        /// Adds a line's budget and its projection (rounded to the penny).
        /// - Throws: ``MoneyOverflow``.
        package mutating func add(budget: Money, projected: Money) throws {
            self.budget = try self.budget.adding(budget)
            self.projected = try self.projected.adding(projected)
            lines += 1
        }

        mutating func add(_ other: Tally) throws {
            budget = try budget.adding(other.budget)
            projected = try projected.adding(other.projected)
            lines += other.lines
        }
    }

    /// Every group's risk, in ``LineGroups/nodes`` order, and the draws of all groups' and the
    /// ungrouped lines' sum (the total's draws, unsorted).
    /// - Parameters:
    ///   - groups: the tree.
    ///   - direct: per node, then one more for the ungrouped lines: the tally of the lines directly in it.
    ///   - draws: draws per vector.
    ///   - addDirect: adds to its vector the draws of the lines directly in the node (its index; the
    ///     index `groups.nodes.count` for the ungrouped lines).
    /// - Throws: ``MoneyOverflow``.
    package static func subtotals(groups: LineGroups, direct: [Tally], draws: Int, scenario: Scenario,
                                  addDirect: (Int, inout [Double]) -> Void) throws -> (groups: [GroupRisk], total: [Double]) {
        precondition(direct.count == groups.nodes.count + 1, "one tally per group and one for the ungrouped lines")
        var results = [GroupRisk?](repeating: nil, count: groups.nodes.count)
        func fill(_ node: Int, into vector: inout [Double]) throws -> Tally {
            addDirect(node, &vector)
            var tally = direct[node]
            for child in groups.nodes[node].children {
                var below = [Double](repeating: 0, count: draws)
                try tally.add(try fill(child, into: &below))
                for d in vector.indices { vector[d] += below[d] }
            }
            let figures = try SimulatedFigures(sorted: vector.sorted(), budget: tally.budget, scenario: scenario)
            let path = groups.nodes[node]
            results[node] = GroupRisk(group: path.path, level: path.level, lines: tally.lines, budget: tally.budget,
                                      projected: tally.projected, intervals: figures.intervals,
                                      probabilityOfOverspend: Probability(clamping: figures.probability),
                                      expectedOverspend: try RiskAssessment.money(figures.expected),
                                      budgetNeeded: figures.budgetNeeded,
                                      budgetNeededConfidence: scenario.budgetNeededConfidence, rag: figures.rag)
            return tally
        }
        var total = [Double](repeating: 0, count: draws)
        addDirect(groups.nodes.count, &total)
        for root in groups.roots {
            var below = [Double](repeating: 0, count: draws)
            _ = try fill(root, into: &below)
            for d in total.indices { total[d] += below[d] }
        }
        return (results.map { $0! }, total)
    }
}
