import Foundation
import Testing
import _TestSupport

@Suite("planner evaluate")
struct EvaluateCommandTests {
    /// A small history: 6 lines × 4 years, one line-year blank.
    static let history = """
    line,year,budget,actual
    A,2018/19,100000,97000
    A,2019/20,100000,99000
    A,2020/21,110000,104000
    A,2021/22,110000,118000
    B,2018/19,50000,61000
    B,2019/20,55000,60000
    B,2020/21,60000,66000
    B,2021/22,60000,59000
    C,2018/19,200000,150000
    C,2019/20,180000,
    C,2020/21,180000,170000
    C,2021/22,170000,160000
    D,2018/19,80000,80000
    D,2019/20,82000,85000
    D,2020/21,84000,83000
    D,2021/22,86000,90000
    E,2019/20,30000,20000
    E,2020/21,30000,31000
    E,2021/22,30000,29000
    F,2020/21,900000,1000000
    F,2021/22,950000,940000

    """

    static func folder() throws -> URL {
        let folder = try PlannerRun.scratchFolder()
        try Data(history.utf8).write(to: folder.appendingPathComponent("history.csv"))
        return folder
    }

    @Test("JSON has the protocol's keys, overall and by history; the figures are in range and the counts add up")
    func json() throws {
        let run = try PlannerRun(["evaluate", "history.csv", "--format", "json"], in: try EvaluateCommandTests.folder())
        #expect(run.result.exitCode == 0, "\(run.result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.result.standardOutput.utf8)) as? [String: Any])
        for key in ["lineYears", "brier", "logLoss", "coverage80", "coverage95", "reliability", "baselines", "byHistory"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        // Scored: 2019/20 A B D (C blank): 3; 2020/21 A B D E (C has no usable year before): 4; 2021/22 A–F: 6.
        #expect(object["lineYears"] as? Int == 13)
        let baselines = try #require(object["baselines"] as? [String: Double])
        #expect(baselines["pastOverspendFrequency"] != nil && baselines["constant"] != nil)
        let bins = try #require(object["reliability"] as? [[String: Any]])
        #expect(bins.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == 13)
        let groups = try #require(object["byHistory"] as? [[String: Any]])
        #expect(groups.reduce(0) { $0 + ($1["lineYears"] as? Int ?? 0) } == 13)
        let brier = try #require(object["brier"] as? Double)
        #expect((0...1).contains(brier))
    }

    @Test("--rows writes every scored line-year; --format csv is a usage error (64); a bad year exits 1 naming file and line")
    func rowsAndErrors() throws {
        let folder = try EvaluateCommandTests.folder()
        let run = try PlannerRun(["evaluate", "history.csv", "--rows", "rows.csv", "--first", "2021/22"], in: folder)
        #expect(run.result.exitCode == 0)
        let rows = try String(contentsOf: folder.appendingPathComponent("rows.csv"), encoding: .utf8)
        #expect(rows.split(separator: "\n").count == 1 + 6)
        #expect(rows.hasPrefix("line,year,history_years,probability,lower80,upper80,lower95,upper95,actual,overspent\n"))
        #expect(try PlannerRun(["evaluate", "history.csv", "--format", "csv"], in: folder).result.exitCode == 64)
        try Data("line,year,budget,actual\nA,2019/20,1,1\nA,20x0,1,1\n".utf8).write(to: folder.appendingPathComponent("bad.csv"))
        let bad = try PlannerRun(["evaluate", "bad.csv"], in: folder)
        #expect(bad.result.exitCode == 1)
        #expect(bad.result.standardError.hasPrefix("bad.csv:3: year '20x0' is not a year (A)"), "\(bad.result.standardError)")
    }
}
