/// Tolerance-aware comparison shared by every numeric test.
///
/// `actual` is close to `expected` when `|actual − expected| ≤ absolute + relative·|expected|`.
/// Defaults: relative 1e-12 (a few hundred ulps), absolute 0, so a zero `expected` needs an explicit
/// absolute tolerance. NaN is close only to NaN; infinities only to the same infinity.
public func isClose(_ actual: Double, _ expected: Double, relative: Double = 1e-12, absolute: Double = 0) -> Bool {
    if actual.isNaN || expected.isNaN { return actual.isNaN && expected.isNaN }
    if actual.isInfinite || expected.isInfinite { return actual == expected }
    return abs(actual - expected) <= absolute + relative * abs(expected)
}

/// Element-wise ``isClose(_:_:relative:absolute:)`` for arrays of equal length.
public func isClose(_ actual: [Double], _ expected: [Double], relative: Double = 1e-12, absolute: Double = 0) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy {
        isClose($0, $1, relative: relative, absolute: absolute)
    }
}

/// The log relative error used by NIST StRD: the number of correct significant digits of `actual`
/// against `certified` (capped at 15; where `certified` is 0, the log absolute error).
public func logRelativeError(_ actual: Double, certified: Double) -> Double {
    if actual == certified { return 15 }
    let error = certified == 0 ? abs(actual) : abs(actual - certified) / abs(certified)
    return min(15, -log10(error))
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
