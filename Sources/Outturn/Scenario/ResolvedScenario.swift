import Foundation

/// A scenario with its ledger and activity files loaded and its line names checked against the ledger.
public struct ResolvedScenario: Sendable {
    /// The scenario, with line names spelt as in the ledger and in ledger order.
    public let scenario: Scenario
    /// The ledger the scenario names.
    public let ledger: Ledger
    /// The activity series (empty when the scenario names no activity file).
    public let activity: [ActivitySeries]
    /// The files read from disk (scenario, ledger, activity), to refuse writing output over them.
    public private(set) var inputFiles: [String] = []

    /// Checks `scenario` against `ledger`: every scenario line must be a ledger line (else the
    /// closest ledger name is suggested), every line in the ledger's latest year must have a
    /// budget, each only once,
    /// and the target year must come after the ledger's latest year.
    /// - Throws: ``InputError`` pointing at the scenario line.
    public init(scenario: Scenario, ledger: Ledger, activity: [ActivitySeries]) throws {
        let file = scenario.fileName
        var byName: [String: ScenarioLine] = [:]
        for line in scenario.lines {
            guard let name = ledger.lineName(matching: line.name) else {
                let suggestion = ClosestName.match(line.name, among: ledger.lineNames)
                throw InputError(file: file, line: line.sourceLine,
                                 message: "'\(line.name)' is not a budget line in \(ledger.fileName)",
                                 hint: suggestion.map { "did you mean '\($0)'?" }
                                     ?? "lines in the ledger: \(ledger.lineNames.joined(separator: ", "))")
            }
            if let earlier = byName[name] {
                throw InputError(file: file, line: line.sourceLine,
                                 message: "line '\(name)' is listed twice (first on line \(earlier.sourceLine))",
                                 hint: "keep one entry per line")
            }
            byName[name] = ScenarioLine(name: name, budget: line.budget, growth: line.growth, change: line.change,
                                        note: line.note, sourceLine: line.sourceLine)
        }
        // Every line with a row in the ledger's latest year needs a budget; lines that ended earlier do not.
        for name in ledger.lineNames where byName[name] == nil && ledger.history(of: name).last?.year == ledger.latestYear {
            throw InputError(file: file, line: scenario.linesKeyLine,
                             message: "line '\(name)' in \(ledger.fileName) has no budget for \(scenario.targetYear)",
                             hint: "add it under lines:, e.g.   \(name):\n      budget: …")
        }
        guard scenario.targetYear > ledger.latestYear else {
            throw InputError(file: file, line: nil,
                             message: "target_year \(scenario.targetYear) is not after the ledger's latest year \(ledger.latestYear)",
                             hint: "set target_year to \(ledger.latestYear.next)")
        }
        var resolved = scenario
        resolved.lines = ledger.lineNames.compactMap { byName[$0] }
        self.scenario = resolved
        self.ledger = ledger
        self.activity = activity
    }

    /// Loads the scenario file at `path` and the files it names (relative to it).
    /// - Throws: ``InputError`` for any problem in any of the files.
    public static func load(path: String) throws -> ResolvedScenario {
        let text = try ResolvedScenario.readText(path)
        let scenario = try Scenario(yaml: text, fileName: path)
        let directory = (path as NSString).deletingLastPathComponent
        func relative(_ name: String) -> String {
            name.hasPrefix("/") || directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
        }
        let ledgerPath = relative(scenario.ledgerPath)
        let ledger = try Ledger(csv: try ResolvedScenario.readText(ledgerPath, from: path), fileName: ledgerPath)
        var activity: [ActivitySeries] = []
        if let name = scenario.activityPath {
            let activityPath = relative(name)
            activity = try ActivitySeries.read(csv: try ResolvedScenario.readText(activityPath, from: path),
                                               fileName: activityPath)
        }
        var resolved = try ResolvedScenario(scenario: scenario, ledger: ledger, activity: activity)
        resolved.inputFiles = [path, ledgerPath] + (scenario.activityPath.map { [relative($0)] } ?? [])
        return resolved
    }

    /// The scenario bundled into the planner (datasets/gwent-ict), needing no files on disk.
    public static func bundled() throws -> ResolvedScenario {
        let scenario = try Scenario(yaml: BundledData.scenario, fileName: BundledData.scenarioName)
        let ledger = try Ledger(csv: BundledData.ledger, fileName: BundledData.ledgerName)
        let activity = try ActivitySeries.read(csv: BundledData.activity, fileName: BundledData.activityName)
        return try ResolvedScenario(scenario: scenario, ledger: ledger, activity: activity)
    }

    static func readText(_ path: String, from scenario: String? = nil) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: scenario ?? path, line: nil, message: "cannot read '\(path)'",
                             hint: scenario == nil ? "check the path" : "paths in a scenario are relative to the scenario file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, line: nil, message: "the file is not UTF-8 text", hint: nil)
        }
        return text
    }
}
