import Foundation
import Outturn
import OutturnNumerics
import Testing
import _TestSupport

@Suite("Year-to-year spread default: the evidence")
struct SpreadEvidenceTests {
    /// Pooled median absolute year-on-year log change over every series of the competition files.
    static func medianAbsoluteLogChange() throws -> (median: Double, count: Int) {
        var changes: [Double] = []
        for file in ["competition/m1-yearly.csv", "competition/tourism-yearly.csv"] {
            let table = try CSVTable(text: try Datasets.text(file), fileName: file)
            let series = try table.columnIndex("series")
            let values = try table.numbers(inColumn: "value")
            for index in 1..<values.count where table.rows[index].fields[series] == table.rows[index - 1].fields[series] {
                guard values[index] > 0, values[index - 1] > 0 else { continue }
                changes.append(abs(log(values[index] / values[index - 1])))
            }
        }
        changes.sort()
        let middle = changes.count / 2
        let median = changes.count % 2 == 1 ? changes[middle] : (changes[middle - 1] + changes[middle]) / 2
        return (median, changes.count)
    }

    @Test("the default spread (14%) is the competition series' median absolute log change / Φ⁻¹(0.75), rounded")
    func defaultMatchesEvidence() throws {
        let (median, count) = try SpreadEvidenceTests.medianAbsoluteLogChange()
        #expect(count == 16_494)
        #expect(isClose(median, 0.0969, absolute: 0.00005))
        let sd = median / Normal.quantile(0.75)
        #expect(isClose(sd, 0.1436, absolute: 0.00005))
        #expect(abs(Scenario.defaultYearToYearSpread - sd) <= 0.005)
    }

    @Test("docs/scenario.md states the same default and figure")
    func documented() throws {
        let docs = try String(contentsOf: Datasets.repositoryRoot.appendingPathComponent("docs/scenario.md"), encoding: .utf8)
        #expect(docs.contains("`year_to_year_spread`"))
        #expect(docs.contains("14%"))
        #expect(docs.contains("0.0969"))
        #expect(docs.contains("0.1436"))
    }
}
