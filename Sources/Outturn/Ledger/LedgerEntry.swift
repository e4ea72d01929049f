/// One budget line in one fiscal year: what was budgeted and what was spent.
public struct LedgerEntry: Sendable, Equatable {
    /// The budget line's name as written in the ledger (`Airwave`).
    public let lineName: String
    /// The fiscal year.
    public let year: FiscalYear
    /// The budget for the year (exact).
    public let budget: Money
    /// The actual expenditure (outturn) for the year (exact).
    public let actual: Money
    /// One-based line of the ledger file this entry came from (for error messages).
    public let sourceLine: Int

    /// An entry from its parts; `sourceLine` is the one-based line of the file it came from (0 when none).
    public init(lineName: String, year: FiscalYear, budget: Money, actual: Money, sourceLine: Int) {
        self.lineName = lineName
        self.year = year
        self.budget = budget
        self.actual = actual
        self.sourceLine = sourceLine
    }
}
