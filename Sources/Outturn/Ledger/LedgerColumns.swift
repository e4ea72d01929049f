/// The names of a ledger CSV's columns (matched case-insensitively; other columns are ignored).
public struct LedgerColumns: Sendable, Equatable {
    /// Budget line name. Default `line`.
    public var line: String
    /// Fiscal year, `2021/22`. Default `year`.
    public var year: String
    /// Budget in pounds. Default `budget`.
    public var budget: String
    /// Actual expenditure in pounds. Default `actual`.
    public var actual: String

    /// Column names, each defaulting to the standard one.
    public init(line: String = "line", year: String = "year", budget: String = "budget", actual: String = "actual") {
        self.line = line
        self.year = year
        self.budget = budget
        self.actual = actual
    }

    /// `line`, `year`, `budget`, `actual`.
    public static let standard = LedgerColumns()
}
