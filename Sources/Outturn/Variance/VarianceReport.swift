/// Budget against actual for every line of one fiscal year, and the total.
public struct VarianceReport: Sendable, Equatable {
    /// The fiscal year reported.
    public let year: FiscalYear
    /// One entry per budget line, in ledger order.
    public let lines: [VarianceLine]
    /// The total: the exact sums of budget and actual, and their variance (figures, not a line: a
    /// ledger line named "Total" stays one of ``lines``).
    public let total: VarianceFigures
    /// The materiality rule used.
    public let materiality: Materiality

    /// Variance for `year` (default: the ledger's latest year).
    /// - Throws: ``InputError`` when the ledger has no rows for `year`; ``MoneyOverflow`` if sums overflow.
    public init(ledger: Ledger, year: FiscalYear? = nil, materiality: Materiality = .standard) throws {
        let year = year ?? ledger.latestYear
        let entries = ledger.entries(in: year)
        guard !entries.isEmpty else {
            throw InputError(file: ledger.fileName, line: nil, message: "the ledger has no rows for \(year)",
                             hint: "years in the ledger: \(ledger.years.map(\.description).joined(separator: ", "))")
        }
        self.year = year
        self.materiality = materiality
        self.lines = entries.map { VarianceLine(lineName: $0.lineName, budget: $0.budget, actual: $0.actual, materiality: materiality) }
        self.total = VarianceFigures(budget: try Money.sum(entries.map(\.budget)),
                                     actual: try Money.sum(entries.map(\.actual)), materiality: materiality)
    }
}
