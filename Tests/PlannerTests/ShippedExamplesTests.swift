import Foundation
import Testing
import _TestSupport

/// Issue 9: what the shipped files show a user works when they use it.
@Suite("shipped examples and documented output")
struct ShippedExamplesTests {
    /// A commented `key: value` example line (`    # growth: 2%`), as opposed to prose.
    static var example: Regex<(Substring, Substring, Substring, Substring?)> { /^(\s*)# ([a-z_]+:( .*)?)$/ }

    /// The commented examples of `text`: each line number (0-based) and the text with that one line
    /// uncommented (the `# ` removed, so the example takes the indentation it is shown at).
    static func uncommentedOneAtATime(_ text: String) -> [(line: Int, text: String)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.indices.compactMap { index in
            guard let match = lines[index].wholeMatch(of: example) else { return nil }
            var edited = lines
            edited[index] = String(match.1) + String(match.2)
            return (index, edited.joined(separator: "\n"))
        }
    }

    /// A folder with the bundled files and a budgets CSV, for examples that name one
    /// (`budgets: budgets.csv`: the template says to give one).
    static func folder() throws -> URL {
        let folder = try PlannerRun.folderWithBundledFiles()
        let budgets = "line,budget\nSRS Collaboration,\"4,625,473\"\nAirwave,\"763,042\"\nDevolved Force Budgets,\"1,514,590\"\nNational ICT Services,\"1,026,146\"\nDSD,\"1,838,691\"\n"
        try Data(budgets.utf8).write(to: folder.appendingPathComponent("budgets.csv"))
        return folder
    }

    static func checkEach(_ text: String, source: String, minimum: Int) throws {
        let examples = uncommentedOneAtATime(text)
        #expect(examples.count >= minimum, "\(source): expected at least \(minimum) commented examples, found \(examples.count)")
        let folder = try folder()
        for (line, edited) in examples {
            try Data(edited.utf8).write(to: folder.appendingPathComponent("example.yaml"))
            let run = try PlannerRun(["check", "example.yaml"], in: folder)
            #expect(run.result.exitCode == 0, "\(source):\(line + 1) uncommented: \(run.result.standardError)")
        }
    }

    @Test("every commented example in the bundled scenario works when uncommented")
    func bundledScenarioExamples() throws {
        for url in try FileManager.default.contentsOfDirectory(at: Datasets.url("gwent-ict"), includingPropertiesForKeys: nil)
        where url.pathExtension == "yaml" {
            // The held-at-2021/22 scenario shows growth and a one-off change on Airwave; the reset
            // scenario (for `compare`) need not show any, but whatever it shows must work.
            let minimum = url.lastPathComponent == "scenario-2022-23.yaml" ? 2 : 0
            try Self.checkEach(String(contentsOf: url, encoding: .utf8), source: url.lastPathComponent, minimum: minimum)
        }
    }

    @Test("every commented example in the init template works when uncommented")
    func initTemplateExamples() throws {
        let folder = try Self.folder()
        let template = try PlannerRun(["init", "ledger.csv"], in: folder)
        #expect(template.result.exitCode == 0)
        // activity, budgets, unlisted_lines, and growth, change and note of each of the five lines.
        try Self.checkEach(template.result.standardOutput, source: "init template", minimum: 18)
    }

    @Test("a one-off change with its note, and amounts with thousands separators in a flow mapping")
    func changeWithNote() throws {
        let fixedFolder = try PlannerRun.folderWithBundledFiles(editing: [
            "scenario-2022-23.yaml": {
                $0.replacingOccurrences(of: "    budget: £763,042\n",
                                        with: "    budget: £763,042\n    change: { amount: -1,250,000, note: \"contract renegotiated, 1,000 handsets\" }\n")
                    .replacingOccurrences(of: "    budget: £1,838,691\n", with: "    budget: £1,838,691\n    change: {amount: (1,234)}\n")
            },
        ])
        let run = try PlannerRun(["check", "scenario-2022-23.yaml"], in: fixedFolder)
        #expect(run.result.exitCode == 0, "\(run.result.standardError)")
        #expect(run.result.standardOutput.contains("£1,250,000"))
        #expect(run.result.standardOutput.contains("contract renegotiated, 1,000 handsets"))
        #expect(run.result.standardOutput.contains("£1,234"))
    }

    /// Every fenced block in `file` whose first line is `$ planner …`: the arguments and the text
    /// shown under them.
    static func sampleBlocks(in file: String) throws -> [(arguments: [String], output: String)] {
        let text = try String(contentsOf: Datasets.repositoryRoot.appendingPathComponent(file), encoding: .utf8)
        var blocks: [(arguments: [String], output: String)] = []
        let parts = text.components(separatedBy: "```")
        // Odd-numbered parts are inside fences; a fence's first line is its language tag.
        for index in stride(from: 1, to: parts.count, by: 2) {
            var lines = parts[index].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard lines.count > 1 else { continue }
            lines.removeFirst()
            guard let command = lines.first, command.hasPrefix("$ planner") else { continue }
            let arguments = command.dropFirst("$ planner".count).split(separator: " ").map(String.init)
            blocks.append((arguments, lines.dropFirst().joined(separator: "\n")))
        }
        return blocks
    }

    @Test("the README and docs/planner.md show exactly what the binary prints")
    func documentedOutput() throws {
        var count = 0
        for file in ["README.md", "docs/planner.md"] {
            for block in try Self.sampleBlocks(in: file) {
                count += 1
                let run = try PlannerRun(block.arguments)
                #expect(run.result.exitCode == 0)
                #expect(run.result.standardOutput == block.output,
                        "\(file): `planner \(block.arguments.joined(separator: " "))` prints:\n\(run.result.standardOutput)")
            }
        }
        #expect(count >= 2)
    }
}
