import Foundation
import Testing
import _TestSupport

/// Issue 9: the command line behaves as a person expects (each through the built binary).
@Suite("planner command-line behaviours")
struct CommandLineBehaviourTests {
    @Test("a mistyped command gets a suggestion and exit 64, not 'cannot read'", arguments: [
        ("forcast", "forecast"), ("varience", "variance"), ("chek", "check"), ("backtst", "backtest"),
    ])
    func mistypedCommand(typed: String, meant: String) throws {
        let run = try PlannerRun([typed])
        #expect(run.result.exitCode == 64)
        #expect(run.result.standardOutput.isEmpty)
        #expect(run.result.standardError.contains("unknown command '\(typed)' (did you mean '\(meant)'?)"))
        #expect(!run.result.standardError.contains("cannot read"))
    }

    @Test("a scenario file whose name looks like a command is still read as a scenario")
    func scenarioNamedLikeACommand() throws {
        let folder = try PlannerRun.folderWithBundledFiles()
        try FileManager.default.copyItem(at: folder.appendingPathComponent("scenario-2022-23.yaml"),
                                         to: folder.appendingPathComponent("forcast"))
        let run = try PlannerRun(["forcast"], in: folder)
        #expect(run.result.exitCode == 0)
        #expect(run.result.standardError.isEmpty)
        #expect(run.result.standardOutput.hasPrefix("Forecast 2022/23"))
    }

    @Test("backtest --method naming no method is a usage error", arguments: ["", ",", " , "])
    func emptyMethod(method: String) throws {
        let folder = try PlannerRun.scratchFolder()
        try Data("series,period,value\na,1,1\na,2,2\na,3,3\na,4,4\n".utf8).write(to: folder.appendingPathComponent("s.csv"))
        let run = try PlannerRun(["backtest", "s.csv", "--horizon", "1", "--method", method], in: folder)
        #expect(run.result.exitCode == 64)
        #expect(run.result.standardOutput.isEmpty)
        #expect(run.result.standardError.contains("--method names no method"))
    }

    @Test("init --output refuses an existing file (exit 1) unless --force, which replaces it whole")
    func initRefusesToOverwrite() throws {
        let folder = try PlannerRun.folderWithBundledFiles()
        let target = folder.appendingPathComponent("mine.yaml")
        let edited = "# my edited scenario\n"
        try Data(edited.utf8).write(to: target)
        let refused = try PlannerRun(["init", "ledger.csv", "--output", "mine.yaml"], in: folder)
        #expect(refused.result.exitCode == 1)
        #expect(refused.result.standardError == "mine.yaml: already exists; not replaced\n  hint: add --force to replace it, or choose another --output\n")
        #expect(try String(contentsOf: target, encoding: .utf8) == edited)
        let forced = try PlannerRun(["init", "ledger.csv", "--output", "mine.yaml", "--force"], in: folder)
        #expect(forced.result.exitCode == 0)
        #expect(try String(contentsOf: target, encoding: .utf8) == (try PlannerRun(["init", "ledger.csv"], in: folder)).result.standardOutput)
        // The ledger itself stays refused, --force or not.
        let overLedger = try PlannerRun(["init", "ledger.csv", "--output", "ledger.csv", "--force"], in: folder)
        #expect(overLedger.result.exitCode == 1)
        #expect(overLedger.result.standardError.contains("refusing to overwrite the input file"))
    }

    @Test("check with no argument checks the bundled scenario, as forecast does")
    func checkBundled() throws {
        let bare = try PlannerRun(["check"])
        #expect(bare.result.exitCode == 0)
        let folder = try PlannerRun.folderWithBundledFiles()
        let onDisk = try PlannerRun(["check", "scenario-2022-23.yaml"], in: folder)
        #expect(onDisk.result.exitCode == 0)
        // The same resolution; only the file names differ ("(bundled)").
        #expect(bare.result.standardOutput.replacingOccurrences(of: " (bundled)", with: "")
                == onDisk.result.standardOutput)
    }

    @Test("--materiality-percent is written like the scenario's rates: 5% and 5 agree")
    func materialityPercentAsRate() throws {
        let percent = try PlannerRun(["variance", "--materiality-percent", "5%"])
        let bare = try PlannerRun(["variance", "--materiality-percent", "5"])
        #expect(percent.result.exitCode == 0)
        #expect(percent.result.standardOutput == bare.result.standardOutput)
        // 5% differs from the default 1% somewhere, so the option is really read.
        let wide = try PlannerRun(["variance", "--materiality-percent", "100%"])
        #expect(wide.result.standardOutput != (try PlannerRun(["variance"])).result.standardOutput)
    }

    @Test("--materiality-percent refuses what the scenario's rate reader refuses", arguments: [
        "0x1p-3", "inf", "nan", "5e-2", "", "%", "101%", "-1%", "5%%",
    ])
    func materialityPercentRefused(text: String) throws {
        let run = try PlannerRun(["variance", "--materiality-percent", text])
        #expect(run.result.exitCode == 64)
        #expect(run.result.standardOutput.isEmpty)
        #expect(run.result.standardError.contains("--materiality-percent"))
    }
}
