import OutturnNumerics

/// Seeded least-squares problems shared by the LeastSquares suite and the peer timing driver, so
/// both sides of a comparison fit exactly the same data.
public enum RegressionProblem {
    /// The sizes (rows × columns) a budget analyst meets: a 36-month trend, a driver regression,
    /// and two tall designs.
    public static let sizes: [(rows: Int, columns: Int)] = [(36, 3), (1_000, 10), (10_000, 50), (100_000, 20)]

    /// A `rows × columns` design (an intercept column, then standard normals) and a response equal
    /// to the design times random coefficients plus standard normal noise; seeded by the size.
    public static func make(rows: Int, columns: Int) -> (design: Matrix, response: [Double]) {
        var generator = Xoshiro256StarStar(seed: UInt64(rows * columns))
        var design = Matrix(rows: rows, columns: columns, repeating: 1)
        for j in 1..<columns { for i in 0..<rows { design[i, j] = generator.nextStandardNormal() } }
        let truth = (0..<columns).map { _ in generator.nextStandardNormal() }
        let response = design.multiplied(by: truth).map { $0 + generator.nextStandardNormal() }
        return (design, response)
    }
}
