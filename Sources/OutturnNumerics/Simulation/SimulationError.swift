/// Why a simulation could not be set up.
public enum SimulationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The covariance matrix is not positive definite: its leading minor of this order (one-based)
    /// failed in the Cholesky factorisation. Singular (perfectly correlated) covariances land here too.
    case covarianceNotPositiveDefinite(order: Int)
    /// A mean or covariance entry is NaN or infinite; (row, column) zero-based, column nil for the mean.
    case nonFiniteParameter(row: Int, column: Int?)
    /// The covariance matrix is not symmetric at (row, column), zero-based.
    case covarianceNotSymmetric(row: Int, column: Int)

    /// The problem in one line, with what to check (for logs and developers).
    public var description: String {
        switch self {
        case let .covarianceNotPositiveDefinite(order):
            return "covariance matrix is not positive definite (leading minor of order \(order) fails); check for a zero or negative variance or perfectly correlated components"
        case let .nonFiniteParameter(row, column):
            return column.map { "covariance entry (\(row + 1), \($0 + 1)) is not a finite number" }
                ?? "mean entry \(row + 1) is not a finite number"
        case let .covarianceNotSymmetric(row, column):
            return "covariance matrix is not symmetric at (\(row + 1), \(column + 1))"
        }
    }
}
