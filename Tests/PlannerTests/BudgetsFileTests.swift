import Foundation
import Testing
import _TestSupport

@Suite("Scenario budgets from a CSV file and the unlisted-lines policy")
struct BudgetsFileTests {
    static let ledger = """
    line,year,budget,actual
    Licences,2021/22,"600,000","650,000"
    Hardware,2021/22,"950,000","800,000"
    Cloud hosting,2021/22,"300,000","310,000"

    """

    /// `Line,Budget` of a forecast CSV row (columns Line, Prior-year actual, Budget, …).
    static func lineAndBudget(_ row: Substring) -> String {
        let fields = row.split(separator: ",", omittingEmptySubsequences: false)
        return fields.count > 2 ? fields[0] + "," + fields[2] : String(row)
    }

    static func folder(scenario: String, budgets: String?) throws -> URL {
        let folder = try PlannerRun.scratchFolder()
        try Data(BudgetsFileTests.ledger.utf8).write(to: folder.appendingPathComponent("ledger.csv"))
        try Data(scenario.utf8).write(to: folder.appendingPathComponent("scenario.yaml"))
        if let budgets { try Data(budgets.utf8).write(to: folder.appendingPathComponent("budgets.csv")) }
        return folder
    }

    @Test("a typo'd line in the budgets file is FILE:LINE with the closest ledger name; exit 1, no output file")
    func typoInBudgetsFile() throws {
        let folder = try BudgetsFileTests.folder(
            scenario: "ledger: ledger.csv\ntarget_year: 2022/23\nbudgets: budgets.csv\n",
            budgets: "line,budget\nLicences,650000\nHardwear,\"950,000\"\nCloud hosting,300k\n")
        let run = try PlannerRun(["forecast", "scenario.yaml", "--output", "out.csv"], in: folder)
        #expect(run.result.exitCode == 1)
        #expect(run.result.standardOutput.isEmpty)
        #expect(run.result.standardError == "budgets.csv:3: 'Hardwear' is not a budget line in ledger.csv\n  hint: did you mean 'Hardware'?\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path))
    }

    @Test("YAML entries override the budgets file; the file's budgets are used for the rest")
    func yamlOverridesFile() throws {
        let folder = try BudgetsFileTests.folder(
            scenario: "ledger: ledger.csv\ntarget_year: 2022/23\nbudgets: budgets.csv\nlines:\n  Hardware: 1,200,000\n",
            budgets: "line,budget\nLicences,650000\nHardware,1\ncloud HOSTING,\"£300,000\"\n")
        let run = try PlannerRun(["forecast", "scenario.yaml", "--format", "csv"], in: folder)
        #expect(run.result.exitCode == 0)
        let rows = run.result.standardOutput.split(separator: "\n").map(Self.lineAndBudget)
        #expect(rows.contains("Licences,650000"))
        #expect(rows.contains("Hardware,1200000"))
        #expect(rows.contains("Cloud hosting,300000"))
    }

    @Test("a line listed twice in the budgets file is an error at its second row")
    func duplicateInFile() throws {
        let folder = try BudgetsFileTests.folder(
            scenario: "ledger: ledger.csv\ntarget_year: 2022/23\nbudgets: budgets.csv\n",
            budgets: "line,budget\nLicences,650000\nHardware,950000\nCloud hosting,1\nlicences,1\n")
        let run = try PlannerRun(["forecast", "scenario.yaml"], in: folder)
        #expect(run.result.exitCode == 1)
        #expect(run.result.standardError.hasPrefix("budgets.csv:5: line 'Licences' is listed twice (first on line 2)"))
    }

    @Test("unlisted lines: an error by default; hold_latest_budget holds them at their latest ledger budget")
    func unlistedPolicy() throws {
        let partial = "line,budget\nLicences,650000\n"
        let strict = try BudgetsFileTests.folder(scenario: "ledger: ledger.csv\ntarget_year: 2022/23\nbudgets: budgets.csv\n",
                                                 budgets: partial)
        let failed = try PlannerRun(["forecast", "scenario.yaml"], in: strict)
        #expect(failed.result.exitCode == 1)
        #expect(failed.result.standardError.hasPrefix("scenario.yaml:1: line 'Hardware' in ledger.csv has no budget for 2022/23"))

        let holding = try BudgetsFileTests.folder(
            scenario: "ledger: ledger.csv\ntarget_year: 2022/23\nbudgets: budgets.csv\nunlisted_lines: hold_latest_budget\n",
            budgets: partial)
        let run = try PlannerRun(["forecast", "scenario.yaml", "--format", "csv"], in: holding)
        #expect(run.result.exitCode == 0)
        let rows = run.result.standardOutput.split(separator: "\n").map(Self.lineAndBudget)
        #expect(rows.contains("Licences,650000"))
        #expect(rows.contains("Hardware,950000"))
        #expect(rows.contains("Cloud hosting,300000"))

        let typo = try BudgetsFileTests.folder(
            scenario: "ledger: ledger.csv\ntarget_year: 2022/23\nunlisted_lines: hold_latest\n", budgets: nil)
        let bad = try PlannerRun(["check", "scenario.yaml"], in: typo)
        #expect(bad.result.exitCode == 1)
        #expect(bad.result.standardError.contains("scenario.yaml:3: unlisted_lines 'hold_latest' is not one of error, hold_latest_budget"))
    }
}
