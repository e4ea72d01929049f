import ArgumentParser
import Foundation
import Outturn

/// `planner variance`: budget against actual per line and in total.
struct VarianceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "variance",
        abstract: "Budget against actual per line and in total (variance = budget − actual; negative = overspent).",
        discussion: """
        A line is "on budget" when its variance is within both the materiality percentage of its budget \
        and the materiality amount (default: 1% and £10,000); otherwise favourable (underspent) or adverse \
        (overspent). Without LEDGER, the bundled Gwent Police ICT ledger is used.
        """
    )

    @Argument(help: "Ledger CSV (columns line, year, budget, actual; amounts in pounds). Default: the bundled ledger.")
    var ledger: String?

    @Option(help: "Fiscal year to report, e.g. 2021/22. Default: the latest year in the ledger.")
    var year: String?

    // Unconditional (as every numeric option): `-5%` is a rate to refuse, not a missing value.
    @Option(parsing: .unconditional, help: "Materiality percentage of budget, written as in a scenario: 1% (or 1, read as per cent).")
    var materialityPercent: String = "1%"

    /// `--materiality-percent` as a fraction (`5%` and `5` → 0.05), by the scenario's strict rate
    /// reader (no exponents, hexadecimal or `inf`); nil when it is not a rate.
    var materialityFraction: Double? {
        let text = materialityPercent.trimmingCharacters(in: .whitespaces)
        return RateText.fraction(text.hasSuffix("%") ? text : text + "%")
    }

    @Option(parsing: .unconditional, help: "Materiality amount in pounds, e.g. 10,000 or £25k.")
    var materialityAmount: String = "10,000"

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try FileNameArgument.check(ledger, "<ledger>", instead: "give a ledger CSV such as ledger.csv, or leave it out for the bundled one")
        if let year, FiscalYear(label: year, startingIn: .april) == nil {
            throw ValidationError("--year '\(DisplayText.escaped(DisplayText.shortened(year)))' is not a fiscal year; write it as 2021/22, 2021, FY2022 or FY22 (as the ledger writes its years)")
        }
        guard let fraction = materialityFraction else {
            throw ValidationError("--materiality-percent '\(DisplayText.escaped(DisplayText.shortened(materialityPercent)))' is not a percentage; write it as 5% or 5")
        }
        guard fraction >= 0, fraction <= 1 else {
            throw ValidationError("--materiality-percent '\(DisplayText.escaped(DisplayText.shortened(materialityPercent)))' must be between 0% and 100%; write it as 5% or 5")
        }
        let amountText = DisplayText.escaped(DisplayText.shortened(materialityAmount))
        guard let amount = Money(parsing: materialityAmount, allowingSuffixes: true) else {
            throw ValidationError("--materiality-amount '\(amountText)' is not an amount in pounds; write it as 10,000 or £25k")
        }
        guard amount.pence >= 0 else {
            throw ValidationError("--materiality-amount '\(amountText)' is below £0; write a size of variance, e.g. 10,000 or £25k")
        }
    }

    func run() throws {
        try reportingErrors {
            let runDate = try RunRecord.runDate()
            let loaded = try ledger.map { try Ledger(contentsOf: $0) }
                ?? Ledger(csv: BundledData.ledger, fileName: BundledData.ledgerName)
            let materiality = Materiality(fraction: materialityFraction!,
                                          amount: Money(parsing: materialityAmount, allowingSuffixes: true)!)
            let report = try VarianceReport(ledger: loaded, year: year.flatMap { FiscalYear(label: $0, startingIn: .april)?.styled(loaded.yearStyle) }, materiality: materiality)
            let record = report.runRecord(ledger: try ledger.map { try RunRecord.digest(ofFileAt: $0, role: "ledger") }
                                              ?? RunRecord.digest(ofText: BundledData.ledger, name: BundledData.ledgerName, role: "ledger"),
                                          plannerVersion: Planner.configuration.version, runDate: runDate)
            try output.write(inputs: ledger.map { [$0] } ?? []) { sink in
                try report.write(as: output.resolvedFormat, ledgerFile: ledger ?? BundledData.ledgerName, run: record, to: sink)
            }
            try output.writeRunRecord(inputs: ledger.map { [$0] } ?? []) { record }
        }
    }
}
