/// One budget line's settings for the target year, as the scenario gives them.
public struct ScenarioLine: Sendable, Equatable {
    /// The line's name, spelt as in the ledger.
    public let name: String
    /// The budget for the target year (exact).
    public let budget: Money
    /// Growth for this line on top of inflation, a fraction (0.02 = 2%); default 0.
    public let growth: Double
    /// A known one-off change to spending in the target year (exact; negative for a saving); default 0.
    public let change: Money
    /// Why the change or growth is there (shown in the reason), or nil.
    public let note: String?
    /// The one-based line of the scenario file where this line is named.
    public let sourceLine: Int
    /// Years of the line's history marked one-off (`exclude_years`, `normalise_years`); default none.
    public var oneOffYears: [OneOffYear] = []
    /// Spending or income (``LineKind``); default: income when the budget is negative.
    public var kind: LineKind
    /// True when the scenario marks the line `new: true`: a line with no history in the ledger,
    /// projected at its budget with ``Scenario/newLineSpread`` (docs/scenario.md, *New lines*).
    public var isNew = false

    /// A line's settings; `growth` is a fraction on top of inflation, `change` an exact one-off amount,
    /// `sourceLine` the one-based line of the scenario file. `kind` nil: income when `budget` is negative.
    public init(name: String, budget: Money, growth: Double = 0, change: Money = .zero, note: String? = nil,
                sourceLine: Int, oneOffYears: [OneOffYear] = [], kind: LineKind? = nil) {
        self.oneOffYears = oneOffYears
        self.kind = kind ?? (budget.pence < 0 ? .income : .spending)
        self.name = name
        self.budget = budget
        self.growth = growth
        self.change = change
        self.note = note
        self.sourceLine = sourceLine
    }
}
