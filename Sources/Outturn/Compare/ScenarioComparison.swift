import OutturnNumerics

/// Two scenarios' forecasts side by side (`planner compare A B`): per line, each scenario's budget,
/// projection, P(overspend) and RAG, and B − A; then the totals.
package struct ScenarioComparison: Sendable {
    /// A line in either scenario: its name and each scenario's ``RiskFigures`` for it (nil where the
    /// scenario lacks the line).
    package struct Line: Sendable, Equatable {
        /// The budget line's name, as in the ledgers.
        package let lineName: String
        /// Scenario A's figures for the line; nil when A lacks it.
        package let a: RiskFigures?
        /// Scenario B's figures for the line; nil when B lacks it.
        package let b: RiskFigures?
    }

    /// The totals of both scenarios, each of every line of its own scenario: its own type, never a
    /// ``Line``, so that a ledger line named "Total" stays a line.
    package struct Total: Sendable, Equatable {
        /// Scenario A's total (from its own joint simulation).
        package let a: RiskFigures
        /// Scenario B's total (from its own joint simulation).
        package let b: RiskFigures
    }

    /// The two forecasts.
    package let a: ForecastReport, b: ForecastReport
    /// The lines shown: A's lines in A's order, then the lines only B has, in B's order; or, after
    /// ``selecting(_:)``, those the selection keeps in its order.
    package private(set) var lines: [Line]
    /// The totals (each from its own scenario's joint simulation), always of every line.
    package let total: Total
    /// The selection applied by ``selecting(_:)``, with its counts; nil when every line is shown in order.
    package private(set) var shown: Shown?

    /// Matches the lines of `a` and `b` by name.
    package init(a: ForecastReport, b: ForecastReport) {
        self.a = a
        self.b = b
        var bByName: [String: RiskAssessment] = [:]
        for risk in b.lines { bByName[risk.lineName] = risk }
        let aNames = Set(a.lines.map(\.lineName))
        lines = a.lines.map { Line(lineName: $0.lineName, a: $0.figures, b: bByName[$0.lineName]?.figures) }
            + b.lines.filter { !aNames.contains($0.lineName) }.map { Line(lineName: $0.lineName, a: nil, b: $0.figures) }
        total = Total(a: a.total.figures, b: b.total.figures)
    }
}

/// `planner compare --sort/--only`: which lines of a comparison are shown and in what order. The
/// total, its figures and the status counts stay those of every line.
extension ScenarioComparison {
    /// The order of the shown lines. Every order but `line` uses scenario B's figures (the scenario
    /// being proposed), A's for a line that only A has; ties keep the comparison's order.
    package enum Order: String, Sendable, Equatable, CaseIterable {
        /// Highest P(overspend) first, then the larger expected overspend.
        case risk
        /// By name, A to Z (case-insensitive).
        case line
        /// Largest budget first.
        case budget
        /// Largest expected overspend first.
        case overspend
    }

    /// What `--sort` and `--only` asked for.
    package struct Selection: Sendable, Equatable {
        /// The order; nil keeps the comparison's (A's lines, then B's own).
        package var order: Order?
        /// Keep a line when its status in A **or** in B is one of these; nil keeps every line.
        package var statuses: Set<RAG>?

        /// A selection of `order` and `statuses`.
        package init(order: Order? = nil, statuses: Set<RAG>? = nil) {
            self.order = order
            self.statuses = statuses
        }
    }

    /// The count of lines of each status in one scenario, over every line it has.
    package struct StatusCounts: Sendable, Equatable {
        /// Lines red, amber and green.
        package let red: Int, amber: Int, green: Int

        init(_ sides: [RiskFigures]) {
            red = sides.filter { $0.rag == .red }.count
            amber = sides.filter { $0.rag == .amber }.count
            green = sides.filter { $0.rag == .green }.count
        }
    }

    /// The applied selection and what it left.
    package struct Shown: Sendable, Equatable {
        /// What was asked for.
        package let selection: Selection
        /// Lines shown, and lines in the comparison (either scenario).
        package let count: Int, of: Int
        /// Each scenario's status counts over all its lines (not only those shown).
        package let statusesA: StatusCounts, statusesB: StatusCounts
    }

    /// This comparison with only the lines `selection` keeps, in its order (a stable sort: ties keep
    /// the comparison's order). The total is unchanged: it is always of every line.
    package func selecting(_ selection: Selection) -> ScenarioComparison {
        var copy = self
        var kept = lines
        if let statuses = selection.statuses {
            kept = kept.filter { line in
                [line.a, line.b].contains { side in side.map { statuses.contains($0.rag) } ?? false }
            }
        }
        if let order = selection.order {
            kept = kept.enumerated().sorted { first, second in
                let (x, y) = (first.element, second.element)
                // B's figures; A's for a line B lacks (a Line always has at least one side).
                let (p, q) = ((x.b ?? x.a)!, (y.b ?? y.a)!)
                switch order {
                case .risk:
                    if p.probabilityOfOverspend.value != q.probabilityOfOverspend.value {
                        return p.probabilityOfOverspend.value > q.probabilityOfOverspend.value
                    }
                    if p.expectedOverspend != q.expectedOverspend { return p.expectedOverspend > q.expectedOverspend }
                case .line:
                    let (m, n) = (x.lineName.lowercased(), y.lineName.lowercased())
                    if m != n { return m < n }
                case .budget:
                    if p.budget != q.budget { return p.budget > q.budget }
                case .overspend:
                    if p.expectedOverspend != q.expectedOverspend { return p.expectedOverspend > q.expectedOverspend }
                }
                return first.offset < second.offset
            }.map(\.element)
        }
        copy.lines = kept
        copy.shown = Shown(selection: selection, count: kept.count, of: lines.count,
                           statusesA: StatusCounts(lines.compactMap(\.a)), statusesB: StatusCounts(lines.compactMap(\.b)))
        return copy
    }

    /// The sentence the report prints about the selection, nil without one: "Shown: red and amber
    /// lines only (in A or B; 3 of 5), sorted by risk (B's figures); the Total row is of all 5 lines.
    /// Lines by status: A red 2, amber 3, green 0; B red 3, amber 2, green 0."
    package var selectionNote: String? {
        guard let shown, shown.selection.order != nil || shown.selection.statuses != nil else { return nil }
        var parts: [String] = []
        if let keep = shown.selection.statuses {
            let names = RAG.allCases.filter(keep.contains).map(\.rawValue)
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
            parts.append("\(list) lines only (in A or B; \(shown.count) of \(shown.of))")
        }
        if let order = shown.selection.order {
            parts.append(order == .line ? "sorted by line" : "sorted by \(order.rawValue) (B's figures)")
        }
        func counts(_ c: StatusCounts) -> String { "red \(c.red), amber \(c.amber), green \(c.green)" }
        return "Shown: " + parts.joined(separator: ", ") + "; the Total row is of all \(shown.of) lines. "
            + "Lines by status: A \(counts(shown.statusesA)); B \(counts(shown.statusesB))."
    }
}
