/// When a line is red, amber or green.
///
/// Red when P(overspend) > `red` (default 0.5: overspend more likely than not) and the expected
/// overspend exceeds the materiality amount (``RAG/classify(probability:expectedOverspend:thresholds:materialityAmount:)``); amber when
/// P(overspend) ≥ `amber` (default 0.2) and the expected overspend exceeds the materiality amount;
/// green otherwise (an immaterial line is green whatever its probability).
public struct RAGThresholds: Sendable, Equatable {
    /// Probability above which a line is red (0.5).
    public var red: Double
    /// Probability at or above which a line is amber (0.2).
    public var amber: Double

    /// Thresholds on the probability of an overspend, 0 ≤ `amber` ≤ `red` ≤ 1.
    public init(red: Double = 0.5, amber: Double = 0.2) {
        self.red = red
        self.amber = amber
    }

    /// 50% and 20%.
    public static let standard = RAGThresholds()
}
