import Testing
@testable import OutturnNumerics

/// The extended arithmetic behind iterative refinement, checked on sums and products whose exact
/// values are known powers of two.
@Suite("Extended precision accumulators")
struct ExtendedPrecisionTests {
    @Test("double-double keeps a sum a double would lose: 1 + 2⁻⁶⁰ − 1 = 2⁻⁶⁰")
    func doubleDoubleKeepsSmallAddend() {
        let sum = DoubleDouble(1).adding(DoubleDouble(0x1p-60)).subtracting(DoubleDouble(1))
        #expect(sum.roundedToDouble == 0x1p-60)
        #expect(1 + 0x1p-60 - 1 == 0.0) // what Double alone gives
    }

    @Test("double-double products are exact to 106 bits: (1 + 2⁻³⁰)² = 1 + 2⁻²⁹ + 2⁻⁶⁰")
    func doubleDoubleExactSquare() {
        let a = 1 + 0x1p-30
        let square = DoubleDouble(a).multiplied(by: a)
        #expect(square.high == 1 + 0x1p-29 && square.low == 0x1p-60)
        let extendedSquare = DoubleDouble(a).multiplied(byExtended: DoubleDouble(a))
        #expect(extendedSquare == square)
    }

    @Test("double-double reciprocal of 3 times 3 is 1 to 2⁻¹⁰⁴")
    func doubleDoubleReciprocal() {
        let third = DoubleDouble.reciprocal(of: 3)
        let one = third.multiplied(by: 3).subtracting(DoubleDouble(1))
        #expect(abs(one.roundedToDouble) <= 0x1p-104)
        #expect(third.high == 1.0 / 3)
    }

    #if arch(x86_64) && !os(Windows) && !os(Android)
    @Test("Float80 is the platform accumulator on x86-64 and keeps 2⁻⁶⁰ beside 1")
    func float80IsPlatformAccumulator() {
        #expect(PlatformExtended.self == Float80.self)
        let sum = Float80(1).adding(Float80(0x1p-60)).subtracting(Float80(1))
        #expect(sum.roundedToDouble == 0x1p-60)
    }
    #endif
}
