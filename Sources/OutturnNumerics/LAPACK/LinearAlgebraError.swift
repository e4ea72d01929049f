/// A failure reported by a BLAS or LAPACK routine, with the routine.
///
/// Every LAPACK `info` code is turned into one of these cases by `check(_:routine:)`,
/// so that callers never see a bare integer and messages always say which routine failed.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Argument number `index` (one-based, as LAPACK counts) had an illegal value: a programming error.
    case illegalArgument(routine: LAPACKRoutine, index: Int)
    /// The matrix is singular: the diagonal element `pivot` (one-based) of the factor is exactly zero.
    case singular(routine: LAPACKRoutine, pivot: Int)
    /// The leading minor of order `order` is not positive definite (Cholesky).
    case notPositiveDefinite(routine: LAPACKRoutine, order: Int)
    /// A positive `info` from a routine that documents none (never expected; reported, not ignored).
    case undocumentedInfo(routine: LAPACKRoutine, info: Int)
    /// A dimension does not fit in LAPACK's 32-bit integers.
    case dimensionTooLarge(routine: LAPACKRoutine, value: Int)

    /// The problem in one line, naming the LAPACK routine (for logs and developers).
    public var description: String {
        switch self {
        case let .illegalArgument(routine, index):
            return "\(routine): argument \(index) had an illegal value"
        case let .singular(routine, pivot):
            return "\(routine): matrix is singular (zero pivot at position \(pivot))"
        case let .notPositiveDefinite(routine, order):
            return "\(routine): matrix is not positive definite (leading minor of order \(order))"
        case let .undocumentedInfo(routine, info):
            return "\(routine): returned info = \(info), which it does not document"
        case let .dimensionTooLarge(routine, value):
            return "\(routine): dimension \(value) exceeds LAPACK's 32-bit integer range"
        }
    }
}
