import Foundation

/// What `planner monitor` reads: the resolved scenario and its `actuals_to_date` file.
public struct MonitorInputs: Sendable {
    /// The scenario with its ledger and budgets.
    public let resolved: ResolvedScenario
    /// The monthly actuals.
    public let actuals: ActualsToDate
    /// The files read (to refuse writing output over them).
    package let inputFiles: [String]

    /// Loads the scenario at `path` and its `actuals_to_date` file (relative to the scenario).
    /// - Throws: ``InputError``: any problem of the scenario's files, a scenario without `actuals_to_date`.
    public static func load(path: String) throws -> MonitorInputs {
        try load(path: path, resolved: try ResolvedScenario.load(path: path))
    }

    /// Loads the `actuals_to_date` file of `resolved`, the scenario already loaded from `path`.
    /// - Throws: ``InputError``: any problem of the file, a scenario without `actuals_to_date`.
    package static func load(path: String, resolved: ResolvedScenario) throws -> MonitorInputs {
        guard let name = resolved.scenario.actualsToDatePath else {
            throw InputError(file: path, line: nil, message: "the scenario has no actuals_to_date, which planner monitor needs",
                             hint: "add a line such as: actuals_to_date: actuals.csv (columns line,month,actual; month like 2021-09)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let actualsPath = name.hasPrefix("/") || directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
        let actuals = try ActualsToDate(try ResolvedScenario.openCSV(actualsPath, from: path), ledger: resolved.ledger,
                                        scenario: resolved.scenario)
        return MonitorInputs(resolved: resolved, actuals: actuals, inputFiles: resolved.inputFiles + [actualsPath])
    }

    /// The bundled scenario with its illustrative month-6 actuals (datasets/gwent-ict).
    package static func bundled() throws -> MonitorInputs {
        let resolved = try ResolvedScenario.bundled()
        let actuals = try ActualsToDate(try CSVRowReader(text: BundledData.actualsToDate, fileName: BundledData.actualsToDateName),
                                        ledger: resolved.ledger, scenario: resolved.scenario)
        return MonitorInputs(resolved: resolved, actuals: actuals, inputFiles: [])
    }
}
