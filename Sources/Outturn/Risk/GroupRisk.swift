import OutturnNumerics

/// Overspend risk of one group of lines (a subtotal at one level of the ledger's `group` paths),
/// from the same joint simulation as the total: each draw of the group is the sum of its lines'
/// parts of that draw of the total. Its ``RiskFigures`` read as its own properties (`group.rag`).
public struct GroupRisk: RiskFigured, Sendable, Equatable {
    /// The group's path (`Infrastructure/Network`).
    public let group: String
    /// 1 for a top-level group, 2 for its subgroups, …
    public let level: Int
    /// How many forecast lines it holds, at every level below it.
    public let lines: Int
    /// The figures of the simulated group sum, as the total's (``TotalRisk/figures``) over its lines:
    /// the budget and projection are its lines' summed, the rest from the same draws as the total's,
    /// the RAG by the same thresholds as lines and the total.
    public let figures: RiskFigures

    /// The method by its technical name (JSON's `method`).
    public var method: String { "joint simulation" }
    /// The method in a finance officer's words (the tables' Method column).
    public var methodInWords: String { "its lines simulated together" }

    /// One plain sentence on where the subtotal comes from.
    public var reason: String {
        "subtotal of \(lines) \(lines == 1 ? "line" : "lines"), from the same draws as the total"
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
            let path = groups.nodes[node]
            results[node] = GroupRisk(group: path.path, level: path.level, lines: tally.lines,
                                      figures: try RiskFigures(sorted: vector.sorted(), budget: tally.budget,
                                                               projected: tally.projected, scenario: scenario))
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
