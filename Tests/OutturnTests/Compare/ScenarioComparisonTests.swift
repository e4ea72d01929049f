import Foundation
import Testing
@testable import Outturn

@Suite("Scenario comparison")
struct ScenarioComparisonTests {
    /// The bundled report with only the lines named `keep`, in that order.
    static func report(keeping keep: [String]) throws -> ForecastReport {
        let full = try ForecastReport(try ResolvedScenario.bundled())
        let lines = keep.map { name in full.lines.first { $0.lineName == name }! }
        return ForecastReport(year: full.year, scenario: full.scenario, lines: lines, total: full.total, activity: [])
    }

    @Test("lines match by name: A's order first, then B's extra lines; a line one side lacks is blank there and in B − A")
    func matchingByName() throws {
        let a = try Self.report(keeping: ["Airwave", "DSD"]), b = try Self.report(keeping: ["DSD", "SRS Collaboration"])
        let comparison = ScenarioComparison(a: a, b: b)
        #expect(comparison.lines.map(\.lineName) == ["Airwave", "DSD", "SRS Collaboration"])
        #expect(comparison.lines[0].a != nil && comparison.lines[0].b == nil)
        #expect(comparison.lines[1].a == comparison.lines[1].b)
        #expect(comparison.lines[2].a == nil && comparison.lines[2].b != nil)
        let table = comparison.documentTable
        #expect(table.rows[0].suffix(7).allSatisfy { $0 == .empty })
        // Same line on both sides: zero differences.
        #expect(table.rows[1].suffix(3) == [.money(Money(pence: 0)), .money(Money(pence: 0)), .percent(0)])
        #expect(table.footer.count == 1 && table.footer[0][0] == .text("Total"))
    }

    @Test("the JSON gives null for the missing side and each side's four figures otherwise")
    func jsonShape() throws {
        let comparison = ScenarioComparison(a: try Self.report(keeping: ["Airwave"]), b: try Self.report(keeping: ["DSD"]))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(comparison.json().rendered().utf8)) as? [String: Any])
        let lines = try #require(object["lines"] as? [[String: Any]])
        #expect(lines.count == 2)
        #expect(lines[0]["b"] is NSNull && lines[1]["a"] is NSNull)
        let side = try #require(lines[0]["a"] as? [String: Any])
        #expect(Set(side.keys) == ["budget", "projected", "probabilityOfOverspend", "rag"])
        #expect(side["budget"] as? Int == 763_042)
    }
}
