import Foundation
import Testing
import _TestSupport

@Suite("planner writes FILE.run.json beside --output FILE")
struct RunRecordCommandTests {
    /// SHA-256 by coreutils' sha256sum: an independent implementation.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    @Test("forecast --output f.csv: the CSV is unchanged, f.run.json holds the inputs' SHA-256 (as sha256sum), the assumptions, seed and OUTTURN_RUN_DATE")
    func forecastRecord() throws {
        let folder = try PlannerRun.folderWithBundledFiles()
        var environment = ProcessInfo.processInfo.environment
        environment["OUTTURN_RUN_DATE"] = "2026-11-30"
        let run = try PlannerProcess.run(["forecast", "scenario-2022-23.yaml", "--output", "f.csv"], workingDirectory: folder,
                                         environment: environment)
        #expect(run.exitCode == 0, "\(run.standardError)")
        let stdout = try PlannerProcess.run(["forecast", "scenario-2022-23.yaml", "--format", "csv"], workingDirectory: folder)
        #expect(try Data(contentsOf: folder.appendingPathComponent("f.csv")) == Data(stdout.standardOutput.utf8))
        let data = try Data(contentsOf: folder.appendingPathComponent("f.run.json"))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(record["command"] as? String == "forecast")
        #expect(record["runDate"] as? String == "2026-11-30T00:00:00Z")
        #expect(record["seed"] as? Int == 20220401)
        let inputs = try #require(record["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["role"] as? String } == ["scenario", "ledger", "activity"])
        for input in inputs {
            let path = try #require(input["path"] as? String)
            #expect(input["sha256"] as? String == (try Self.sha256sum(folder.appendingPathComponent(path).path)), "\(path)")
        }
        let assumptions = try #require(record["assumptions"] as? [String: String])
        #expect(assumptions["target_year"] == "2022/23")
        #expect(assumptions["simulation.seed"] == "20220401")
        // The same inputs and run date give the same record, byte for byte.
        _ = try PlannerProcess.run(["forecast", "scenario-2022-23.yaml", "--output", "g.csv"], workingDirectory: folder,
                                   environment: environment)
        #expect(try Data(contentsOf: folder.appendingPathComponent("g.run.json")) == data)
    }

    @Test("no --output, no record; a bad OUTTURN_RUN_DATE is an error naming it")
    func noOutputNoRecord() throws {
        let folder = try PlannerRun.scratchFolder()
        let run = try PlannerProcess.run(["variance"], workingDirectory: folder)
        #expect(run.exitCode == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        var environment = ProcessInfo.processInfo.environment
        environment["OUTTURN_RUN_DATE"] = "yesterday"
        let bad = try PlannerProcess.run(["variance", "--output", "v.csv"], workingDirectory: folder, environment: environment)
        #expect(bad.exitCode == 1)
        #expect(bad.standardError.contains("OUTTURN_RUN_DATE: 'yesterday' is not a date"), "\(bad.standardError)")
        environment["OUTTURN_RUN_DATE"] = "2026-11-30"
        let good = try PlannerProcess.run(["variance", "--output", "v.csv"], workingDirectory: folder, environment: environment)
        #expect(good.exitCode == 0)
        let record = try String(contentsOf: folder.appendingPathComponent("v.run.json"), encoding: .utf8)
        #expect(record.contains("\"path\": \"bundled:ledger.csv (bundled)\""))
        #expect(record.contains("\"command\": \"variance\""))
    }
}

extension RunRecordCommandTests {
    @Test("evaluate --output scores.md writes Markdown and scores.run.json with the history's SHA-256")
    func evaluateRecord() throws {
        let folder = try EvaluateCommandTests.folder()
        var environment = ProcessInfo.processInfo.environment
        environment["OUTTURN_RUN_DATE"] = "2026-11-30"
        let run = try PlannerProcess.run(["evaluate", "history.csv", "--output", "scores.md"], workingDirectory: folder,
                                         environment: environment)
        #expect(run.exitCode == 0, "\(run.standardError)")
        let markdown = try String(contentsOf: folder.appendingPathComponent("scores.md"), encoding: .utf8)
        #expect(markdown.contains("|"))
        let data = try Data(contentsOf: folder.appendingPathComponent("scores.run.json"))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let inputs = try #require(record["inputs"] as? [[String: Any]])
        #expect(inputs.first?["sha256"] as? String == (try Self.sha256sum(folder.appendingPathComponent("history.csv").path)))
        #expect(record["command"] as? String == "evaluate")
    }
}
