/// Budget against actual for one budget line: its name and its ``VarianceFigures``, which read as
/// its own properties (`line.variance` is `line.figures.variance`).
@dynamicMemberLookup
public struct VarianceLine: Sendable, Equatable {
    /// The budget line's name, as in the ledger.
    public let lineName: String
    /// Budget, actual, variance, variance % and status.
    public let figures: VarianceFigures

    /// Computes the variance of `actual` against `budget` under `materiality`.
    public init(lineName: String, budget: Money, actual: Money, materiality: Materiality) {
        self.lineName = lineName
        self.figures = VarianceFigures(budget: budget, actual: actual, materiality: materiality)
    }

    /// One of ``figures``' properties, by name (`line.budget`, `line.status`).
    public subscript<Value>(dynamicMember keyPath: KeyPath<VarianceFigures, Value>) -> Value { figures[keyPath: keyPath] }
}
