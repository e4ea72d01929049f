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
    package private(set) var inputFiles: [String] = []
    /// Ledger lines that ended before the ledger's latest year and have no budget here, in ledger
    /// order: left out of the forecast, with a note (``ClosedLine``).
    public private(set) var closedLines: [ClosedLine] = []
    /// The groups of the ledger's lines, from its optional `group` column (nil: no such column).
    package var lineGroups: LineGroups?

    /// Checks `scenario` against `ledger`: every scenario line must be a ledger line (else the
    /// closest ledger name is suggested), listed once; every line in the ledger's latest year must
    /// have a budget — from `lines:`, else from the budgets file (`budgets`, a reader of its CSV),
    /// else by the scenario's ``UnlistedLinesPolicy``; and the target year must come after the
    /// ledger's latest year.
    /// - Throws: ``InputError`` pointing at the scenario line or the budgets file's line.
    public init(scenario: Scenario, ledger: Ledger, activity: [ActivitySeries], budgets: CSVRowReader? = nil) throws {
        let file = scenario.fileName
        var assigned = LineAssignments(count: ledger.lineNames.count)
        if let budgets { try BudgetsFile.read(budgets, ledger: ledger, into: &assigned) }
        var listed: [Int: Int] = [:]
        var newLines: [ScenarioLine] = []
        for line in scenario.lines {
            if line.isNew {
                try ResolvedScenario.checkNew(line, ledger: ledger, file: file, earlier: newLines)
                newLines.append(line)
                continue
            }
            guard let index = ledger.lineIndex(matching: line.name) else {
                let suggestion = ClosestName.match(line.name, among: ledger.lineNames)
                throw InputError(file: file, line: line.sourceLine,
                                 message: "'\(line.name)' is not a budget line in \(ledger.fileName)",
                                 hint: suggestion.map { "did you mean '\($0)'?" }
                                     ?? "a line with no history in the ledger needs new: true under it; lines in the ledger: \(ledger.lineNames.prefix(20).joined(separator: ", "))"
                                         + (ledger.lineNames.count > 20 ? ", …" : ""))
            }
            let name = ledger.lineNames[index]
            if let earlier = listed[index] {
                throw InputError(file: file, line: line.sourceLine,
                                 message: "line '\(name)' is listed twice (first on line \(earlier))",
                                 hint: "keep one entry per line")
            }
            listed[index] = line.sourceLine
            // One-off years must be years of the line's history, and leave at least one.
            let years = Set(ledger.history(atIndex: index).map(\.year))
            for oneOff in line.oneOffYears where !years.contains(oneOff.year) {
                throw InputError(file: file, line: line.sourceLine,
                                 message: "line '\(name)': \(oneOff.year) (\(oneOff.treatment == .exclude ? "exclude_years" : "normalise_years")) is not a year of its history in \(ledger.fileName)",
                                 hint: "its years: \(years.sorted().map(\.description).joined(separator: ", "))")
            }
            if !line.oneOffYears.isEmpty && line.oneOffYears.filter({ $0.treatment == .exclude }).count >= years.count {
                throw InputError(file: file, line: line.sourceLine, message: "line '\(name)': exclude_years leaves no history",
                                 hint: "keep at least one year")
            }
            try ResolvedScenario.checkSign(of: line, against: ledger.latestEntry(atIndex: index), ledger: ledger, file: file)
            assigned[index] = ScenarioLine(name: name, budget: line.budget, growth: line.growth, change: line.change,
                                           note: line.note, sourceLine: line.sourceLine, oneOffYears: line.oneOffYears,
                                           kind: line.kind)
        }
        // Every line with a row in the ledger's latest year needs a budget; lines that ended earlier do not.
        var closed: [ClosedLine] = []
        for index in ledger.lineNames.indices where assigned[index] == nil {
            let history = ledger.history(atIndex: index)
            guard let last = history.last, last.year == ledger.latestYear else {
                if let last = history.last {
                    closed.append(ClosedLine(name: ledger.lineNames[index], lastYear: last.year, sourceLine: last.sourceLine))
                }
                continue
            }
            let name = ledger.lineNames[index]
            switch scenario.unlistedLines {
            case .error:
                throw InputError(file: file, line: scenario.linesKeyLine,
                                 message: "line '\(name)' in \(ledger.fileName) has no budget for \(scenario.targetYear)",
                                 hint: "add it under lines:, e.g.   \(name):\n      budget: …")
            case .holdLatestBudget:
                guard last.budget.pence != 0 else {
                    throw InputError(file: ledger.fileName, line: last.sourceLine,
                                     message: "line '\(name)' has a \(last.year) budget of \(last.budget), which cannot be held for \(scenario.targetYear) (unlisted_lines: hold_latest_budget)",
                                     hint: "give it a budget under lines: or in the budgets file")
                }
                assigned[index] = ScenarioLine(name: name, budget: last.budget, sourceLine: scenario.linesKeyLine)
            }
        }
        guard scenario.targetYear > ledger.latestYear else {
            throw InputError(file: file, line: scenario.targetYearLine,
                             message: "target_year \(scenario.targetYear) is not after the ledger's latest year \(ledger.latestYear)",
                             hint: "set target_year to \(ledger.latestYear.next)")
        }
        let yearsAhead = scenario.targetYear.startYear - ledger.latestYear.startYear
        guard yearsAhead <= Scenario.maximumYearsAhead else {
            throw InputError(file: file, line: scenario.targetYearLine,
                             message: "target_year \(scenario.targetYear) is \(yearsAhead) years after the ledger's latest year \(ledger.latestYear); the planner projects at most \(Scenario.maximumYearsAhead) years ahead",
                             hint: "budget for \(ledger.latestYear.next), or add the years in between to the ledger")
        }
        var resolved = scenario
        resolved.lines = assigned.finished() + newLines
        self.scenario = resolved
        self.ledger = ledger
        self.activity = activity
        self.closedLines = closed
    }

    /// Loads the scenario file at `path` and the files it names (relative to it); the ledger and
    /// budgets files are read row by row.
    /// - Throws: ``InputError`` for any problem in any of the files.
    public static func load(path: String) throws -> ResolvedScenario {
        let text = try ResolvedScenario.readText(path)
        let scenario = try Scenario(yaml: text, fileName: path)
        let directory = (path as NSString).deletingLastPathComponent
        func relative(_ name: String) -> String {
            name.hasPrefix("/") || directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
        }
        let ledgerPath = relative(scenario.ledgerPath)
        let years = scenario.yearReading
        let ledger = try Ledger(reader: try ResolvedScenario.openCSV(ledgerPath, from: path), columns: .standard, years: years)
        let lineGroups = try LineGroups.read(try ResolvedScenario.openCSV(ledgerPath, from: path), ledger: ledger)
        var activity: [ActivitySeries] = []
        if let name = scenario.activityPath {
            let activityPath = relative(name)
            activity = try ActivitySeries.read(csv: try ResolvedScenario.readText(activityPath, from: path),
                                               fileName: activityPath, years: years, targetYear: scenario.targetYear)
        }
        let budgetsPath = scenario.budgetsPath.map(relative)
        var resolved = try ResolvedScenario(scenario: scenario, ledger: ledger, activity: activity,
                                            budgets: try budgetsPath.map { try ResolvedScenario.openCSV($0, from: path) })
        resolved.lineGroups = lineGroups
        resolved.inputFiles = [path, ledgerPath] + (scenario.activityPath.map { [relative($0)] } ?? [])
            + (budgetsPath.map { [$0] } ?? [])
        return resolved
    }

    /// A streaming reader of the CSV at `path`, named by `scenario` if it cannot be opened.
    static func openCSV(_ path: String, from scenario: String) throws -> CSVRowReader {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError(file: scenario, line: nil, message: "cannot read '\(path)'",
                             hint: "paths in a scenario are relative to the scenario file")
        }
        return try CSVRowReader(contentsOf: path)
    }

    /// The scenario bundled into the planner (datasets/gwent-ict), needing no files on disk.
    package static func bundled() throws -> ResolvedScenario {
        try bundled(yaml: BundledData.scenario, name: BundledData.scenarioName)
    }

    /// The second bundled scenario: the same lines with each 2022/23 budget reset to its 2021/22
    /// outturn (datasets/gwent-ict/scenario-2022-23-reset.yaml), for `planner compare`.
    package static func bundledReset() throws -> ResolvedScenario {
        try bundled(yaml: BundledData.resetScenario, name: BundledData.resetScenarioName)
    }

    private static func bundled(yaml: String, name: String) throws -> ResolvedScenario {
        let scenario = try Scenario(yaml: yaml, fileName: name)
        let ledger = try Ledger(csv: BundledData.ledger, fileName: BundledData.ledgerName, years: scenario.yearReading)
        let activity = try ActivitySeries.read(csv: BundledData.activity, fileName: BundledData.activityName,
                                               years: scenario.yearReading)
        return try ResolvedScenario(scenario: scenario, ledger: ledger, activity: activity)
    }

    static func readText(_ path: String, from scenario: String? = nil) throws -> String {
        try InputBytes.refuseSpecialFile(path) // before reading: a FIFO would block, /dev/zero never end
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
