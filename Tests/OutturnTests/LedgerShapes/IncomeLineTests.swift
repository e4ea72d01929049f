import Foundation
import Outturn
import OutturnNumerics
import Testing
import _TestSupport

@Suite("Income lines: negative amounts, shortfall risk, the total net of income")
struct IncomeLineTests {
    /// A ledger of one year: Staff spends `spent` on a budget, Fees brings in `received` (negative rows).
    static func resolved(spent: Int64, staffBudget: Int64, received: Int64, feesBudget: Int64,
                         correlation: Double, draws: Int, targetYear: String = "2022/23") throws -> ResolvedScenario {
        let csv = "line,year,budget,actual\nStaff,2021/22,\(staffBudget),\(spent)\nFees,2021/22,-\(feesBudget),-\(received)\n"
        let ledger = try Ledger(csv: csv, fileName: "l.csv")
        let scenario = Scenario(fileName: "s.yaml", ledgerPath: "l.csv", targetYear: FiscalYear(targetYear)!,
                                lines: [ScenarioLine(name: "Staff", budget: Money(pounds: staffBudget), sourceLine: 1),
                                        ScenarioLine(name: "Fees", budget: Money(pounds: -feesBudget), sourceLine: 2)],
                                correlation: correlation, draws: draws)
        return try ResolvedScenario(scenario: scenario, ledger: ledger, activity: [])
    }

    @Test("one year of income: P(shortfall) and expected shortfall are the normal closed forms of income below budget")
    func shortfallClosedForm() throws {
        // Fees carried forward at £190,000 received, σ = 14% × 190,000, against a budget of −£210,000.
        let report = try ForecastReport(try Self.resolved(spent: 1_000_000, staffBudget: 1_000_000, received: 190_000,
                                                          feesBudget: 210_000, correlation: 0.3, draws: 4_000))
        let fees = try #require(report.lines.first { $0.lineName == "Fees" })
        let mu = 190_000.0, sigma = 0.14 * mu, target = 210_000.0
        let z = (target - mu) / sigma
        #expect(fees.kind == .income)
        #expect(abs(fees.probabilityOfOverspend.value - Normal.cdf(z)) < 1e-9)
        // E[(B − R)⁺] = (B − μ)·Φ(z) + σ·φ(z).
        #expect(abs(fees.expectedOverspend.pounds - ((target - mu) * Normal.cdf(z) + sigma * Normal.pdf(z))) < 0.01)
        #expect(fees.projected == Money(pounds: -190_000))
        #expect(fees.budget == Money(pounds: -210_000))
        // The 80% interval of net spending is minus the income's: [−(μ + 1.2816σ), −(μ − 1.2816σ)].
        let half = Normal.quantile(0.9) * sigma
        #expect(abs(fees.intervals[0].lower.pounds + (mu + half)) < 0.01 && abs(fees.intervals[0].upper.pounds + (mu - half)) < 0.01)
        // Budget needed to be 80% sure: −(the income exceeded with 80% probability) = −(μ − 0.8416σ).
        #expect(abs(fees.budgetNeeded.pounds + (mu - Normal.quantile(0.8) * sigma)) < 0.01)
        #expect(fees.reason.hasPrefix("income, so the risk is a shortfall"))
        #expect(fees.rag == .red)  // a shortfall is more likely than not and about £22,000: material
    }

    @Test("the total nets income: an income shortfall adds to net overspend, against the bivariate-normal closed form",
          arguments: [0.0, 0.6])
    func totalClosedForm(correlation: Double) throws {
        let report = try ForecastReport(try Self.resolved(spent: 1_000_000, staffBudget: 1_050_000, received: 300_000,
                                                          feesBudget: 320_000, correlation: correlation, draws: 200_000,
                                                          targetYear: "2023/24"))
        // Two years ahead both one-year lines are carried forward (one year ahead the spending line
        // would take the budget-execution prior, which has no closed form): net spending N = S − R
        // with S ~ N(1,000,000, (140,000·√2)²), R ~ N(300,000, (42,000·√2)²); the copula puts the
        // fees' shortfall with the spending's overspend: Corr(S, −R) = ρ.
        let (s1, s2) = (140_000.0 * 2.0.squareRoot(), 42_000.0 * 2.0.squareRoot())
        let mean = 1_000_000.0 - 300_000, sd = (s1 * s1 + s2 * s2 + 2 * correlation * s1 * s2).squareRoot()
        let budget = 1_050_000.0 - 320_000
        #expect(report.total.budget == Money(pounds: 730_000))
        #expect(report.total.incomeBudget == Money(pounds: 320_000))
        #expect(report.total.reason.contains("net of £320,000 income"))
        let p = 1 - Normal.cdf((budget - mean) / sd)
        // Monte Carlo: 200,000 draws, standard error √(p(1 − p)/n) ≈ 0.001; 4 standard errors.
        #expect(abs(report.total.probabilityOfOverspend.value - p) < 4 * (p * (1 - p) / 200_000).squareRoot())
        let z = (budget - mean) / sd
        let expected = sd * Normal.pdf(z) + (mean - budget) * Normal.cdf(-z)
        #expect(abs(report.total.expectedOverspend.pounds - expected) / expected < 0.02)
        let upper95 = mean + Normal.quantile(0.975) * sd
        #expect(abs(report.total.intervals[1].upper.pounds - upper95) / sd < 0.02)
    }

    @Test("a scenario line with a negative budget is income; kind: income with a positive budget is refused")
    func scenarioKinds() throws {
        let yaml = "ledger: l.csv\ntarget_year: 2022/23\nlines:\n  Fees: -215,000\n  Grant:\n    kind: income\n    budget: -£460k\n  Staff: 1m\n"
        let scenario = try Scenario(yaml: yaml, fileName: "s.yaml")
        #expect(scenario.lines.map(\.kind) == [.income, .income, .spending])
        #expect(throws: InputError.self) {
            try Scenario(yaml: "ledger: l.csv\ntarget_year: 2022/23\nlines:\n  Grant:\n    kind: income\n    budget: 460,000\n", fileName: "s.yaml")
        }
        #expect(throws: InputError.self) {
            try Scenario(yaml: "ledger: l.csv\ntarget_year: 2022/23\nlines:\n  Grant:\n    kind: grant\n    budget: -460,000\n", fileName: "s.yaml")
        }
    }

    @Test("variance: an income shortfall is adverse and negative in pounds and per cent; extra income favourable and positive")
    func varianceSigns() {
        let short = VarianceLine(lineName: "Fees", budget: Money(pounds: -210_000), actual: Money(pounds: -190_000), materiality: .standard)
        #expect(short.variance == Money(pounds: -20_000) && short.status == .adverse)
        #expect(abs(short.variancePercent! - (-100 * 20_000 / 210_000.0)) < 1e-12)
        let extra = VarianceLine(lineName: "Fees", budget: Money(pounds: -210_000), actual: Money(pounds: -230_000), materiality: .standard)
        #expect(extra.variance == Money(pounds: 20_000) && extra.status == .favourable && extra.variancePercent! > 0)
    }
}
