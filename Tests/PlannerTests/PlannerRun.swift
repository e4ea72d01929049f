import Foundation
import _TestSupport

/// One run of the built `planner`, written as a golden-file transcript: the command, exit code,
/// standard output and standard error.
struct PlannerRun {
    let arguments: [String]
    let result: PlannerProcess.Result

    /// Runs `planner arguments` in `directory` (default: a fresh empty temporary folder, so that
    /// relative paths in messages are stable and nothing depends on the repository layout).
    init(_ arguments: [String], in directory: URL? = nil) throws {
        self.arguments = arguments
        self.result = try PlannerProcess.run(arguments, workingDirectory: directory ?? PlannerRun.scratchFolder())
    }

    var transcript: String {
        "$ planner \(arguments.joined(separator: " "))\nexit: \(result.exitCode)\n--- stdout\n\(result.standardOutput)--- stderr\n\(result.standardError)"
    }

    /// A new empty temporary folder.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("planner-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A temporary folder holding the bundled gwent-ict files, optionally edited, for failure cases.
    static func folderWithBundledFiles(editing edits: [String: (String) -> String] = [:]) throws -> URL {
        let folder = try scratchFolder()
        for name in ["scenario-2022-23.yaml", "ledger.csv", "activity.csv", "actuals-2022-23-month6.csv"] {
            var text = try Datasets.text("gwent-ict/" + name)
            if let edit = edits[name] { text = edit(text) }
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }
}
