import OutturnNumerics

extension RiskAssessment {
    /// The risk of an income line (``LineKind/income``): its projection's distribution is of the
    /// income received, R ≥ 0, against a negative budget −B. Net spending is −R, so every figure is
    /// the spending line's on −R: the projection and intervals are negated quantiles of R, the budget
    /// needed to be c sure is −Q_R(1 − c) (the income one can count on, with the ledger's sign),
    /// P(overspend) = P(−R > −B) = P(R < B), the probability of a shortfall, and the expected overspend
    /// is the expected shortfall E[max(B − R, 0)] = B − E[R] + E[max(R − B, 0)].
    init(income projection: LineProjection, scenario: Scenario) throws {
        let received = projection.distribution
        let target = -projection.budget.pounds
        // P(R < B): the shortfall must be strict, as overspend is (R exactly at budget is no shortfall).
        let probability = Probability(clamping: received.cdf(target.nextDown))
        guard let mean = received.mean, let excess = received.expectedExcess(over: target) else {
            preconditionFailure("line '\(projection.lineName)': income without finite moments (shape \(received.shape))")
        }
        let shortfall = max(0, target - mean + excess)
        let rag = RAG.classify(probability: probability.value, expectedOverspend: shortfall, thresholds: scenario.rag,
                               materialityAmount: scenario.materiality.amount)
        let shortfallMoney = try RiskAssessment.money(shortfall)
        let figures = RiskFigures(
            budget: projection.budget, projected: try RiskAssessment.money(projection.projected),
            intervals: try scenario.confidenceLevels.map { level in
                let interval = received.interval(level: level)
                return MoneyInterval(level: level, lower: try RiskAssessment.money(-interval.upper),
                                     upper: try RiskAssessment.money(-interval.lower))
            },
            probabilityOfOverspend: probability,
            expectedOverspend: shortfallMoney,
            budgetNeeded: try RiskAssessment.money(-received.quantile(1 - scenario.budgetNeededConfidence)),
            budgetNeededConfidence: scenario.budgetNeededConfidence,
            rag: rag)
        self.init(lineName: projection.lineName, figures: figures, method: projection.method,
                  reason: RiskAssessment.reason(projection.reason, rag: rag, probability: probability.value,
                                                expectedOverspend: shortfallMoney, scenario: scenario, shortfall: true),
                  kind: .income)
        methodInWords = projection.methodInWords
    }
}
