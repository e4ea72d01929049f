import Foundation
import Yams

extension Scenario {
    /// Keys allowed at the top level of a scenario file.
    static let topLevelKeys = ["ledger", "activity", "target_year", "lines", "budgets", "unlisted_lines", "assumptions",
                               "confidence", "rag", "materiality", "simulation", "fiscal_year_start",
                               "actuals_to_date", "activity_measures"]
    static let lineKeys = ["budget", "growth", "change", "note", "exclude_years", "normalise_years", "kind", "new"]
    static let assumptionKeys = ["inflation", "year_to_year_spread", "correlation"]
    static let confidenceKeys = ["levels", "budget_needed"]
    static let ragKeys = ["red", "amber"]
    static let materialityKeys = ["percent", "amount"]
    static let simulationKeys = ["seed", "draws"]

    /// Parses a scenario file (YAML). Line names are checked against the ledger later, by
    /// ``ResolvedScenario``.
    /// - Throws: ``InputError`` with the file and line: YAML syntax, wrong types, unknown keys
    ///   (with the closest known key), missing required keys, values out of range.
    public init(yaml written: String, fileName: String) throws {
        let reader = YAMLReading(fileName: fileName)
        // `{ amount: -50,000 }` means fifty thousand, as a finance officer writes it.
        let text = FlowMappingAmounts.quoted(written)
        let root: Node?
        // Anchors, aliases, non-text keys and duplicate keys are refused first, in one linear pass.
        try YAMLPreflight.check(text, fileName: fileName)
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Scenario.syntaxError(error, fileName: fileName, text: text)
        }
        guard let root else {
            throw InputError(file: fileName, line: nil, message: "the scenario is empty",
                             hint: "start from `planner init LEDGER`")
        }
        var values: [String: (Node, Node)] = [:]
        for (key, keyNode, value) in try reader.mapping(root, named: "the scenario", known: Scenario.topLevelKeys) {
            values[key] = (keyNode, value)
        }
        func required(_ key: String, example: String) throws -> Node {
            guard let value = values[key]?.1 else {
                throw InputError(file: fileName, line: 1, message: "missing required key '\(key)'",
                                 hint: "add a line such as: \(example)")
            }
            return value
        }
        let ledgerPath = try reader.string(try required("ledger", example: "ledger: ledger.csv"), key: "ledger")
        let activityPath = try values["activity"].map { try reader.string($0.1, key: "activity") }
        // The month years start in comes first: it says what `FY2022` or `2022` names.
        var yearStart = MonthOfYear.april
        if let node = values["fiscal_year_start"]?.1 {
            let text = try reader.string(node, key: "fiscal_year_start", expected: "a month such as April")
            guard let month = MonthOfYear(text) else {
                throw reader.error(node, "fiscal_year_start '\(text)' is not a month",
                                   hint: "write the month the year starts in, e.g. fiscal_year_start: April (or 4)")
            }
            yearStart = month
        }
        let yearNode = try required("target_year", example: "target_year: 2022/23")
        let yearText = try reader.string(yearNode, key: "target_year")
        guard let targetYear = FiscalYear(label: yearText, startingIn: yearStart) else {
            throw reader.error(yearNode, "target_year '\(yearText)' is not a fiscal year",
                               hint: "write it as 2022/23, 2022, FY2023 or FY23 (years start in \(yearStart))")
        }
        let targetYearLine = yearNode.mark?.line ?? 1
        let years = YearReading(start: yearStart).keeping(targetYear, writtenAt: "target_year, \(fileName):\(targetYearLine)")
        let budgetsPath = try values["budgets"].map { try reader.string($0.1, key: "budgets", expected: "a CSV file name") }
        var unlisted = UnlistedLinesPolicy.error
        if let node = values["unlisted_lines"]?.1 {
            let text = try reader.string(node, key: "unlisted_lines",
                                         expected: UnlistedLinesPolicy.allCases.map(\.rawValue).joined(separator: " or "))
            guard let policy = UnlistedLinesPolicy(rawValue: text) else {
                let known = UnlistedLinesPolicy.allCases.map(\.rawValue)
                throw reader.error(node, "unlisted_lines '\(text)' is not one of \(known.joined(separator: ", "))",
                                   hint: ClosestName.match(text, among: known).map { "did you mean '\($0)'?" }
                                       ?? "write unlisted_lines: error or unlisted_lines: hold_latest_budget")
            }
            unlisted = policy
        }
        // With a budgets file or a policy for unlisted lines, `lines:` may be left out.
        let linesOptional = budgetsPath != nil || unlisted != .error
        var lines: [ScenarioLine] = []
        if let linesNode = linesOptional ? values["lines"]?.1
            : try required("lines", example: "lines: followed by each budget line and its budget") {
            for (name, keyNode, value) in try reader.mapping(linesNode, named: "lines", known: nil) {
                lines.append(try Scenario.line(name: name, keyNode: keyNode, value: value, reader: reader, years: years))
            }
            guard !lines.isEmpty || linesOptional else {
                throw reader.error(linesNode, "lines lists no budget lines", hint: "add each line with its budget")
            }
        }
        self.init(fileName: fileName, ledgerPath: ledgerPath, activityPath: activityPath, targetYear: targetYear,
                  lines: lines)
        self.budgetsPath = budgetsPath
        unlistedLines = unlisted
        linesKeyLine = values["lines"]?.0.mark?.line ?? 1
        self.targetYearLine = targetYearLine
        fiscalYearStart = yearStart

        actualsToDatePath = try values["actuals_to_date"].map {
            try reader.string($0.1, key: "actuals_to_date", expected: "a CSV file name")
        }
        if let node = values["activity_measures"]?.1 {
            activityMeasures = try Scenario.activityMeasures(node, reader: reader)
        }
        if let node = values["assumptions"]?.1 {
            for (key, _, value) in try reader.mapping(node, named: "assumptions", known: Scenario.assumptionKeys) {
                switch key {
                case "inflation": inflation = try reader.rate(value, key: key, range: -0.5...1)
                case "year_to_year_spread": yearToYearSpread = try reader.rate(value, key: key, range: 0.001...2)
                default: correlation = try reader.rate(value, key: key, range: 0...0.99)
                }
            }
        }
        if let node = values["confidence"]?.1 {
            for (key, _, value) in try reader.mapping(node, named: "confidence", known: Scenario.confidenceKeys) {
                if key == "budget_needed" {
                    budgetNeededConfidence = try reader.rate(value, key: key, range: 0.5...0.999)
                } else {
                    guard case .sequence(let sequence) = value, sequence.count == 2 else {
                        throw reader.error(value, "levels should be a list of two confidence levels",
                                           hint: "write levels: [80%, 95%]")
                    }
                    let levels = try sequence.map { try reader.rate($0, key: "levels", range: 0.5...0.999) }
                    guard levels[0] < levels[1] else {
                        throw reader.error(value, "levels should go from the lower to the higher", hint: "write levels: [80%, 95%]")
                    }
                    confidenceLevels = levels
                }
            }
        }
        if let node = values["rag"]?.1 {
            for (key, _, value) in try reader.mapping(node, named: "rag", known: Scenario.ragKeys) {
                if key == "red" { rag.red = try reader.rate(value, key: key, range: 0.01...0.99) }
                else { rag.amber = try reader.rate(value, key: key, range: 0.001...0.99) }
            }
            if rag.amber > rag.red {
                throw reader.error(node, "rag: amber (\(rag.amber)) is above red (\(rag.red))",
                                   hint: "amber is the lower probability threshold, e.g. red: 50%, amber: 20%")
            }
        }
        if let node = values["materiality"]?.1 {
            for (key, _, value) in try reader.mapping(node, named: "materiality", known: Scenario.materialityKeys) {
                if key == "percent" { materiality.fraction = try reader.rate(value, key: key, range: 0...1) }
                else {
                    let amount = try reader.amount(value, key: key)
                    guard amount.pence >= 0 else { throw reader.error(value, "materiality amount cannot be negative") }
                    materiality.amount = amount
                }
            }
        }
        if let node = values["simulation"]?.1 {
            for (key, _, value) in try reader.mapping(node, named: "simulation", known: Scenario.simulationKeys) {
                if key == "seed" { seed = UInt64(try reader.integer(value, key: key, range: 0...Int.max)) }
                else { draws = try reader.integer(value, key: key, range: 1_000...1_000_000) }
            }
        }
    }

    private static func line(name: String, keyNode: Node, value: Node, reader: YAMLReading,
                             years: YearReading) throws -> ScenarioLine {
        let sourceLine = keyNode.mark?.line ?? 1
        var budget: Money?
        var growth = 0.0
        var change = Money.zero
        var note: String?
        var changeNote: String?
        var oneOff: [OneOffYear] = []
        var kind: LineKind?
        var kindNode: Node?
        var isNew = false
        // Shorthand `Airwave: 763,042` means exactly `Airwave: {budget: 763,042}`, with the same checks.
        let entries: [(String, Node, Node)]
        if case .scalar = value { entries = [("budget", keyNode, value)] }
        else { entries = try reader.mapping(value, named: "line '\(name)'", known: Scenario.lineKeys) }
        for (key, _, item) in entries {
            switch key {
            case "budget": budget = try reader.amount(item, key: "budget of '\(name)'")
            case "growth": growth = try reader.rate(item, key: "growth of '\(name)'", range: -1...5)
            case "change":
                // `change: -50,000` or, with its reason beside it, `change: { amount: -50,000, note: "…" }`.
                if case .mapping = item {
                    for (changeKey, _, part) in try reader.mapping(item, named: "change of '\(name)'", known: ["amount", "note"]) {
                        if changeKey == "amount" { change = try reader.amount(part, key: "change of '\(name)'") }
                        else { changeNote = try reader.string(part, key: "note of the change of '\(name)'") }
                    }
                    guard item.mapping?.keys.contains(where: { $0.string == "amount" }) == true else {
                        throw reader.error(item, "the change of '\(name)' has no amount",
                                           hint: "write change: { amount: -50,000, note: \"why\" }")
                    }
                } else {
                    change = try reader.amount(item, key: "change of '\(name)'")
                }
            case "exclude_years", "normalise_years":
                let treatment: OneOffYear.Treatment = key == "exclude_years" ? .exclude : .normalise
                var nodes: [Node] = [item]
                if case .sequence(let sequence) = item { nodes = Array(sequence) }
                for node in nodes {
                    let text = try reader.string(node, key: "\(key) of '\(name)'", expected: "a fiscal year such as 2020/21")
                    guard let year = try years.year(text, file: reader.fileName, line: node.mark?.line,
                                                    column: "\(key) of '\(name)'") else {
                        let example = years.established.map { $0.style.label(startYear: 2020) } ?? "2020/21"
                        throw reader.error(node, "\(key) of '\(name)': '\(text)' is not a fiscal year",
                                           hint: "write \(example), or a list: [\(years.established.map { $0.style.label(startYear: 2019) } ?? "2019/20"), \(example)]")
                    }
                    if oneOff.contains(where: { $0.year == year }) {
                        throw reader.error(node, "line '\(name)' marks \(year) twice", hint: "exclude or normalise a year, not both")
                    }
                    oneOff.append(OneOffYear(year: year, treatment: treatment))
                }
            case "new":
                let text = try reader.string(item, key: "new of '\(name)'", expected: "true or false")
                switch text.lowercased() {
                case "true", "yes": isNew = true
                case "false", "no": isNew = false
                default: throw reader.error(item, "new of '\(name)': '\(text)' is not true or false",
                                            hint: "write new: true for a line with no history in the ledger")
                }
            case "kind":
                let text = try reader.string(item, key: "kind of '\(name)'", expected: "spending or income")
                guard let value = LineKind(rawValue: text.lowercased()) else {
                    throw reader.error(item, "kind of '\(name)': '\(text)' is not spending or income",
                                       hint: "write kind: income (or leave it out for spending)")
                }
                kind = value
                kindNode = item
            default:
                // `note: ""` (the template's example left as it is) is no note.
                if case .scalar(let scalar) = item, scalar.string.isEmpty { note = nil; break }
                note = try reader.string(item, key: "note of '\(name)'")
            }
        }
        if let changeNote { note = note.map { "\($0); \(changeNote)" } ?? changeNote }
        guard let budget else {
            throw reader.error(keyNode, "line '\(name)' has no budget", hint: "add 'budget: …' under it")
        }
        guard budget.pence != 0 else {
            throw reader.error(keyNode, "line '\(name)' has a budget of £0",
                               hint: "give spending a budget above £0 and income a negative one (-215,000), or leave the line out")
        }
        // Income keeps the ledger's sign: `kind: income` with a positive amount is a sign slip, not a guess.
        if kind == .income && budget.pence > 0 {
            throw reader.error(kindNode ?? keyNode, "line '\(name)' is income (kind: income) but its budget is \(budget)",
                               hint: "write income negative, as in the ledger: budget: -\(budget.formatted(pence: budget.pence % 100 != 0, symbol: false))")
        }
        if kind == .spending && budget.pence < 0 {
            throw reader.error(kindNode ?? keyNode, "line '\(name)' is spending (kind: spending) but its budget is \(budget)",
                               hint: "a negative budget is income: write kind: income, or remove kind")
        }
        var line = ScenarioLine(name: name, budget: budget, growth: growth, change: change, note: note, sourceLine: sourceLine,
                                oneOffYears: oneOff, kind: kind)
        line.isNew = isNew
        return line
    }

    static func syntaxError(_ error: YamlError, fileName: String, text: String) -> InputError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return InputError(file: fileName, line: mark.line, message: "YAML syntax: \(problem)",
                              hint: context.map { "\($0.text) (line \($0.mark.line))" }
                                  ?? "check indentation and that each 'key: value' has a space after the colon")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Normally caught first, at the key's second appearance, by YAMLPreflight.
            return InputError(file: fileName, line: context.mark.line,
                              message: "a key appears twice: \(duplicates.joined(separator: ", "))",
                              hint: "keep one of them")
        default:
            return InputError(file: fileName, line: nil, message: "YAML: \(error)", hint: nil)
        }
    }
}
