/// A ledger line that has ended: its last year is before the ledger's latest year and the scenario
/// gives it no budget. `check` lists it and `forecast` leaves it out with a note (docs/scenario.md).
public struct ClosedLine: Sendable, Equatable {
    /// The line's name, as in the ledger.
    public let name: String
    /// Its last fiscal year in the ledger.
    public let lastYear: FiscalYear
    /// The one-based line of the ledger file holding that last year.
    public let sourceLine: Int

    /// A closed line `name` whose last year is `lastYear` (ledger line `sourceLine`).
    public init(name: String, lastYear: FiscalYear, sourceLine: Int) {
        self.name = name
        self.lastYear = lastYear
        self.sourceLine = sourceLine
    }
}
