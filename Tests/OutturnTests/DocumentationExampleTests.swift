import Outturn
import OutturnNumerics
import Testing
import _TestSupport

/// The examples on the front pages of the DocC catalogues (Sources/*/*.docc), run as written but
/// for the file path, with what their prose promises.
@Suite("DocC overview examples")
struct DocumentationExampleTests {
    @Test("OutturnNumerics: a forecast has one distribution per step, and its 80% interval holds the point forecast")
    func numericsOverview() throws {
        let spend = [812.0, 845, 870, 902, 951, 990]
        let forecast = try Forecaster.forecast(spend, horizon: 2)
        #expect(forecast.distributions.count == 2)
        let nextYear = forecast.distributions[0]
        let central = nextYear.location
        let interval = nextYear.interval(level: 0.80)
        #expect(interval.level == 0.80)
        #expect(interval.lower < central && central < interval.upper)
    }

    @Test("Outturn: the bundled scenario's report totals are the exact sums of its lines' budgets and projections")
    func outturnOverview() throws {
        let path = Datasets.url("gwent-ict/scenario-2022-23.yaml").path
        let resolved = try ResolvedScenario.load(path: path)
        let report = try ForecastReport(resolved)
        #expect(!report.lines.isEmpty)
        #expect(Set(report.lines.map(\.lineName)) == Set(resolved.scenario.lines.map(\.name)))
        #expect(report.total.budget == (try Money.sum(report.lines.map(\.budget))))
        #expect(report.total.projected == (try Money.sum(report.lines.map(\.projected))))
    }
}
