/// Red, amber or green: how worried to be about overspending.
public enum RAG: String, Sendable, Equatable, CaseIterable {
    /// Overspend is more likely than the red threshold allows, and its expected size is material.
    case red
    /// Overspend is a real possibility, or its expected size is material.
    case amber
    /// Overspend is unlikely and small.
    case green

    /// Classifies a risk: red when `probability` > `thresholds.red` and `expectedOverspend` (pounds)
    /// > `materialityAmount`; amber when `probability` ≥ `thresholds.amber` or `expectedOverspend` >
    /// `materialityAmount`; green otherwise.
    ///
    /// Materiality is the amount alone, not the percent: a line more likely than not to overspend
    /// expects to overspend by at least about 0.4 of its spread (for a normal, σ·φ(0) at P = 50%),
    /// several percent of its budget, so a 1% test would let every such line through. The amount
    /// is what keeps a £900 line likely to overspend by £50 from being red; a scenario with
    /// `materiality: amount: 0` gets the probability rule alone.
    public static func classify(probability: Double, expectedOverspend: Double, thresholds: RAGThresholds,
                                materialityAmount: Money) -> RAG {
        let material = expectedOverspend > materialityAmount.pounds
        if probability > thresholds.red && material { return .red }
        if probability >= thresholds.amber || material { return .amber }
        return .green
    }
}
