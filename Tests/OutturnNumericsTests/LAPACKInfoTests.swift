import Testing
@testable import OutturnNumerics

/// LAPACK `info` codes mapped by routine, as each routine's documentation defines them.
@Suite("LAPACK info codes")
struct LAPACKInfoTests {
    @Test("zero is success for every routine")
    func zeroIsSuccess() throws {
        for routine in LAPACKRoutine.allCases { try LinearAlgebraError.check(0, routine: routine) }
    }

    @Test("a negative info names the illegal argument, for every routine")
    func negativeIsIllegalArgument() {
        for routine in LAPACKRoutine.allCases {
            #expect(throws: LinearAlgebraError.illegalArgument(routine: routine, index: 4)) {
                try LinearAlgebraError.check(-4, routine: routine)
            }
        }
    }

    @Test("a positive info means a zero pivot for the triangular and LU routines, a failed minor for Cholesky",
          arguments: [(LAPACKRoutine.dtrtrs, true), (.dtrtri, true), (.dgesv, true), (.dpotrf, false)])
    func positiveByRoutine(routine: LAPACKRoutine, singular: Bool) {
        let expected: LinearAlgebraError = singular ? .singular(routine: routine, pivot: 3)
            : .notPositiveDefinite(routine: routine, order: 3)
        #expect(throws: expected) { try LinearAlgebraError.check(3, routine: routine) }
    }

    @Test("a positive info from a routine that documents none is reported, not taken for singularity",
          arguments: [LAPACKRoutine.dgeqp3, .dormqr, .dorm2r])
    func undocumentedPositiveInfo(routine: LAPACKRoutine) {
        #expect(throws: LinearAlgebraError.undocumentedInfo(routine: routine, info: 1)) {
            try LinearAlgebraError.check(1, routine: routine)
        }
    }

    @Test("messages name the routine as LAPACK spells it")
    func messagesNameRoutine() {
        #expect(LinearAlgebraError.singular(routine: .dgesv, pivot: 2).description
            == "dgesv: matrix is singular (zero pivot at position 2)")
    }
}
