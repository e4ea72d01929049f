/// Red, amber or green: how worried to be about overspending.
public enum RAG: String, Sendable, Equatable, CaseIterable {
    /// Overspend is more likely than the red threshold allows.
    case red
    /// Overspend is a real possibility, or its expected size is material.
    case amber
    /// Overspend is unlikely and small.
    case green

    /// Classifies a risk: red when `probability` > `thresholds.red`; amber when `probability` ≥
    /// `thresholds.amber` or `expectedOverspend` > `materialityAmount`; green otherwise.
    public static func classify(probability: Double, expectedOverspend: Double, thresholds: RAGThresholds,
                                materialityAmount: Money) -> RAG {
        if probability > thresholds.red { return .red }
        if probability >= thresholds.amber || expectedOverspend > materialityAmount.pounds { return .amber }
        return .green
    }
}
