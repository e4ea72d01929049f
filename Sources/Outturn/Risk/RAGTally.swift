/// How many lines are red, amber and green, with their budgets and expected overspends, over every
/// line of a forecast (the report's status footer; counted before any `--only` filter).
public struct RAGTally: Sendable, Equatable {
    /// One status's lines: how many, their budgets' sum and their expected overspends' sum (exact).
    public struct Entry: Sendable, Equatable {
        /// Lines with this status.
        public var lines = 0
        /// Sum of their target-year budgets (income lines negative).
        public var budget = Money.zero
        /// Sum of their expected overspends (for income lines, expected shortfalls).
        public var expectedOverspend = Money.zero
    }

    /// Red, amber and green, in that order.
    public private(set) var entries: [RAG: Entry] = [:]

    /// An empty tally.
    public init() {}

    /// Counts `risk` under its status.
    /// - Throws: ``MoneyOverflow`` if a sum overflows.
    public mutating func add(_ risk: RiskAssessment) throws {
        var entry = entries[risk.rag] ?? Entry()
        entry.lines += 1
        entry.budget = try entry.budget.adding(risk.budget)
        entry.expectedOverspend = try entry.expectedOverspend.adding(risk.expectedOverspend)
        entries[risk.rag] = entry
    }

    /// The entry of `rag` (zeros when no line has it).
    public subscript(rag: RAG) -> Entry { entries[rag] ?? Entry() }

    /// Lines counted.
    public var lines: Int { entries.values.reduce(0) { $0 + $1.lines } }
}
