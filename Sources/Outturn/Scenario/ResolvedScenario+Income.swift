extension ResolvedScenario {
    /// Refuses a scenario line whose sign disagrees with the ledger's latest budget for it: spending
    /// budgeted negative, or income (negative in the ledger) budgeted positive. Either is a sign slip
    /// that would otherwise be projected silently wrong (income read as spending of £0).
    /// - Throws: ``InputError`` at the scenario line, naming the ledger's figure.
    static func checkSign(of line: ScenarioLine, against last: LedgerEntry?, ledger: Ledger, file: String) throws {
        guard let last, last.budget.pence != 0 else { return }
        let ledgerKind: LineKind = last.budget.pence < 0 ? .income : .spending
        guard ledgerKind != line.kind else { return }
        let amount = line.budget.formatted(pence: line.budget.pence % 100 != 0, symbol: false)
        throw InputError(
            file: file, line: line.sourceLine,
            message: "line '\(line.name)' is \(line.kind.rawValue) here (budget \(line.budget)) but \(ledgerKind.rawValue) in \(ledger.fileName) (its \(last.year) budget is \(last.budget), line \(last.sourceLine))",
            hint: ledgerKind == .income ? "income is written negative, as in the ledger: -\(amount)"
                : "spending is written positive, as in the ledger: \(amount.hasPrefix("-") ? String(amount.dropFirst()) : amount)")
    }
}

extension ResolvedScenario {
    /// Checks a line marked `new: true`: it must have no history in the ledger (else `new` would
    /// throw that history away) and be listed once. A name that is not in the ledger is a new line
    /// only when so marked, so a typo of an existing line is never projected as a new one.
    /// - Throws: ``InputError`` at the scenario line.
    static func checkNew(_ line: ScenarioLine, ledger: Ledger, file: String, earlier: [ScenarioLine]) throws {
        if let name = ledger.lineName(matching: line.name) {
            throw InputError(file: file, line: line.sourceLine,
                             message: "line '\(line.name)' is marked new: true but has history in \(ledger.fileName) (as '\(name)')",
                             hint: "remove new: true to project it from its history")
        }
        if let first = earlier.first(where: { $0.name.lowercased() == line.name.lowercased() }) {
            throw InputError(file: file, line: line.sourceLine,
                             message: "line '\(line.name)' is listed twice (first on line \(first.sourceLine))",
                             hint: "keep one entry per line")
        }
    }
}
