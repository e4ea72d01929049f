import ArgumentParser
import Foundation
import Outturn
import OutturnNumerics

/// `planner fit`: least squares regression of one CSV column on others, or on a polynomial in one.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a least squares regression to columns of a CSV file.",
        discussion: """
            Fits COLUMN y on the --x columns with an intercept (or through the origin with \
            --no-intercept), or on a polynomial of degree N (1 to 30) in one --x column. Uses \
            rank-revealing QR refined in extended precision; columns that are linear combinations of \
            others are reported as aliased. Polynomial coefficients are given in the original x scale.
            """
    )

    /// The highest polynomial degree accepted. The centred, equilibrated power design's condition
    /// number grows about 2.4-fold per degree (on 200 equally spaced points: 1.6e3 at degree 10,
    /// 6e10 at 30, 4e14 at 40), so higher powers of one column soon cannot be told apart in double
    /// precision; the bound also keeps every size derived from the degree far from overflow.
    static let maximumDegree = 30

    @Argument(help: "The CSV file (header row, one observation per row).")
    var file: String

    @Option(name: .customLong("y"), help: "The response column.")
    var response: String

    @Option(name: .customLong("x"), help: "Predictor column(s), comma-separated.")
    var predictors: String

    // Unconditional (as every numeric option): `--degree -2` is a degree to refuse, not a missing value.
    @Option(parsing: .unconditional, help: "Fit a polynomial of this degree in the single --x column.")
    var degree: Int?

    @Flag(help: "Fit through the origin: no intercept term (R-squared is then uncentred).")
    var noIntercept = false

    @Option(help: "Output format.")
    var format = FormatOption<SupportedFormats.TableOrJSON>(.table)

    /// The --x column names, trimmed.
    var predictorNames: [String] {
        predictors.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func validate() throws {
        try FileNameArgument.check(file, "<file>", instead: "give the CSV file to fit, e.g. data.csv")
        _ = try format.format(for: "fit")
        let names = predictorNames
        if names.isEmpty || names.contains(where: \.isEmpty) {
            throw ValidationError("--x needs one or more column names separated by commas, got '\(predictors)'")
        }
        if let degree {
            if names.count != 1 {
                throw ValidationError("--degree fits a polynomial in one column, but --x names \(names.count): \(names.joined(separator: ", "))")
            }
            if degree < 1 || degree > Self.maximumDegree {
                throw ValidationError("--degree must be between 1 and \(Self.maximumDegree), got \(degree)")
            }
            if noIntercept {
                throw ValidationError("--no-intercept fits columns through the origin; it cannot be combined with --degree")
            }
        }
    }

    func run() throws {
        let format = try format.format(for: "fit")
        try reportingErrors {
            let table = try CSVTable(contentsOf: file)
            let y = try table.numbers(inColumn: response)
            let names = predictorNames
            let columns = try names.map { try table.numbers(inColumn: $0) }
            let coefficientCount = (degree ?? names.count) + (noIntercept ? 0 : 1)
            guard y.count > coefficientCount else {
                throw InputError(
                    file: file, line: nil,
                    message: "\(y.count) data row\(y.count == 1 ? "" : "s") are too few for a model with \(coefficientCount) coefficients",
                    hint: "a fit with standard errors needs at least \(coefficientCount + 1) rows; add rows or use a simpler model")
            }
            let terms: [String]
            if let degree {
                terms = ["(Intercept)"] + (1...degree).map { $0 == 1 ? names[0] : "\(names[0])^\($0)" }
            } else {
                terms = noIntercept ? names : ["(Intercept)"] + names
            }
            let fit: LeastSquaresFit
            do {
                if let degree {
                    fit = try LeastSquares.fitPolynomial(x: columns[0], response: y, degree: degree)
                } else {
                    let ones = noIntercept ? [] : [[Double](repeating: 1, count: y.count)]
                    fit = try LeastSquares.fit(design: Matrix(columnArrays: ones + columns), response: y)
                }
            } catch let LeastSquaresError.resultOutOfRange(column) {
                throw InputError(
                    file: file, line: nil,
                    message: "fitting '\(response)': the coefficient of '\(terms[column])' or its standard error is beyond the range of double precision (about 1e-308 to 1e308)",
                    hint: "rescale the columns so that their values are nearer 1, e.g. divide amounts by 1e6")
            }
            let report = FitReport(terms: terms, response: response, observations: y.count, fit: fit)
            try StandardOutput.write(format == .json ? report.json() : report.table())
        }
    }
}
