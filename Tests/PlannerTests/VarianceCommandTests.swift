import Foundation
import Testing
import _TestSupport

@Suite("planner variance (golden files)")
struct VarianceCommandTests {
    @Test("each format on the bundled ledger", arguments: ["table", "csv", "json", "markdown"])
    func formats(format: String) throws {
        let run = try PlannerRun(["variance", "--format", format])
        #expect(run.result.exitCode == 0)
        #expect(GoldenFile.check(run.transcript, named: "variance-bundled-\(format).txt") == nil)
    }

    @Test("a ledger file on disk, a chosen year and materiality")
    func ledgerFile() throws {
        let folder = try PlannerRun.folderWithBundledFiles()
        let run = try PlannerRun(["variance", "ledger.csv", "--year", "2021/22", "--materiality-percent", "20",
                                  "--materiality-amount", "£200k"], in: folder)
        #expect(run.result.exitCode == 0)
        #expect(GoldenFile.check(run.transcript, named: "variance-materiality.txt") == nil)
    }

    @Test("a garbled amount (76304O) exits 1 naming file and line, and leaves no output file")
    func garbledAmount() throws {
        let folder = try PlannerRun.folderWithBundledFiles(editing: [
            "ledger.csv": { $0.replacingOccurrences(of: "763042,523233", with: "763042,76304O") },
        ])
        let run = try PlannerRun(["variance", "ledger.csv", "--output", "out.csv", "--format", "csv"], in: folder)
        #expect(run.result.exitCode == 1)
        #expect(run.result.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path))
        #expect(GoldenFile.check(run.transcript, named: "variance-garbled-amount.txt") == nil)
    }

    @Test("--output writes the file and nothing to stdout; it refuses to overwrite the ledger")
    func outputFile() throws {
        let folder = try PlannerRun.folderWithBundledFiles()
        let written = try PlannerRun(["variance", "ledger.csv", "--format", "json", "--output", "v.json"], in: folder)
        #expect(written.result.exitCode == 0)
        #expect(written.result.standardOutput.isEmpty)
        let json = try String(contentsOf: folder.appendingPathComponent("v.json"), encoding: .utf8)
        #expect(json.contains("\"variance\": -79880"))

        let before = try Datasets.text("gwent-ict/ledger.csv")
        let refused = try PlannerRun(["variance", "ledger.csv", "--output", "./sub/../ledger.csv"], in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let refusedAgain = try PlannerRun(["variance", "ledger.csv", "--output", "sub/../ledger.csv"], in: folder)
        #expect(refused.result.exitCode == 1)
        #expect(refusedAgain.result.exitCode == 1)
        #expect(try String(contentsOf: folder.appendingPathComponent("ledger.csv"), encoding: .utf8) == before)
        #expect(GoldenFile.check(refusedAgain.transcript, named: "variance-refuses-input.txt") == nil)
    }

    @Test("usage errors exit 64", arguments: [["variance", "--format", "xml"], ["variance", "--year", "2021/23"],
                                              ["variance", "--bogus"]])
    func usageErrors(arguments: [String]) throws {
        let run = try PlannerRun(arguments)
        #expect(run.result.exitCode == 64)
        #expect(run.result.standardOutput.isEmpty)
    }

    @Test("CSV output neutralises line names a spreadsheet would run as formulas")
    func csvInjection() throws {
        let folder = try PlannerRun.scratchFolder()
        let ledger = "line,year,budget,actual\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2021/22,100,90\n-Contingency,2021/22,\"1,000\",\"(5)\"\n@Grants,2021/22,10,20\n+Other,2021/22,1,1\n"
        try Data(ledger.utf8).write(to: folder.appendingPathComponent("hostile.csv"))
        let run = try PlannerRun(["variance", "hostile.csv", "--format", "csv"], in: folder)
        #expect(run.result.exitCode == 0)
        #expect(GoldenFile.check(run.transcript, named: "variance-csv-injection.txt") == nil)
    }

    @Test("a missing ledger file exits 1")
    func missingFile() throws {
        let run = try PlannerRun(["variance", "nowhere.csv"])
        #expect(run.result.exitCode == 1)
        #expect(GoldenFile.check(run.transcript, named: "variance-missing-file.txt") == nil)
    }
}
