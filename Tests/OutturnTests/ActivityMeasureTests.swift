import Foundation
@testable import Outturn
import Testing

/// The scenario's `activity_measures`: totals and shares of the activity series (docs/scenario.md).
@Suite("Activity measures in the scenario")
struct ActivityMeasureTests {
    static let base = """
    ledger: ledger.csv
    activity: activity.csv
    target_year: 2022/23
    lines:
      A:
        budget: 100
    """

    @Test("the bundled scenario declares total calls and first contact resolution")
    func bundledDeclares() throws {
        let scenario = try ResolvedScenario.bundled().scenario
        #expect(scenario.activityMeasures.map(\.definition) == [
            .total(of: ["Telephone", "Self Service"]),
            .share(count: "Closed at first point of contact", of: "Total calls"),
        ])
        #expect(scenario.activityMeasures.map(\.name) == ["Total calls", "First contact resolution"])
    }

    @Test("bundled: total calls is the sum of its members' forecasts, its interval narrower than theirs added up; the share stays in (0, 1)")
    func bundledProjections() throws {
        let report = try ForecastReport(try ResolvedScenario.bundled())
        let byName = Dictionary(uniqueKeysWithValues: report.activity.map { ($0.series, $0) })
        let telephone = try #require(byName["Telephone"]), selfService = try #require(byName["Self Service"])
        let total = try #require(byName["Total calls"])
        #expect(abs(total.projected - (telephone.projected + selfService.projected)) < 1e-9)
        for (index, interval) in total.intervals.enumerated() {
            #expect(interval.upper < telephone.intervals[index].upper + selfService.intervals[index].upper)
            #expect(interval.lower > telephone.intervals[index].lower + selfService.intervals[index].lower)
            #expect(interval.lower < total.projected && total.projected < interval.upper)
        }
        let share = try #require(byName["First contact resolution"])
        #expect(share.unit == .share)
        #expect(share.intervals.allSatisfy { 0 < $0.lower && $0.upper < 1 })
        #expect(share.reason.contains("(62%, 53%, 66%)"))
    }

    @Test("a measure naming an unknown series is an error at its scenario line, with the closest name")
    func unknownSeries() throws {
        let yaml = Self.base + "\nactivity_measures:\n  Total calls:\n    total_of: [Telephone, Self Servce]\n"
        let scenario = try Scenario(yaml: yaml, fileName: "s.yaml")
        let series = [ActivitySeries(name: "Telephone", years: [FiscalYear(startYear: 2021)], values: [10]),
                      ActivitySeries(name: "Self Service", years: [FiscalYear(startYear: 2021)], values: [5])]
        let projections = try series.map { try ActivityProjection.project($0, scenario: scenario) }
        #expect {
            _ = try DerivedActivity.project(scenario.activityMeasures, series: series, projections: projections, scenario: scenario)
        } throws: { error in
            let text = "\(error)"
            return text.contains("s.yaml:8") && text.contains("'Self Servce' is not an activity series") && text.contains("Self Service")
        }
    }

    @Test("a measure with neither total_of nor share_of and out_of is refused with its line")
    func wrongShape() {
        for entry in ["    share_of: Telephone\n", "    total_of: Telephone\n", "    total_of: [A, B]\n    out_of: C\n", "    count: 3\n"] {
            #expect(throws: InputError.self, "\(entry)") {
                _ = try Scenario(yaml: Self.base + "\nactivity_measures:\n  M:\n" + entry, fileName: "s.yaml")
            }
        }
    }

    @Test("activity_measures without an activity file is an error, not silently ignored")
    func measuresNeedActivity() throws {
        let yaml = Self.base.replacingOccurrences(of: "activity: activity.csv\n", with: "")
            + "\nactivity_measures:\n  Total calls:\n    total_of: [Telephone, Self Service]\n"
        let scenario = try Scenario(yaml: yaml, fileName: "s.yaml")
        #expect(scenario.activityPath == nil)
        #expect(throws: InputError.self) {
            _ = try DerivedActivity.project(scenario.activityMeasures, series: [], projections: [], scenario: scenario)
        }
    }

    @Test("a count above its total in some year is an error, not a share above 100%")
    func countAboveTotal() throws {
        let yaml = Self.base + "\nactivity_measures:\n  Rate:\n    share_of: Closed\n    out_of: Calls\n"
        let scenario = try Scenario(yaml: yaml, fileName: "s.yaml")
        let years = [FiscalYear(startYear: 2020), FiscalYear(startYear: 2021)]
        let series = [ActivitySeries(name: "Calls", years: years, values: [10, 10]),
                      ActivitySeries(name: "Closed", years: years, values: [5, 12])]
        let projections = try series.map { try ActivityProjection.project($0, scenario: scenario) }
        #expect(throws: InputError.self) {
            _ = try DerivedActivity.project(scenario.activityMeasures, series: series, projections: projections, scenario: scenario)
        }
    }
}
