import Foundation
import Outturn
import OutturnNumerics
import Testing
import _TestSupport

@Suite("Group roll-ups: the ledger's group paths and their subtotals from the joint simulation")
struct GroupRollupTests {
    // MARK: Paths and the tree

    @Test("a path is split at '/', each part trimmed; an empty field is no group")
    func pathParts() throws {
        #expect(try LineGroups.parts(of: " Adults / Home care ", file: "l.csv", line: 2) == ["Adults", "Home care"])
        #expect(try LineGroups.parts(of: "Adults", file: "l.csv", line: 2) == ["Adults"])
        #expect(try LineGroups.parts(of: "   ", file: "l.csv", line: 2) == nil)
        #expect(try LineGroups.parts(of: "", file: "l.csv", line: 2) == nil)
    }

    @Test("a path with an empty part or too many levels is an error naming the file and line",
          arguments: ["Adults//Home care", "/Adults", "Adults/", "Adults/ /Care"])
    func malformedPath(field: String) {
        #expect(throws: InputError.self) { try LineGroups.parts(of: field, file: "l.csv", line: 7) }
        do { _ = try LineGroups.parts(of: field, file: "l.csv", line: 7) } catch let error as InputError {
            #expect(error.file == "l.csv" && error.line == 7 && error.message.contains("empty part"))
        } catch { Issue.record("unexpected \(error)") }
        let deep = Array(repeating: "a", count: LineGroups.maximumDepth + 1).joined(separator: "/")
        #expect(throws: InputError.self) { try LineGroups.parts(of: deep, file: "l.csv", line: 7) }
    }

    @Test("the tree is depth-first, each level in order of first appearance, names matched without regard to case")
    func treeOrder() {
        let groups = LineGroups(paths: [["B", "x"], ["A"], nil, ["b", "Y"], ["B"], ["A", "z", "deep"]])
        #expect(groups.nodes.map(\.path) == ["B", "B/x", "B/Y", "A", "A/z", "A/z/deep"])
        #expect(groups.nodes.map(\.level) == [1, 2, 2, 1, 2, 3])
        #expect(groups.nodes.map(\.parent) == [nil, 0, 0, nil, 3, 4])
        #expect(groups.nodes.map(\.subtree) == [0..<3, 1..<2, 2..<3, 3..<6, 4..<6, 5..<6])
        #expect(groups.groupOfLine == [1, 3, nil, 2, 0, 5])
        #expect(groups.roots == [0, 3])
        #expect(groups.depth == 3)
    }

    @Test("a line whose group differs between years is an error at the differing row, naming the first")
    func inconsistentGroup() throws {
        let csv = "line,year,budget,actual,group\nA,2020/21,10,10,X/Y\nA,2021/22,10,10,X/Z\n"
        let ledger = try Ledger(csv: csv, fileName: "ledger.csv")
        do {
            _ = try LineGroups.read(try CSVRowReader(text: csv, fileName: "ledger.csv"), ledger: ledger)
            Issue.record("no error")
        } catch let error as InputError {
            #expect(error.file == "ledger.csv" && error.line == 3)
            #expect(error.message.contains("'X/Z'") && error.message.contains("'X/Y' on line 2"))
        }
        // Spelling and spacing differences are the same group; no group column is no groups.
        let same = "line,year,budget,actual,GROUP\nA,2020/21,10,10,x / y\nA,2021/22,10,10,X/Y\n"
        let groups = try LineGroups.read(try CSVRowReader(text: same, fileName: "l.csv"),
                                         ledger: try Ledger(csv: same, fileName: "l.csv"))
        #expect(groups?.nodes.map(\.path) == ["x", "x/y"])
        let none = "line,year,budget,actual\nA,2020/21,10,10\n"
        #expect(try LineGroups.read(try CSVRowReader(text: none, fileName: "l.csv"), ledger: try Ledger(csv: none, fileName: "l.csv")) == nil)
    }

    // MARK: Subtotals

    static func council() throws -> (ResolvedScenario, ForecastReport) {
        let resolved = try ResolvedScenario.load(path: Datasets.url("council-groups/scenario-2024-25.yaml").path)
        return (resolved, try ForecastReport(resolved))
    }

    /// The forecast lines under group `node` (its subtree), by the ledger's groups.
    static func members(_ node: Int, _ resolved: ResolvedScenario, _ report: ForecastReport) -> [RiskAssessment] {
        let groups = resolved.lineGroups!, range = groups.nodes[node].subtree
        return report.lines.filter { line in
            guard let group = resolved.ledger.lineIndex(matching: line.lineName).flatMap(groups.group(ofLineAt:)) else { return false }
            return range.contains(group)
        }
    }

    @Test("every group's budget is exactly the sum of its lines' budgets, at every level; the total's is the top groups' plus the ungrouped lines'")
    func budgetsSumExactly() throws {
        let (resolved, report) = try GroupRollupTests.council()
        let groups = resolved.lineGroups!
        #expect(report.groups.count == groups.nodes.count && groups.depth == 3)
        for (node, group) in report.groups.enumerated() {
            let members = GroupRollupTests.members(node, resolved, report)
            #expect(group.group == groups.nodes[node].path)
            #expect(group.lines == members.count && group.lines > 0)
            #expect(group.budget == (try Money.sum(members.map(\.budget))), "\(group.group)")
            #expect(group.projected == (try Money.sum(members.map(\.projected))), "\(group.group)")
        }
        let ungrouped = report.lines.filter { resolved.ledger.lineIndex(matching: $0.lineName).flatMap(groups.group(ofLineAt:)) == nil }
        #expect(ungrouped.map(\.lineName) == ["Corporate contingency"])
        let topLevel = try Money.sum(groups.roots.map { report.groups[$0].budget } + ungrouped.map(\.budget))
        #expect(topLevel == report.total.budget)
        // A parent's budget is its children's plus its own lines' ("Adults directorate office" sits in Adults).
        let adults = groups.nodes.firstIndex { $0.path == "Adults" }!
        let children = try Money.sum(groups.nodes[adults].children.map { report.groups[$0].budget })
        let office = report.lines.first { $0.lineName == "Adults directorate office" }!
        #expect(report.groups[adults].budget == children + office.budget)
    }

    @Test("a group of one line has that line's budget and, to Monte Carlo error, its P(overspend) and expected overspend")
    func oneLineGroupIsItsLine() throws {
        let (resolved, report) = try GroupRollupTests.council()
        let draws = Double(resolved.scenario.draws)
        var checked = 0
        for (node, group) in report.groups.enumerated() where group.lines == 1 {
            let line = GroupRollupTests.members(node, resolved, report)[0]
            #expect(group.budget == line.budget && group.projected == line.projected)
            let p = line.probabilityOfOverspend.value
            // The line's P is exact (its distribution's cdf); the group's is a share of 20,000 draws.
            #expect(abs(group.probabilityOfOverspend.value - p) <= 4 * (p * (1 - p) / draws).squareRoot() + 1e-9, "\(group.group)")
            #expect(isClose(group.expectedOverspend.pounds, line.expectedOverspend.pounds, relative: 0.05), "\(group.group)")
            checked += 1
        }
        #expect(checked == 16)
    }

    /// Normal lines in two groups and ungrouped: each group sum is a sum of equicorrelated normals.
    @Test("normal lines and simulated lines: each group's P(overspend) and 95% interval match the closed form of its lines' sum",
          arguments: [false, true])
    func groupsMatchClosedForm(opaque: Bool) throws {
        let lines = TotalRiskAccumulatorTests.lines(30, opaque: opaque)
        let groups = LineGroups(paths: (0..<30).map { $0 % 3 == 0 ? ["A"] : $0 % 3 == 1 ? ["A", "B"] : nil })
        let draws = 100_000
        var accumulator = GroupRiskAccumulator(scenario: TotalRiskAccumulatorTests.scenario(draws: draws), groups: groups,
                                               linesNeedingSimulation: 30)
        for (index, line) in lines.enumerated() { try accumulator.add(line, group: groups.groupOfLine[index]) }
        let (total, risks) = try accumulator.assessment()
        #expect(total.linesApproximated == 0)
        let members: [[LineProjection]] = [lines.indices.filter { $0 % 3 != 2 }.map { lines[$0] },
                                           lines.indices.filter { $0 % 3 == 1 }.map { lines[$0] }, lines]
        for (risk, subset) in zip(risks.map(Optional.some) + [nil], members) {
            let exact = TotalRiskAccumulatorTests.closedForm(subset, rho: 0.3)
            let p = 1 - Normal.cdf((exact.budget - exact.mean) / exact.sd)
            let (probability, interval) = risk.map { ($0.probabilityOfOverspend.value, $0.intervals[1]) }
                ?? (total.probabilityOfOverspend.value, total.intervals[1])
            #expect(abs(probability - p) < 4 * (p * (1 - p) / Double(draws)).squareRoot())
            #expect(isClose(interval.upper.pounds - interval.lower.pounds, 2 * 1.959_964 * exact.sd, relative: 0.01))
        }
    }

    @Test("with every line in one group, the group's figures are the total's exactly (the same draws)")
    func oneGroupIsTheTotal() throws {
        let lines = TotalRiskAccumulatorTests.lines(12, opaque: true) + TotalRiskAccumulatorTests.lines(12, opaque: false)
        let groups = LineGroups(paths: Array(repeating: ["Everything"], count: lines.count))
        var accumulator = GroupRiskAccumulator(scenario: TotalRiskAccumulatorTests.scenario(draws: 5_000), groups: groups,
                                               linesNeedingSimulation: lines.count)
        for line in lines { try accumulator.add(line, group: 0) }
        let (total, risks) = try accumulator.assessment()
        let group = try #require(risks.first)
        #expect(group.budget == total.budget && group.projected == total.projected && group.intervals == total.intervals)
        #expect(group.probabilityOfOverspend == total.probabilityOfOverspend && group.expectedOverspend == total.expectedOverspend)
        #expect(group.budgetNeeded == total.budgetNeeded && group.rag == total.rag)
    }

    @Test("a report written whole keeps its groups: JSON between the lines and the total, CSV with its Row column")
    func writerKeepsGroups() throws {
        let (resolved, report) = try GroupRollupTests.council()
        let json = StringSink(), csv = StringSink()
        try ForecastReportWriter(format: .json, scenario: resolved.scenario, sink: json, groups: resolved.lineGroups).write(report)
        try ForecastReportWriter(format: .csv, scenario: resolved.scenario, sink: csv, groups: resolved.lineGroups).write(report)
        let object = try #require(try JSONSerialization.jsonObject(with: json.data) as? [String: Any])
        #expect((object["groups"] as? [[String: Any]])?.count == report.groups.count)
        let rows = csv.text.split(separator: "\n")
        #expect(rows.first?.hasPrefix("Row,Line,") == true)
        #expect(rows.filter { $0.hasPrefix("group,") }.count == report.groups.count)
        #expect(rows.filter { $0.hasPrefix("line,") }.count == report.lines.count)
    }

    @Test("grouped figures do not depend on block size or thread count")
    func independentOfBlocks() throws {
        let (resolved, _) = try GroupRollupTests.council()
        var first: ForecastOutcome?
        for (block, threads) in [(1, 1), (3, 2), (4_096, 2)] {
            let outcome = try ForecastRun.run(resolved, blockSize: block, threads: threads) { _ in }
            if let first { #expect(outcome == first) } else { first = outcome }
        }
        #expect(first?.groups.isEmpty == false)
    }
}
