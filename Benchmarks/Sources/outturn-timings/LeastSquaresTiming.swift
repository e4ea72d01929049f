import BenchmarkSupport
import OutturnNumerics

/// Pivoted-QR least squares with standard errors, at the sizes the peer script uses.
enum LeastSquaresTiming {
    static func run(_ options: Options) {
        for (rows, columns) in [(36, 3), (1_000, 10), (10_000, 50), (100_000, 20)] {
            var generator = Xoshiro256StarStar(seed: UInt64(rows * columns))
            var design = Matrix(rows: rows, columns: columns, repeating: 1)
            for j in 1..<columns { for i in 0..<rows { design[i, j] = generator.nextStandardNormal() } }
            let truth = (0..<columns).map { _ in generator.nextStandardNormal() }
            let response = design.multiplied(by: truth).map { $0 + generator.nextStandardNormal() }
            let repeats = rows * columns < 100_000 ? 50 : 5
            let (seconds, _) = Report.bestOf(repeats) { try! LeastSquares.fit(design: design, response: response) }
            Report.emit("least squares \(rows)x\(columns)", seconds: seconds, ["route": "LeastSquares.fit (dgeqp3)"])
        }
    }
}
