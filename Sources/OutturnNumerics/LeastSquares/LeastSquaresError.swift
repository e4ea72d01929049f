/// Why a least squares fit could not be made. Rank deficiency is *not* an error: the fit reports
/// it in ``LeastSquaresFit/aliasedColumns``.
public enum LeastSquaresError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The design has no rows, so there is nothing to fit.
    case noObservations
    /// The design has no columns, so there is no model.
    case noColumns
    /// Design element (row, column), both zero-based, is NaN or infinite.
    case nonFiniteDesign(row: Int, column: Int, value: Double)
    /// Response element `row` (zero-based) is NaN or infinite.
    case nonFiniteResponse(row: Int, value: Double)
    /// Log-linear models need positive responses; element `row` (zero-based) is not.
    case nonPositiveResponse(row: Int, value: Double)
    /// The coefficient of design column `column` (zero-based), or its standard error, or the residual
    /// standard error, lies beyond `Double`'s range (overflows, or underflows to zero) for this data.
    case resultOutOfRange(column: Int)

    /// The problem in one line, naming the column where there is one (for logs and developers).
    public var description: String {
        switch self {
        case .noObservations: return "least squares: the design has no rows (no observations)"
        case .noColumns: return "least squares: the design has no columns (no terms in the model)"
        case let .nonFiniteDesign(row, column, value):
            return "least squares: design value at row \(row + 1), column \(column + 1) is \(value), not a finite number"
        case let .nonFiniteResponse(row, value):
            return "least squares: response at row \(row + 1) is \(value), not a finite number"
        case let .nonPositiveResponse(row, value):
            return "least squares: response at row \(row + 1) is \(value); a log-linear model needs values above zero"
        case let .resultOutOfRange(column):
            return "least squares: the coefficient of column \(column + 1) or its standard error is beyond the range of double precision (about 1e-308 to 1e308)"
        }
    }
}
