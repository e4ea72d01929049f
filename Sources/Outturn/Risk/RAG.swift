/// Red, amber or green: how worried to be about overspending.
public enum RAG: String, Sendable, Equatable, CaseIterable {
    case red, amber, green

    /// Classifies a risk: red when `probability` > `thresholds.red`; amber when `probability` ≥
    /// `thresholds.amber` or `expectedOverspend` > `materialityAmount`; green otherwise.
    public static func classify(probability: Double, expectedOverspend: Double, thresholds: RAGThresholds,
                                materialityAmount: Money) -> RAG {
        if probability > thresholds.red { return .red }
        if probability >= thresholds.amber || expectedOverspend > materialityAmount.pounds { return .amber }
        return .green
    }
}
