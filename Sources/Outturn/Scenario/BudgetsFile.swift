import Foundation

/// Target-year budgets for many lines from a CSV with columns `line, budget` (the scenario's
/// `budgets:` key), read row by row against the ledger so a million lines need no YAML.
enum BudgetsFile {
    /// Reads `reader` into `lines` (indexed like `ledger.lineNames`).
    /// - Throws: ``InputError`` at the CSV's file and line: an unknown line (with the closest ledger
    ///   name), a line listed twice, an amount that is not an amount or is £0 (negative is income), budgets
    ///   adding up to more than about £46 trillion.
    static func read(_ reader: CSVRowReader, ledger: Ledger, into lines: inout LineAssignments) throws {
        let lineColumn = try reader.columnIndex("line")
        let budgetColumn = try reader.columnIndex("budget")
        // Budgets may add up to half the Int64 pence range, so every total of them stays exact.
        var total: Int64 = 0
        while let row = try reader.next() {
            let name = row.fields[lineColumn].trimmedOfWhitespace
            guard let index = ledger.lineIndex(matching: name) else {
                let suggestion = ClosestName.match(name, among: ledger.lineNames)
                throw InputError(file: reader.fileName, line: row.line,
                                 message: name.isEmpty ? "line is empty" : "'\(InputError.echo(name))' is not a budget line in \(ledger.fileName)",
                                 hint: suggestion.map { "did you mean '\($0)'?" } ?? "name a line of the ledger")
            }
            if let earlier = lines[index] {
                throw InputError(file: reader.fileName, line: row.line,
                                 message: "line '\(ledger.lineNames[index])' is listed twice (first on line \(earlier.sourceLine))",
                                 hint: "keep one row per line")
            }
            let text = row.fields[budgetColumn].trimmedOfWhitespace
            guard let budget = Money(parsing: text, allowingSuffixes: true) else {
                throw InputError(file: reader.fileName, line: row.line,
                                 message: text.isEmpty ? "budget is empty (\(InputError.echo(name)))" : "budget '\(InputError.echo(text))' is not an amount (\(InputError.echo(name)))",
                                 hint: "write amounts in pounds, e.g. 1234567, \"£1,234,567\" or £4.7m")
            }
            guard budget.pence != 0 else {
                throw InputError(file: reader.fileName, line: row.line,
                                 message: "line '\(InputError.echo(name))' has a budget of £0",
                                 hint: "give spending a budget above £0 and income a negative one, or leave the line out")
            }
            // Income is negative (LineKind); the bound is on the budgets' sizes.
            let (sum, overflow) = total.addingReportingOverflow(Int64(clamping: budget.pence.magnitude))
            guard !overflow, sum <= Int64.max / 2 else {
                throw InputError(file: reader.fileName, line: row.line,
                                 message: "the budgets add up to more than £46 trillion, too much to total exactly (\(InputError.echo(name)))",
                                 hint: "amounts are in pounds; check for a misplaced decimal point or a value in pence")
            }
            total = sum
            let line = ScenarioLine(name: ledger.lineNames[index], budget: budget, sourceLine: row.line)
            // A sign that disagrees with the ledger (income budgeted positive) is refused, as under lines:.
            try ResolvedScenario.checkSign(of: line, against: ledger.latestEntry(atIndex: index), ledger: ledger,
                                           file: reader.fileName)
            lines[index] = line
        }
    }
}
