import Foundation
import Testing
import _TestSupport

@Suite("planner forecast, check, init (golden files)")
struct ForecastCommandTests {
    @Test("`planner` with no arguments forecasts the bundled scenario from any working directory")
    func noArguments() throws {
        let run = try PlannerRun([])
        #expect(run.result.exitCode == 0)
        #expect(run.result.standardError.isEmpty)
        #expect(GoldenFile.check(run.transcript, named: "planner-no-arguments.txt") == nil)
        let explicit = try PlannerRun(["forecast"], in: URL(fileURLWithPath: "/"))
        #expect(explicit.result.standardOutput == run.result.standardOutput)
    }

    @Test("each format of the bundled forecast", arguments: ["table", "csv", "json", "markdown"])
    func formats(format: String) throws {
        let run = try PlannerRun(["forecast", "--format", format])
        #expect(run.result.exitCode == 0)
        #expect(GoldenFile.check(run.transcript, named: "forecast-bundled-\(format).txt") == nil)
    }

    @Test("a scenario file on disk with growth, a one-off change and inflation")
    func scenarioFile() throws {
        let folder = try PlannerRun.folderWithBundledFiles(editing: [
            "scenario-2022-23.yaml": {
                $0.replacingOccurrences(of: "  inflation: 0%", with: "  inflation: 5%")
                    .replacingOccurrences(of: "    budget: £1,514,590", with: "    budget: £2.9m\n    change: -250k\n    note: \"=cmd|' /C calc'!A0\"")
            },
        ])
        let run = try PlannerRun(["forecast", "scenario-2022-23.yaml", "--format", "csv"], in: folder)
        #expect(run.result.exitCode == 0)
        #expect(GoldenFile.check(run.transcript, named: "forecast-scenario-file-csv.txt") == nil)
    }

    @Test("a ledger with four years of budget and actual: the budget-execution model on each line's record against budget")
    func multiYearLedger() throws {
        let folder = try PlannerRun.scratchFolder()
        let ledger = """
        line,year,budget,actual
        Licences,2018/19,"500,000","560,000"
        Licences,2019/20,"520,000","590,000"
        Licences,2020/21,"560,000","615,000"
        Licences,2021/22,"600,000","650,000"
        Hardware,2018/19,"900,000","700,000"
        Hardware,2019/20,"900,000","760,000"
        Hardware,2020/21,"950,000","720,000"
        Hardware,2021/22,"950,000","800,000"

        """
        let scenario = """
        ledger: ledger.csv
        target_year: 2022/23
        lines:
          Licences: 650k
          Hardware: £950,000
        assumptions:
          inflation: 3%

        """
        try Data(ledger.utf8).write(to: folder.appendingPathComponent("ledger.csv"))
        try Data(scenario.utf8).write(to: folder.appendingPathComponent("scenario.yaml"))
        let run = try PlannerRun(["forecast", "scenario.yaml", "--format", "markdown"], in: folder)
        #expect(run.result.exitCode == 0)
        #expect(run.result.standardOutput.contains("usually spends"))
        #expect(GoldenFile.check(run.transcript, named: "forecast-multi-year-markdown.txt") == nil)
    }

    @Test("a typo in a line name exits 1 with FILE:LINE and did-you-mean; no output file is left")
    func lineTypo() throws {
        let folder = try PlannerRun.folderWithBundledFiles(editing: [
            "scenario-2022-23.yaml": { $0.replacingOccurrences(of: "  Airwave:", with: "  Airwaves:") },
        ])
        let run = try PlannerRun(["forecast", "scenario-2022-23.yaml", "--output", "forecast.json", "--format", "json"],
                                 in: folder)
        #expect(run.result.exitCode == 1)
        #expect(run.result.standardError.hasPrefix("scenario-2022-23.yaml:22: "))
        #expect(run.result.standardError.contains("did you mean 'Airwave'?"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("forecast.json").path))
        #expect(GoldenFile.check(run.transcript, named: "forecast-line-typo.txt") == nil)
    }

    @Test("a garbled amount in the scenario's ledger exits 1 naming the ledger line")
    func garbledLedger() throws {
        let folder = try PlannerRun.folderWithBundledFiles(editing: [
            "ledger.csv": { $0.replacingOccurrences(of: "763042,523233", with: "763042,76304O") },
        ])
        let run = try PlannerRun(["forecast", "scenario-2022-23.yaml"], in: folder)
        #expect(run.result.exitCode == 1)
        #expect(GoldenFile.check(run.transcript, named: "forecast-garbled-ledger.txt") == nil)
    }

    @Test("--output refuses to overwrite the scenario, the ledger or the activity file",
          arguments: ["scenario-2022-23.yaml", "ledger.csv", "./activity.csv"])
    func refusesInputs(target: String) throws {
        let folder = try PlannerRun.folderWithBundledFiles()
        let before = try String(contentsOf: folder.appendingPathComponent(target), encoding: .utf8)
        let run = try PlannerRun(["forecast", "scenario-2022-23.yaml", "--output", target], in: folder)
        #expect(run.result.exitCode == 1)
        #expect(run.result.standardError.contains("refusing to overwrite the input file"))
        #expect(try String(contentsOf: folder.appendingPathComponent(target), encoding: .utf8) == before)
    }

    @Test("forecast output is byte-identical across runs (seeded simulation)")
    func deterministic() throws {
        let first = try PlannerRun(["forecast", "--format", "json"])
        let second = try PlannerRun(["forecast", "--format", "json"])
        #expect(first.result.standardOutput == second.result.standardOutput)
    }

    @Test("check shows what the bundled scenario resolves to; a bad key exits 1")
    func check() throws {
        let folder = try PlannerRun.folderWithBundledFiles()
        let ok = try PlannerRun(["check", "scenario-2022-23.yaml"], in: folder)
        #expect(ok.result.exitCode == 0)
        #expect(GoldenFile.check(ok.transcript, named: "check-bundled.txt") == nil)

        let bad = try PlannerRun.folderWithBundledFiles(editing: [
            "scenario-2022-23.yaml": { $0.replacingOccurrences(of: "  correlation: 0.3", with: "  corelation: 0.3") },
        ])
        let failed = try PlannerRun(["check", "scenario-2022-23.yaml"], in: bad)
        #expect(failed.result.exitCode == 1)
        #expect(GoldenFile.check(failed.transcript, named: "check-unknown-key.txt") == nil)
    }

    @Test("YAML syntax errors and wrong types exit 1 with FILE:LINE", arguments: [
        ("check-yaml-syntax.txt", "    budget: £763,042", "    budget: [£763,042"),
        ("check-wrong-type.txt", "  inflation: 0%", "  inflation: [5%]"),
        ("check-garbled-budget.txt", "    budget: £1,838,691", "    budget: £1,838,69l"),
    ])
    func scenarioErrors(golden: String, find: String, replace: String) throws {
        let folder = try PlannerRun.folderWithBundledFiles(editing: [
            "scenario-2022-23.yaml": { $0.replacingOccurrences(of: find, with: replace) },
        ])
        let run = try PlannerRun(["check", "scenario-2022-23.yaml"], in: folder)
        #expect(run.result.exitCode == 1)
        #expect(run.result.standardOutput.isEmpty)
        #expect(GoldenFile.check(run.transcript, named: golden) == nil)
    }

    @Test("init writes a template that check accepts; it refuses to overwrite the ledger")
    func initTemplate() throws {
        let folder = try PlannerRun.folderWithBundledFiles()
        let printed = try PlannerRun(["init", "ledger.csv"], in: folder)
        #expect(printed.result.exitCode == 0)
        #expect(GoldenFile.check(printed.transcript, named: "init-bundled-ledger.txt") == nil)
        let written = try PlannerRun(["init", "ledger.csv", "--output", "mine.yaml"], in: folder)
        #expect(written.result.exitCode == 0)
        #expect(try PlannerRun(["check", "mine.yaml"], in: folder).result.exitCode == 0)
        #expect(try PlannerRun(["init", "ledger.csv", "--output", "ledger.csv"], in: folder).result.exitCode == 1)
    }

    @Test("usage errors exit 64", arguments: [["forecast", "--format", "pdf"], ["init"], ["--bogus-flag"]])
    func usage(arguments: [String]) throws {
        #expect(try PlannerRun(arguments).result.exitCode == 64)
    }
}
