import COpenBLAS

/// Thin, typed wrappers over the Fortran LAPACK routines OpenBLAS exports.
///
/// Conventions shared by every wrapper (one file per routine family, `LAPACK+Family.swift`):
/// matrices are column-major `[Double]` with the leading dimension stated in the opening comment;
/// workspace sizes are queried first (`lwork = -1`), then the routine is called; empty inputs
/// return before any call; every `info` goes through ``LinearAlgebraError/check(_:routine:)``.
/// This folder is the only place where LAPACK's `Int32` appears; pointers appear only here and in
/// `Kernels/` (the SIMD batch kernels, which call no LAPACK).
enum LAPACK {
    /// A Fortran character argument.
    static func character(_ letter: Unicode.Scalar) -> CChar {
        CChar(UInt8(ascii: letter))
    }

    /// The optimal workspace length LAPACK reported in `work[0]` after a query, at least `minimum`.
    static func workspaceLength(_ reported: Double, minimum: Int) -> Int {
        max(minimum, Int(reported.rounded(.up)))
    }
}
