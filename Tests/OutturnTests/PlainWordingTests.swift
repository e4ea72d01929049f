import Foundation
import OutturnNumerics
@testable import Outturn
import Testing
import _TestSupport

/// What a finance officer reads is in plain words (issue 9, "Plain words"); the technical names stay
/// in JSON's `method` and docs/.
@Suite("Plain words in the forecast report")
struct PlainWordingTests {
    typealias Agreement = ForecastWording.Agreement

    /// Fitted-model cases and the words the Method column and reasons use for them.
    static let cases: [(model: FittedModel, count: Int, seasonLength: Int, agreement: Agreement?, words: String)] = [
        (.single(.naive), 1, 1, nil, "last year's figure carried forward"),
        (.combination(.mean, of: [.naive, .drift]), 3, 1, nil, "halfway between last year's figure and the trend from 3 years"),
        (.combination(.median, of: [.drift, .theta, .holt]), 5, 1, Agreement(members: 3, relativeRange: 0.015),
         "trend from 5 years (three methods agree within 2%, the middle one taken)"),
        (.combination(.median, of: [.drift, .theta, .holt]), 5, 1, Agreement(members: 3, relativeRange: 0.02),
         "trend from 5 years (three methods agree within 2%, the middle one taken)"),
        (.combination(.median, of: [.drift, .theta, .holt]), 7, 1, Agreement(members: 3, relativeRange: 0.243),
         "trend from 7 years (three methods differ by up to 25%, the middle one taken)"),
        (.combination(.median, of: [.drift, .theta, .holt]), 6, 1, nil, "trend from 6 years (the middle of three methods)"),
        (.combination(.mean, of: [.naive, .ses]), 4, 1, nil, "the average of two methods on 4 years"),
        (.single(.damped), 6, 1, nil, "trend from 6 years, levelling off"),
        (.single(.snaive), 24, 12, nil, "each month as in the same month a year earlier"),
        (.seasonalETS(season: .multiplicative, trend: .additive), 36, 12, nil,
         "level, trend and seasonal pattern smoothed over 36 months"),
        (.seasonallyAdjusted(.theta), 12, 4, nil,
         "smoothed level with the long-run trend of 12 quarters with the seasonal pattern taken out and put back"),
    ]

    @Test("fitted models in words: a table of cases")
    func modelsInWords() {
        for c in Self.cases {
            #expect(ForecastWording.plainModel(c.model, count: c.count, seasonLength: c.seasonLength, agreement: c.agreement)
                    == c.words, "\(c.model)")
        }
        // The Method column leaves out how many trend methods were combined.
        #expect(ForecastWording.plainModel(.combination(.median, of: [.drift, .theta, .holt]), count: 5, brief: true)
                == "trend from 5 years")
        #expect(ForecastWording.plainModel(.combination(.mean, of: [.naive, .drift]), count: 3, brief: true)
                == "halfway between last year and the trend")
    }

    /// Words a finance officer should not have to look up (they stay in docs/ and JSON's `method`).
    static let jargon = ["median", "mean of", "naive", "drift", "theta", "holt", "copula", "gaussian", "held-out",
                         "auto", "ets(", "aicc", "student t", "model-based", "decomposition", "autocorrelation",
                         "one-factor"]

    static func jargonIn(_ text: String) -> [String] {
        let lower = text.lowercased()
        return jargon.filter { lower.contains($0) }
    }

    /// Eight years of three lines, forecast two years ahead so that the forecaster (not the
    /// budget-execution model) projects them: the median of three trend methods.
    static func multiYear() throws -> ResolvedScenario {
        var csv = "line,year,budget,actual\n"
        for (name, base, growth) in [("Licences", 500_000.0, 0.05), ("Hardware", 800_000, -0.02), ("Cloud", 300_000, 0.12)] {
            for i in 0..<8 {
                let budget = base * pow(1 + growth, Double(i))
                let actual = budget * (1 + 0.03 * Double((i * 7) % 3 - 1))
                csv += "\(name),\(FiscalYear(startYear: 2013 + i)),\(Int(budget.rounded())),\(Int(actual.rounded()))\n"
            }
        }
        let ledger = try Ledger(csv: csv, fileName: "ledger.csv")
        let scenario = Scenario(fileName: "s.yaml", ledgerPath: "ledger.csv", targetYear: FiscalYear("2022/23")!,
                                lines: ledger.lineNames.map { ScenarioLine(name: $0, budget: Money(pounds: 700_000), sourceLine: 1) })
        return try ResolvedScenario(scenario: scenario, ledger: ledger, activity: [])
    }

    @Test("no jargon in the table or Markdown of the bundled forecast and of an eight-year ledger; JSON keeps the technical method")
    func noJargon() throws {
        let multiYear = try Self.multiYear()
        for resolved in [try ResolvedScenario.bundled(), multiYear] {
            for format in [OutputFormat.table, .markdown, .csv] {
                let text = try ForecastReportWriterTests.whole(resolved, format: format)
                #expect(Self.jargonIn(text).isEmpty, "\(format): \(Self.jargonIn(text))")
            }
        }
        let json = try ForecastReportWriterTests.whole(multiYear, format: .json)
        #expect(json.contains("\"method\": \"median of drift, theta, holt + record against budget\""))
        #expect(json.contains("\"method\": \"joint simulation\""))
        #expect(json.contains("three methods agree within"))
    }

    @Test("the members' agreement is the range of their own forecasts over the combined one")
    func agreementFromMembers() throws {
        // A straight line: drift continues it exactly, so the range is the other members' distance from it.
        let series: [Double] = [100, 112, 119, 133, 138, 152]
        let forecast = try Forecaster.forecast(series, horizon: 2, method: .auto, options: .init(nonNegative: true))
        #expect(forecast.model == .combination(.median, of: [.drift, .theta, .holt]))
        let agreement = try #require(try LineForecaster.membersAgreement(forecast, series: series, horizon: 2,
                                                                         fallbackRelativeSpread: 0.1))
        #expect(agreement.members == 3)
        // Drift's closed form: last + h × (last − first) / (n − 1) = 152 + 2 × 52/5 = 172.8; the median of
        // three is within the members' range, so the range is at least |drift − median| / median.
        let median = forecast.distribution(step: 2).location
        #expect(agreement.relativeRange >= abs(172.8 - median) / median - 1e-12)
        #expect(agreement.relativeRange < 0.2)
    }
}
