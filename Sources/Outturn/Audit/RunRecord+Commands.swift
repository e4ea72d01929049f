extension RunRecord {
    /// The one record of `planner compare`: A's and B's inputs and assumptions, each named `a.` or `b.`
    /// (`a.scenario`, `b.assumptions.inflation`), A's scenario file and seed.
    package static func comparing(_ a: RunRecord, _ b: RunRecord) -> RunRecord {
        func named(_ side: String, _ record: RunRecord) -> ([InputFile], [Assumption]) {
            (record.inputs.map { var input = $0; input.role = "\(side).\(input.role)"; return input },
             record.assumptions.map { Assumption(name: "\(side).\($0.name)", value: $0.value) })
        }
        let (inputsA, assumptionsA) = named("a", a), (inputsB, assumptionsB) = named("b", b)
        return RunRecord(plannerVersion: a.plannerVersion, command: a.command, scenarioFile: a.scenarioFile,
                         inputs: inputsA + inputsB, assumptions: assumptionsA + assumptionsB, seed: a.seed, runDate: a.runDate)
    }
}

extension VarianceReport {
    /// The record of `planner variance` on `ledger` (its digest): the year reported and the
    /// materiality rule, written as the scenario writes them (`1%`, `10000`), so `--materiality-percent 5`
    /// and `5%` give the same record.
    package func runRecord(ledger: RunRecord.InputFile, plannerVersion: String, runDate: String) -> RunRecord {
        RunRecord(plannerVersion: plannerVersion, command: "variance", inputs: [ledger],
                  assumptions: [.init(name: "year", value: year.description),
                                .init(name: "materiality.percent", value: DecimalText.trimmed(materiality.fraction * 100, decimals: 4) + "%"),
                                .init(name: "materiality.amount", value: materiality.amount.plainPounds)],
                  runDate: runDate)
    }
}

extension EvaluationReport {
    /// The record of `planner evaluate` on `history` (its digest): the target years scored and the
    /// budget-execution model's prior (`shipped`, `without-canada`, `without-israel`).
    package func runRecord(history: RunRecord.InputFile, prior: String, plannerVersion: String, runDate: String) -> RunRecord {
        RunRecord(plannerVersion: plannerVersion, command: "evaluate", inputs: [history],
                  assumptions: [.init(name: "first", value: first.description), .init(name: "last", value: last.description),
                                .init(name: "prior", value: prior)],
                  runDate: runDate)
    }
}

extension MonitorInputs {
    /// The record of `planner monitor`: the scenario's (``ResolvedScenario/runRecord(command:plannerVersion:runDate:)``)
    /// with the monthly actuals read last, as `actuals_to_date` (the bundled text for the bundled scenario).
    /// - Throws: ``InputError`` if an input file cannot be read again.
    package func runRecord(plannerVersion: String, runDate: String) throws -> RunRecord {
        var record = try resolved.runRecord(command: "monitor", plannerVersion: plannerVersion, runDate: runDate)
        if inputFiles.isEmpty {
            record.inputs.append(RunRecord.digest(ofText: BundledData.actualsToDate, name: BundledData.actualsToDateName,
                                                  role: "actuals_to_date"))
        } else if let actualsPath = inputFiles.last, inputFiles.count > resolved.inputFiles.count {
            record.inputs.append(try RunRecord.digest(ofFileAt: actualsPath, role: "actuals_to_date"))
        }
        return record
    }
}
