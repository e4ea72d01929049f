import OutturnNumerics

/// Two scenarios' forecasts side by side (`planner compare A B`): per line, each scenario's budget,
/// projection, P(overspend) and RAG, and B − A; then the totals.
package struct ScenarioComparison: Sendable {
    /// One scenario's figures for a line (or the total).
    package struct Side: Sendable, Equatable {
        /// The budget for the target year.
        package let budget: Money
        /// Projected spending (the central value).
        package let projected: Money
        /// P(spending > budget).
        package let probabilityOfOverspend: Probability
        /// Red, amber or green under that scenario's thresholds.
        package let rag: RAG

        init(_ risk: RiskAssessment) {
            (budget, projected, probabilityOfOverspend, rag) = (risk.budget, risk.projected, risk.probabilityOfOverspend, risk.rag)
        }

        init(_ total: TotalRisk) {
            (budget, projected, probabilityOfOverspend, rag) = (total.budget, total.projected, total.probabilityOfOverspend, total.rag)
        }
    }

    /// A line in either scenario: its name and each side's figures (nil where the scenario lacks the line).
    package struct Line: Sendable, Equatable {
        package let name: String
        package let a: Side?
        package let b: Side?
    }

    /// The two forecasts.
    package let a: ForecastReport, b: ForecastReport
    /// A's lines in A's order, then the lines only B has, in B's order.
    package let lines: [Line]
    /// The totals (each from its own scenario's joint simulation).
    package let total: Line

    /// Matches the lines of `a` and `b` by name.
    package init(a: ForecastReport, b: ForecastReport) {
        self.a = a
        self.b = b
        var bByName: [String: RiskAssessment] = [:]
        for risk in b.lines { bByName[risk.lineName] = risk }
        let aNames = Set(a.lines.map(\.lineName))
        lines = a.lines.map { Line(name: $0.lineName, a: Side($0), b: bByName[$0.lineName].map(Side.init)) }
            + b.lines.filter { !aNames.contains($0.lineName) }.map { Line(name: $0.lineName, a: nil, b: Side($0)) }
        total = Line(name: "Total", a: Side(a.total), b: Side(b.total))
    }
}
