import Foundation
import Testing
import _TestSupport

/// Renaming a budget line "Total" changes nothing but its name, through the binary: in the JSON of
/// `planner variance`, `compare` and `monitor` the renamed line keeps every figure it had under its
/// own name, in its place among `lines`, and `total` is the bundled total, figure for figure. (Each
/// report's total is its own type, never a line called "Total"; the simulated totals draw per line
/// position, so a name cannot move them.)
@Suite("planner: a line named Total stays a line")
struct LineNamedTotalCommandTests {
    /// The bundled files with the line DSD renamed `Total` in the ledger, both scenarios and the monthly actuals.
    static func renamedFolder() throws -> URL {
        func rename(_ text: String) -> String {
            text.replacingOccurrences(of: "DSD,", with: "Total,").replacingOccurrences(of: "  DSD:", with: "  Total:")
        }
        let actuals = "actuals-2022-23-month6.csv", reset = "scenario-2022-23-reset.yaml"
        let folder = try PlannerRun.folderWithBundledFiles(editing: ["ledger.csv": rename, "scenario-2022-23.yaml": rename])
        for name in [actuals, reset] {
            try Data(rename(try Datasets.text("gwent-ict/" + name)).utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// The bundled files as shipped, in a folder of their own.
    static func bundledFolder() throws -> URL {
        let folder = try PlannerRun.folderWithBundledFiles()
        for name in ["actuals-2022-23-month6.csv", "scenario-2022-23-reset.yaml"] {
            try Data(try Datasets.text("gwent-ict/" + name).utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// `planner arguments --format json` in `folder`, parsed.
    static func json(_ arguments: [String], in folder: URL) throws -> [String: Any] {
        let run = try PlannerRun(arguments + ["--format", "json"], in: folder)
        try #require(run.result.exitCode == 0, "\(run.result.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.result.standardOutput.utf8)) as? [String: Any])
    }

    /// `object` without its `line` name (and without the run record, which names the files read).
    static func figures(_ object: Any?) throws -> NSDictionary {
        var object = try #require(object as? [String: Any])
        object["line"] = nil
        return object as NSDictionary
    }

    @Test("variance, compare and monitor: the line named Total has DSD's figures, the total is unchanged",
          arguments: [["variance", "ledger.csv"], ["compare", "scenario-2022-23.yaml", "scenario-2022-23-reset.yaml"],
                      ["monitor", "scenario-2022-23.yaml"]])
    func renamedLine(arguments: [String]) throws {
        let renamed = try Self.json(arguments, in: try Self.renamedFolder())
        let bundled = try Self.json(arguments, in: try Self.bundledFolder())
        let renamedLines = try #require(renamed["lines"] as? [[String: Any]])
        let bundledLines = try #require(bundled["lines"] as? [[String: Any]])
        #expect(renamedLines.count == 5 && bundledLines.count == 5)
        let names = bundledLines.map { $0["line"] as? String }
        let dsd = try #require(names.firstIndex(of: "DSD"))
        #expect(renamedLines.map { $0["line"] as? String } == names.enumerated().map { $0.offset == dsd ? "Total" : $0.element })
        for (new, old) in zip(renamedLines, bundledLines) {
            #expect(try Self.figures(new) == (try Self.figures(old)), "\(arguments[0]): \(old["line"] ?? "?")")
        }
        let total = try Self.figures(renamed["total"])
        #expect(total == (try Self.figures(bundled["total"])), "\(arguments[0]): the total")
        #expect((renamed["total"] as? [String: Any])?["line"] as? String == "Total")
    }
}
