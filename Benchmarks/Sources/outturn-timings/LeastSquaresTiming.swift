import BenchmarkSupport
import OutturnNumerics

/// Pivoted-QR least squares with standard errors, at the sizes the peer script uses: as fitted by
/// default (with iterative refinement in extended precision) and, beside it, without refinement.
enum LeastSquaresTiming {
    static func run(_ options: Options) {
        for (rows, columns) in RegressionProblem.sizes {
            let (design, response) = RegressionProblem.make(rows: rows, columns: columns)
            let repeats = rows * columns < 100_000 ? 50 : 5
            let (seconds, _) = Report.bestOf(repeats) { try! LeastSquares.fit(design: design, response: response) }
            Report.emit("least squares \(rows)x\(columns)", seconds: seconds,
                        ["route": "LeastSquares.fit (dgeqp3, refined in extended precision)"])
            let (plain, _) = Report.bestOf(repeats) {
                try! LeastSquares.fit(design: design, response: response, refinement: .none)
            }
            Report.emit("least squares \(rows)x\(columns) unrefined", seconds: plain,
                        ["route": "LeastSquares.fit (dgeqp3), refinement: .none"])
        }
    }
}
