import Foundation

extension ResolvedScenario {
    /// The run record of `command` on this scenario: every input file with its SHA-256 (the bundled
    /// texts when the scenario is the bundled one), every resolved assumption, the seed.
    /// - Throws: ``InputError`` if an input file cannot be read again.
    public func runRecord(command: String, plannerVersion: String, runDate: String) throws -> RunRecord {
        let s = scenario
        var inputs: [RunRecord.InputFile]
        if inputFiles.isEmpty {
            let bundledScenario = s.fileName == BundledData.resetScenarioName ? BundledData.resetScenario : BundledData.scenario
            inputs = [RunRecord.digest(ofText: bundledScenario, name: s.fileName, role: "scenario"),
                      RunRecord.digest(ofText: BundledData.ledger, name: ledger.fileName, role: "ledger")]
            if !activity.isEmpty { inputs.append(RunRecord.digest(ofText: BundledData.activity, name: BundledData.activityName, role: "activity")) }
        } else {
            // inputFiles: scenario, ledger, then the activity and budgets files when named.
            var roles = ["scenario", "ledger"]
            if s.activityPath != nil { roles.append("activity") }
            if s.budgetsPath != nil { roles.append("budgets") }
            inputs = try zip(roles, inputFiles).map { try RunRecord.digest(ofFileAt: $1, role: $0) }
        }
        return RunRecord(plannerVersion: plannerVersion, command: command,
                         scenarioFile: inputFiles.first.map { _ in s.fileName } ?? "bundled:\(s.fileName)",
                         inputs: inputs, assumptions: assumptions, seed: s.seed, runDate: runDate)
    }

    /// Every assumption of the run, defaults filled in, then each line's growth and one-off change, then
    /// each closed line left out (`lines.NAME.closed` = `left out: last year 2020/21, ledger line 7`), so that
    /// the CSV's sidecar says what its table does not.
    var assumptions: [RunRecord.Assumption] {
        let s = scenario
        let percent = { (value: Double) in ReportCell.fixed(value * 100, decimals: 4).trimmingZeros() + "%" }
        var list: [(String, String)] = [
            ("target_year", s.targetYear.description), ("fiscal_year_start", s.fiscalYearStart.name),
            ("unlisted_lines", s.unlistedLines.rawValue),
            ("assumptions.inflation", percent(s.inflation)),
            ("assumptions.year_to_year_spread", percent(s.yearToYearSpread)),
            ("assumptions.correlation", ReportCell.fixed(s.correlation, decimals: 4).trimmingZeros()),
            ("confidence.levels", s.confidenceLevels.map(percent).joined(separator: ", ")),
            ("confidence.budget_needed", percent(s.budgetNeededConfidence)),
            ("rag.red", percent(s.rag.red)), ("rag.amber", percent(s.rag.amber)),
            ("materiality.percent", percent(s.materiality.fraction)),
            ("materiality.amount", s.materiality.amount.plainPounds),
            ("simulation.draws", String(s.draws)), ("simulation.seed", String(s.seed)),
            ("lines", String(s.lines.count)),
        ]
        for line in s.lines {
            if line.growth != 0 { list.append(("lines.\(line.name).growth", percent(line.growth))) }
            if line.change.pence != 0 { list.append(("lines.\(line.name).change", line.change.plainPounds)) }
        }
        for line in closedLines {
            list.append(("lines.\(line.name).closed", "left out: last year \(line.lastYear), ledger line \(line.sourceLine)"))
        }
        return list.map { RunRecord.Assumption(name: $0.0, value: $0.1) }
    }
}
