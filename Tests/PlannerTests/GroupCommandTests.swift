import Foundation
import Testing
import _TestSupport

/// `planner forecast` on a grouped ledger (datasets/council-groups, synthetic): the group subtotals
/// in every format, `--level`, and the errors of the group column.
@Suite("planner forecast with group roll-ups (golden files, JSON, html, xlsx)")
struct GroupCommandTests {
    /// A temporary folder holding the council files, the ledger optionally edited.
    static func councilFolder(editingLedger edit: (String) -> String = { $0 }) throws -> URL {
        let folder = try PlannerRun.scratchFolder()
        try Data(edit(try Datasets.text("council-groups/ledger.csv")).utf8).write(to: folder.appendingPathComponent("ledger.csv"))
        try Data(try Datasets.text("council-groups/scenario-2024-25.yaml").utf8)
            .write(to: folder.appendingPathComponent("scenario-2024-25.yaml"))
        return folder
    }

    /// Each line's group path from the ledger file, read here without the planner (the file has no quoted fields).
    static func ledgerGroups() throws -> [String: String] {
        var groups: [String: String] = [:]
        for row in try Datasets.text("council-groups/ledger.csv").split(separator: "\n").dropFirst() {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            groups[fields[0]] = fields[4]
        }
        return groups
    }

    static func pence(_ any: Any?) -> Int64? { ((any as? NSNumber)?.doubleValue).map { Int64(($0 * 100).rounded()) } }

    @Test("each format of the grouped forecast", arguments: [
        ["forecast", "scenario-2024-25.yaml"],
        ["forecast", "scenario-2024-25.yaml", "--level", "1", "--format", "csv"],
        ["forecast", "scenario-2024-25.yaml", "--level", "2", "--format", "json"],
        ["forecast", "scenario-2024-25.yaml", "--level", "1", "--format", "markdown"],
    ])
    func goldenFiles(arguments: [String]) throws {
        let run = try PlannerRun(arguments, in: try Self.councilFolder())
        #expect(run.result.exitCode == 0, "\(run.result.standardError)")
        let name = "forecast-council-groups" + (arguments.count > 2 ? "-level\(arguments[3])-\(arguments[5])" : "-table") + ".txt"
        #expect(GoldenFile.check(run.transcript, named: name) == nil)
    }

    @Test("the JSON's group budgets and projections are the sums of their lines', at every level, by the ledger's own group column")
    func groupsSumTheirLines() throws {
        let folder = try Self.councilFolder()
        let json = try DocumentFormatTests.json(["forecast", "scenario-2024-25.yaml"], in: folder)
        let lines = try #require(json["lines"] as? [[String: Any]]), groups = try #require(json["groups"] as? [[String: Any]])
        let pathOf = try Self.ledgerGroups()
        try #require(lines.count == 20 && groups.count == 29)
        for group in groups {
            let path = try #require(group["group"] as? String)
            let members = lines.filter { line in
                let own = pathOf[line["line"] as! String]!.lowercased()
                return own == path.lowercased() || own.hasPrefix(path.lowercased() + "/")
            }
            #expect(group["lines"] as? Int == members.count && !members.isEmpty, "\(path)")
            #expect(Self.pence(group["budget"]) == members.map { Self.pence($0["budget"])! }.reduce(0, +), "\(path)")
            #expect(Self.pence(group["projected"]) == members.map { Self.pence($0["projected"])! }.reduce(0, +), "\(path)")
            #expect(group["level"] as? Int == path.split(separator: "/").count)
            for key in ["interval80", "interval95", "probabilityOfOverspend", "expectedOverspend", "rag"] {
                #expect(group[key] != nil, "\(path) has no \(key)")
            }
        }
        let total = try #require(json["total"] as? [String: Any])
        #expect(Self.pence(total["budget"]) == lines.map { Self.pence($0["budget"])! }.reduce(0, +))
    }

    @Test("--level N shows the groups down to level N and no lines, with the same figures as the full report")
    func levelFilters() throws {
        let folder = try Self.councilFolder()
        let full = try DocumentFormatTests.json(["forecast", "scenario-2024-25.yaml"], in: folder)
        for level in 1...4 {
            let json = try DocumentFormatTests.json(["forecast", "scenario-2024-25.yaml", "--level", String(level)], in: folder)
            #expect((json["lines"] as? [Any])?.isEmpty == true)
            let groups = try #require(json["groups"] as? [[String: Any]])
            let expected = try #require(full["groups"] as? [[String: Any]]).filter { ($0["level"] as! Int) <= level }
            #expect(groups.map { $0["group"] as! String } == expected.map { $0["group"] as! String })
            #expect(groups.map { Self.pence($0["budgetNeeded"]) } == expected.map { Self.pence($0["budgetNeeded"]) })
            #expect(NSDictionary(dictionary: json["total"] as! [String: Any]).isEqual(to: full["total"] as! [String: Any]))
        }
    }

    @Test("--level 0 is a usage error; --level with an ungrouped ledger is an error naming the ledger")
    func levelErrors() throws {
        let zero = try PlannerRun(["forecast", "--level", "0"])
        #expect(zero.result.exitCode == 64 && zero.result.standardError.contains("--level must be 1 or more"))
        let ungrouped = try PlannerRun(["forecast", "--level", "1"])
        #expect(ungrouped.result.exitCode == 1)
        #expect(ungrouped.result.standardError.contains("--level 1 needs groups, and the ledger has no 'group' column"))
    }

    @Test("a line in different groups in different years, or a path with an empty part, stops with FILE:LINE")
    func groupColumnErrors() throws {
        let moved = try PlannerRun(["forecast", "scenario-2024-25.yaml"], in: try Self.councilFolder {
            $0.replacingOccurrences(
                of: "\nWinter gritting,2023/24,(.*),Place/Highways/Winter\n", with: "\nWinter gritting,2023/24,$1,Place/Highways\n",
                options: .regularExpression)
        })
        #expect(moved.result.exitCode == 1)
        #expect(moved.result.standardError.hasPrefix("ledger.csv:61: line 'Winter gritting' is in group 'Place/Highways' here but in group 'Place/Highways/Winter' on line 57"),
                "\(moved.result.standardError)")
        let empty = try PlannerRun(["forecast", "scenario-2024-25.yaml"], in: try Self.councilFolder {
            $0.replacingOccurrences(of: "Resources/ICT/Licences", with: "Resources//Licences")
        })
        #expect(empty.result.exitCode == 1)
        #expect(empty.result.standardError.hasPrefix("ledger.csv:87: group 'Resources//Licences' has an empty part"), "\(empty.result.standardError)")
    }

    @Test("the grouped html report renders in Chromium with every group's projected spend from the JSON",
          .enabled(if: ExternalTools.chromium != nil || ExternalTools.required))
    func groupedHTML() throws {
        let folder = try Self.councilFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PlannerRun(["forecast", "scenario-2024-25.yaml", "--format", "html", "--output", "report.html"], in: folder)
        #expect(run.result.exitCode == 0, "\(run.result.standardError)")
        let text = try DocumentFormatTests.renderedText(folder.appendingPathComponent("report.html"), folder: folder)
        let json = try DocumentFormatTests.json(["forecast", "scenario-2024-25.yaml"], in: folder)
        for group in try #require(json["groups"] as? [[String: Any]]) {
            let path = try #require(group["group"] as? String)
            #expect(text.contains("Group: " + path), "\(path) is missing")
            let projected = try #require((group["projected"] as? NSNumber)?.doubleValue)
            #expect(text.contains(DocumentFormatTests.pounds(projected)), "\(path): \(DocumentFormatTests.pounds(projected)) is missing")
        }
    }

    @Test("with --level the page has the groups and the total, no empty fan-chart section and no line counts")
    func levelPage() throws {
        let folder = try Self.councilFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PlannerRun(["forecast", "scenario-2024-25.yaml", "--level", "1", "--format", "html", "--output", "r.html"], in: folder)
        #expect(run.result.exitCode == 0, "\(run.result.standardError)")
        let html = try String(contentsOf: folder.appendingPathComponent("r.html"), encoding: .utf8)
        for top in ["Adults", "Children", "Place", "Resources"] { #expect(html.contains("Group: " + top)) }
        #expect(!html.contains("Group: Adults/"))
        #expect(!html.contains("Projections") && !html.contains("0 lines"))
    }

    @Test("the grouped workbook holds each group's row after the lines, its projection a number equal to the JSON's",
          .enabled(if: ExternalTools.python != nil || ExternalTools.required))
    func groupedWorkbook() throws {
        let folder = try Self.councilFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PlannerRun(["forecast", "scenario-2024-25.yaml", "--level", "2", "--format", "xlsx", "--output", "f.xlsx"], in: folder)
        #expect(run.result.exitCode == 0, "\(run.result.standardError)")
        let records = try DocumentFormatTests.records(try DocumentFormatTests.readWorkbook(folder.appendingPathComponent("f.xlsx"))[0])
        let json = try DocumentFormatTests.json(["forecast", "scenario-2024-25.yaml", "--level", "2"], in: folder)
        let groups = try #require(json["groups"] as? [[String: Any]]), total = try #require(json["total"] as? [String: Any])
        try #require(records.count == groups.count + 1)
        for (record, group) in zip(records, groups) {
            #expect((record["Line"] as? [String: Any])?["value"] as? String == "Group: " + (group["group"] as! String))
            #expect(Self.pence((record["Projected"] as? [String: Any])?["value"]) == Self.pence(group["projected"]))
            #expect((record["RAG"] as? [String: Any])?["value"] as? String == group["rag"] as? String)
        }
        #expect(Self.pence((records.last?["Projected"] as? [String: Any])?["value"]) == Self.pence(total["projected"]))
    }
}
