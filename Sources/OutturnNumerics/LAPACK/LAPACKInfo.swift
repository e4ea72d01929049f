import COpenBLAS

/// The LAPACK routines OutturnNumerics calls. Each says what a positive `info` from it means
/// (its documentation's "INFO > 0" clause), so that `LinearAlgebraError.check(_:routine:)` maps
/// codes by routine rather than by name.
public enum LAPACKRoutine: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// Householder QR with column pivoting.
    case dgeqp3
    /// Multiplication by Q from a QR factorisation.
    case dormqr
    /// Multiplication by Q from a QR factorisation, unblocked.
    case dorm2r
    /// Triangular solve.
    case dtrtrs
    /// Triangular inverse.
    case dtrtri
    /// Cholesky factorisation.
    case dpotrf
    /// LU factorisation with partial pivoting and solve.
    case dgesv

    /// What `info > 0` reports for this routine.
    enum PositiveInfo {
        /// info = i: the i-th diagonal element of the (triangular or LU) factor is exactly zero.
        case zeroPivot
        /// info = i: the leading minor of order i is not positive definite.
        case leadingMinorNotPositiveDefinite
        /// The routine documents no positive info (it returns 0 or an illegal-argument code).
        case none
    }

    /// The meaning of a positive `info`, from the routine's documentation.
    var positiveInfo: PositiveInfo {
        switch self {
        case .dtrtrs, .dtrtri, .dgesv: return .zeroPivot
        case .dpotrf: return .leadingMinorNotPositiveDefinite
        case .dgeqp3, .dormqr, .dorm2r: return .none
        }
    }

    /// The routine's name, as LAPACK spells it.
    public var description: String { rawValue }
}

extension LinearAlgebraError {
    /// Maps LAPACK's `info` for `routine` to a typed error; returns normally when `info == 0`.
    /// Negative: an illegal argument; positive: what ``LAPACKRoutine/positiveInfo`` says.
    static func check(_ info: lapack_int_t, routine: LAPACKRoutine) throws {
        if info == 0 { return }
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: routine, index: Int(-info)) }
        let code = Int(info)
        switch routine.positiveInfo {
        case .zeroPivot: throw LinearAlgebraError.singular(routine: routine, pivot: code)
        case .leadingMinorNotPositiveDefinite: throw LinearAlgebraError.notPositiveDefinite(routine: routine, order: code)
        case .none: throw LinearAlgebraError.undocumentedInfo(routine: routine, info: code)
        }
    }

    /// Converts a Swift dimension to LAPACK's integer type, or throws if it does not fit.
    static func lapackInt(_ value: Int, routine: LAPACKRoutine) throws -> lapack_int_t {
        guard let converted = lapack_int_t(exactly: value) else {
            throw LinearAlgebraError.dimensionTooLarge(routine: routine, value: value)
        }
        return converted
    }
}
