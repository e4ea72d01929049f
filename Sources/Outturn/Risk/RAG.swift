/// Red, amber or green: how worried to be about overspending.
public enum RAG: String, Sendable, Equatable, CaseIterable {
    /// Overspend is more likely than the red threshold allows, and its expected size is material.
    case red
    /// Overspend is a real possibility (at least the amber threshold), and its expected size is material.
    case amber
    /// Overspend is unlikely, or its expected size is immaterial whatever its probability.
    case green

    /// Classifies a risk: red when `probability` > `thresholds.red` and `expectedOverspend` (pounds)
    /// > `materialityAmount`; amber when `probability` ≥ `thresholds.amber` and `expectedOverspend` >
    /// `materialityAmount`; green otherwise.
    ///
    /// The rule is symmetric: both statuses that ask for attention need a material expected overspend,
    /// so an immaterial line is green whatever its probability (its reason says so, see
    /// ``immaterialNote(probability:expectedOverspend:thresholds:materialityAmount:shortfall:)``), and
    /// a material expected overspend alone does not make a line amber when overspend is unlikely.
    ///
    /// Materiality is the amount alone, not the percent: a line more likely than not to overspend
    /// expects to overspend by at least about 0.4 of its spread (for a normal, σ·φ(0) at P = 50%),
    /// several percent of its budget, so a 1% test would let every such line through. The amount
    /// is what keeps a £900 line likely to overspend by £50 from being red; a scenario with
    /// `materiality: amount: 0` gets the probability rule alone.
    public static func classify(probability: Double, expectedOverspend: Double, thresholds: RAGThresholds,
                                materialityAmount: Money) -> RAG {
        guard expectedOverspend > materialityAmount.pounds else { return .green }
        if probability > thresholds.red { return .red }
        if probability >= thresholds.amber { return .amber }
        return .green
    }

    /// The words a reason ends with when a line is green only because its expected overspend is
    /// immaterial: "likely to overspend, by an immaterial £50" (P above the red threshold) or "could
    /// overspend, by an immaterial £50" (P at or above the amber threshold); with `shortfall` (income)
    /// "fall short" instead of "overspend". Nil when the probability alone would leave the line green
    /// or the expected overspend is material.
    public static func immaterialNote(probability: Double, expectedOverspend: Money, thresholds: RAGThresholds,
                                      materialityAmount: Money, shortfall: Bool = false) -> String? {
        guard expectedOverspend.pounds <= materialityAmount.pounds, probability >= thresholds.amber else { return nil }
        let verb = shortfall ? "fall short" : "overspend"
        let likelihood = probability > thresholds.red ? "likely to" : "could"
        return "\(likelihood) \(verb), by an immaterial \(expectedOverspend.formatted())"
    }
}
