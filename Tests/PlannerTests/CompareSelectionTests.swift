import Foundation
import Testing
import _TestSupport

/// `planner compare --sort/--only`: orders on scenario B's figures, keeps a line when either
/// scenario's status is asked for, and never changes the totals.
@Suite("planner compare --sort and --only")
struct CompareSelectionTests {
    /// The line names of a comparison's or forecast's JSON, in order.
    static func names(_ json: [String: Any]) throws -> [String] {
        try #require(json["lines"] as? [[String: Any]]).map { try #require($0["line"] as? String) }
    }

    /// A folder with the bundled files and the bundled reset scenario (B) on disk.
    static func folder() throws -> URL {
        let folder = try PlannerRun.folderWithBundledFiles()
        try Data(try Datasets.text("gwent-ict/scenario-2022-23-reset.yaml").utf8)
            .write(to: folder.appendingPathComponent("scenario-2022-23-reset.yaml"))
        return folder
    }

    @Test("each --sort orders the lines as `planner forecast --sort` orders scenario B's, and the total is unchanged",
          arguments: ["risk", "line", "budget", "overspend"])
    func sortFollowsScenarioB(order: String) throws {
        let folder = try Self.folder()
        let pair = ["scenario-2022-23.yaml", "scenario-2022-23-reset.yaml"]
        let plain = try CompareCommandTests.json(pair, in: folder)
        let sorted = try CompareCommandTests.json(pair + ["--sort", order], in: folder)
        // The forecast command's --sort on B alone is an independent implementation of each order.
        let forecastB = try DocumentFormatTests.json(["forecast", "scenario-2022-23-reset.yaml", "--sort", order], in: folder)
        #expect(try Self.names(sorted) == Self.names(forecastB))
        #expect(try Self.names(sorted).sorted() == Self.names(plain).sorted())
        #expect(NSDictionary(dictionary: try #require(sorted["total"] as? [String: Any]))
                == NSDictionary(dictionary: try #require(plain["total"] as? [String: Any])))
        if order == "risk" {
            let risks = try #require(sorted["lines"] as? [[String: Any]]).map {
                try CompareCommandTests.number(try CompareCommandTests.side($0, "b")["probabilityOfOverspend"])
            }
            #expect(risks == risks.sorted(by: >))
        }
    }

    @Test("--only red keeps exactly the lines red in A or in B; the table says what is shown and counts every line's status")
    func onlyEitherScenario() throws {
        let plain = try CompareCommandTests.json([])
        let red = try CompareCommandTests.json(["--only", "red"])
        let lines = try #require(plain["lines"] as? [[String: Any]])
        func isRed(_ line: [String: Any], _ key: String) -> Bool { (line[key] as? [String: Any])?["rag"] as? String == "red" }
        let expected = lines.filter { isRed($0, "a") || isRed($0, "b") }.map { $0["line"] as! String }
        #expect(!expected.isEmpty && expected.count < lines.count, "the bundled pair must have red and non-red lines")
        #expect(try Self.names(red) == expected)
        #expect(NSDictionary(dictionary: try #require(red["total"] as? [String: Any]))
                == NSDictionary(dictionary: try #require(plain["total"] as? [String: Any])))

        let table = try PlannerRun(["compare", "--only", "red", "--sort", "risk"])
        #expect(table.result.exitCode == 0, "\(table.result.standardError)")
        func count(_ key: String, _ rag: String) -> Int { lines.filter { ($0[key] as? [String: Any])?["rag"] as? String == rag }.count }
        let counts = ["a", "b"].map { key in ["red", "amber", "green"].map { "\($0) \(count(key, $0))" }.joined(separator: ", ") }
        #expect(table.result.standardOutput.contains(
            "Shown: red lines only (in A or B; \(expected.count) of \(lines.count)), sorted by risk (B's figures); "
                + "the Total row is of all \(lines.count) lines. Lines by status: A \(counts[0]); B \(counts[1])."),
                "\(table.result.standardOutput)")
        // Without --sort/--only there is no such note.
        #expect(!(try PlannerRun(["compare"]).result.standardOutput.contains("Shown:")))
    }

    @Test("a line only scenario A has (a new line) is kept by its A status and sorted by its A figures")
    func lineOnlyInA() throws {
        let folder = try Self.folder()
        let scenario = try String(contentsOf: folder.appendingPathComponent("scenario-2022-23.yaml"), encoding: .utf8)
        let withNewLine = scenario.replacingOccurrences(of: "\nlines:\n", with: "\nlines:\n  Early Help Hubs:\n    budget: £1,600,000\n    new: true\n")
        try #require(withNewLine != scenario)
        try Data(withNewLine.utf8).write(to: folder.appendingPathComponent("a.yaml"))
        let pair = ["a.yaml", "scenario-2022-23-reset.yaml"]
        let plain = try CompareCommandTests.json(pair, in: folder)
        let lines = try #require(plain["lines"] as? [[String: Any]])
        let hubs = try #require(lines.first { $0["line"] as? String == "Early Help Hubs" })
        #expect(hubs["b"] is NSNull)
        let statusA = try #require((hubs["a"] as? [String: Any])?["rag"] as? String)
        #expect(try Self.names(try CompareCommandTests.json(pair + ["--only", statusA], in: folder)).contains("Early Help Hubs"))
        // Sorted by budget: its A budget (£1,600,000) among the others' B budgets.
        let byBudget = try CompareCommandTests.json(pair + ["--sort", "budget"], in: folder)
        let budgets = try #require(byBudget["lines"] as? [[String: Any]]).map { line in
            try CompareCommandTests.number(try CompareCommandTests.side(line, line["b"] is NSNull ? "a" : "b")["budget"])
        }
        #expect(budgets == budgets.sorted(by: >))
        #expect(budgets.contains(1_600_000) && budgets.count == 6)
    }

    /// A JSON whole number as an Int (nil for anything else).
    static func int(_ any: Any?) -> Int? { (any as? NSNumber)?.intValue }

    @Test("JSON's `selection` says what --sort and --only selected (typed keys, counts from the unselected comparison); absent without them")
    func selectionInJSON() throws {
        let plain = try CompareCommandTests.json([])
        #expect(plain["selection"] == nil, "no selection asked for, so no `selection` key")
        let lines = try #require(plain["lines"] as? [[String: Any]])
        // Every count below is recomputed from the comparison without a selection.
        func status(_ line: [String: Any], _ key: String) -> String? { (line[key] as? [String: Any])?["rag"] as? String }
        func counts(_ key: String) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: ["red", "amber", "green"].map { rag in (rag, lines.filter { status($0, key) == rag }.count) })
        }
        let keptByAmberOrGreen = lines.filter { line in ["a", "b"].contains { ["amber", "green"].contains(status(line, $0)) } }.count

        // Statuses named in any order and case come back in red, amber, green order.
        let both = try CompareCommandTests.json(["--only", "Green,amber", "--sort", "overspend"])
        let selection = try #require(both["selection"] as? [String: Any], "\(both.keys.sorted())")
        #expect(selection["sort"] as? String == "overspend")
        #expect(selection["only"] as? [String] == ["amber", "green"])
        #expect(Self.int(selection["shown"]) == keptByAmberOrGreen)
        #expect(Self.int(selection["shown"]) == (both["lines"] as? [Any])?.count)
        #expect(Self.int(selection["of"]) == lines.count)
        let statuses = try #require(selection["statuses"] as? [String: Any])
        for key in ["a", "b"] {
            let side = try #require(statuses[key] as? [String: Any])
            #expect(side.mapValues(Self.int) == counts(key).mapValues { Optional($0) }, "\(key): \(side)")
        }
        // `run` stays the last key; `selection` comes just before it.
        let text = try PlannerRun(["compare", "--only", "amber", "--format", "json"]).result.standardOutput
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.dropFirst(3).prefix { $0 != "\"" } }
        #expect(keys.suffix(2) == ["selection", "run"], "\(keys)")

        // --sort alone: every line shown, `only` null.
        let sorted = try CompareCommandTests.json(["--sort", "line"])
        let sortOnly = try #require(sorted["selection"] as? [String: Any])
        #expect(sortOnly["sort"] as? String == "line")
        #expect(sortOnly["only"] is NSNull)
        #expect(Self.int(sortOnly["shown"]) == lines.count && Self.int(sortOnly["of"]) == lines.count)
        // --only alone: `sort` null.
        let red = try #require(try CompareCommandTests.json(["--only", "red"])["selection"] as? [String: Any])
        #expect(red["sort"] is NSNull && red["only"] as? [String] == ["red"])
    }

    @Test("--only with a word that is not a status, or --sort with an unknown order, is a usage error (exit 64)")
    func usageErrors() throws {
        let only = try PlannerRun(["compare", "--only", "red,orange"])
        #expect(only.result.exitCode == 64)
        #expect(only.result.standardError.contains("'orange' is not red, amber or green"), "\(only.result.standardError)")
        let sort = try PlannerRun(["compare", "--sort", "size"])
        #expect(sort.result.exitCode == 64)
    }
}
