import ArgumentParser
import Foundation
import Outturn
import OutturnNumerics

/// `planner fit`: least squares regression of one CSV column on others, or on a polynomial in one.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a least squares regression (with intercept) to columns of a CSV file.",
        discussion: """
            Fits COLUMN y on the --x columns with an intercept, or on a polynomial of degree N in one \
            --x column. Uses rank-revealing QR; columns that are linear combinations of others are \
            reported as aliased. Polynomial coefficients are given in the original x scale.
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Argument(help: "The CSV file (header row, one observation per row).")
    var file: String

    @Option(name: .customLong("y"), help: "The response column.")
    var response: String

    @Option(name: .customLong("x"), help: "Predictor column(s), comma-separated.")
    var predictors: String

    @Option(help: "Fit a polynomial of this degree in the single --x column.")
    var degree: Int?

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    /// The --x column names, trimmed.
    var predictorNames: [String] {
        predictors.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func validate() throws {
        let names = predictorNames
        if names.isEmpty || names.contains(where: \.isEmpty) {
            throw ValidationError("--x needs one or more column names separated by commas, got '\(predictors)'")
        }
        if let degree {
            if names.count != 1 {
                throw ValidationError("--degree fits a polynomial in one column, but --x names \(names.count): \(names.joined(separator: ", "))")
            }
            if degree < 1 {
                throw ValidationError("--degree must be at least 1, got \(degree)")
            }
        }
    }

    func run() throws {
        try reportingErrors {
            let table = try CSVTable(contentsOf: file)
            let y = try table.numbers(inColumn: response)
            let names = predictorNames
            let columns = try names.map { try table.numbers(inColumn: $0) }
            let coefficientCount = (degree ?? names.count) + 1
            guard y.count > coefficientCount else {
                throw InputError(
                    file: file, line: nil,
                    message: "\(y.count) data row\(y.count == 1 ? "" : "s") are too few for a model with \(coefficientCount) coefficients",
                    hint: "a fit with standard errors needs at least \(coefficientCount + 1) rows; add rows or use a simpler model")
            }
            let fit: LeastSquaresFit
            let terms: [String]
            if let degree {
                fit = try LeastSquares.fitPolynomial(x: columns[0], response: y, degree: degree)
                terms = ["(Intercept)"] + (1...degree).map { $0 == 1 ? names[0] : "\(names[0])^\($0)" }
            } else {
                let ones = [Double](repeating: 1, count: y.count)
                fit = try LeastSquares.fit(design: Matrix(columnArrays: [ones] + columns), response: y)
                terms = ["(Intercept)"] + names
            }
            let report = FitReport(terms: terms, response: response, observations: y.count, fit: fit)
            try StandardOutput.write(format == .json ? report.json() : report.table())
        }
    }
}
