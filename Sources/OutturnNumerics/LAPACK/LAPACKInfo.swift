import COpenBLAS

extension LinearAlgebraError {
    /// Maps LAPACK's `info` for `routine` to a typed error; returns normally when `info == 0`.
    ///
    /// The meaning of a positive `info` depends on the routine family, so the mapping is by name:
    /// `potrf`/`potrs` → not positive definite, `gesdd`/`syevd` → no convergence, and
    /// triangular solves and inverses → singular.
    static func check(_ info: lapack_int_t, routine: String) throws {
        if info == 0 { return }
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: routine, index: Int(-info)) }
        let code = Int(info)
        if routine.hasSuffix("potrf") || routine.hasSuffix("potrs") {
            throw LinearAlgebraError.notPositiveDefinite(routine: routine, order: code)
        }
        if routine.hasSuffix("gesdd") || routine.hasSuffix("syevd") {
            throw LinearAlgebraError.noConvergence(routine: routine, count: code)
        }
        throw LinearAlgebraError.singular(routine: routine, pivot: code)
    }

    /// Converts a Swift dimension to LAPACK's integer type, or throws if it does not fit.
    static func lapackInt(_ value: Int, routine: String) throws -> lapack_int_t {
        guard let converted = lapack_int_t(exactly: value) else {
            throw LinearAlgebraError.dimensionTooLarge(routine: routine, value: value)
        }
        return converted
    }
}
