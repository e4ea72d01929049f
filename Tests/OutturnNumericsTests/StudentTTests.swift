import Foundation
import Testing
import OutturnNumerics
import _TestSupport

@Suite("Student t distribution")
struct StudentTTests {
    // Published two-sided critical values (e.g. NIST/SEMATECH e-Handbook table 1.3.6.7.2), to 16 digits
    // as given by R's qt(). The brief quoted t(0.995, 5) as 4.032142983557536; that is off in the
    // 12th digit: mpmath 1.3.0 (50 digits, bisection on betainc) and SciPy both give 4.032142983555227.
    @Test("quantiles match published critical values")
    func quantilesMatchPublishedValues() {
        #expect(isClose(StudentT.quantile(0.975, degreesOfFreedom: 10), 2.228138851986274, relative: 1e-13))
        #expect(isClose(StudentT.quantile(0.975, degreesOfFreedom: 30), 2.042272456301238, relative: 1e-13))
        #expect(isClose(StudentT.quantile(0.995, degreesOfFreedom: 5), 4.032142983555227, relative: 1e-13))
        #expect(isClose(StudentT.quantile(0.025, degreesOfFreedom: 10), -2.228138851986274, relative: 1e-13))
    }

    // Reference values: mpmath 1.3.0 at 50 digits, P(T ≤ t) = ½·betainc(ν/2, ½, 0, ν/(ν+t²), regularized)
    // (lower tail), quantiles by 400 bisection steps on that cdf.
    @Test("quantiles match 50-digit references in body and tails, non-integer ν included")
    func quantilesMatchHighPrecisionReferences() {
        let cases: [(p: Double, nu: Double, t: Double)] = [
            (0.9, 3.5, 1.5765766051364053),
            (1e-10, 4, -416.17514032960413),
            (0.999999, 7, 14.241469651921153),
            (0.6, 50, 0.25469934298858811),
            (0.975, 300, 1.9679030112610866),
            (1e-6, 1.5, -5219.4693247069458),
        ]
        for c in cases {
            let actual = StudentT.quantile(c.p, degreesOfFreedom: c.nu)
            #expect(isClose(actual, c.t, relative: 1e-12), "p = \(c.p), ν = \(c.nu): \(actual) vs \(c.t)")
        }
    }

    @Test("cdf matches 50-digit references, tiny lower tails keep relative accuracy")
    func cdfMatchesHighPrecisionReferences() {
        let cases: [(t: Double, nu: Double, p: Double)] = [
            (-10, 3, 0.001064199529207075),
            (-40, 5, 9.2059810858864772e-8),
            (0.1, 7, 0.53842597019760381),
            (-3, 2.5, 0.036288047774515922),
            (2, 1000, 0.97711482675337418),
            (-1000, 10, 1.2304123550866356e-26),
            (1.5, 0.5, 0.74604910467594578),
            (0.001, 20, 0.50039398851676344),
        ]
        for c in cases {
            let actual = StudentT.cdf(c.t, degreesOfFreedom: c.nu)
            #expect(isClose(actual, c.p, relative: 1e-12), "t = \(c.t), ν = \(c.nu): \(actual) vs \(c.p)")
        }
    }

    // Same mpmath recipe; large ν stresses the log-beta prefactor (Stirling difference, not lgamma − lgamma).
    @Test("cdf keeps about 1e-12 relative accuracy for large ν")
    func cdfIsAccurateForLargeDegreesOfFreedom() {
        let cases: [(t: Double, nu: Double, p: Double)] = [
            (-2.5, 1000, 0.0062892839005453984),
            (-3, 10000, 0.0013532240949988331),
            (-4, 100000, 3.169399877859767e-5),
            (-1.5, 1e6, 0.066807359118396385),
            (-6, 500, 1.8952211692396462e-9),
        ]
        for c in cases {
            let actual = StudentT.cdf(c.t, degreesOfFreedom: c.nu)
            #expect(isClose(actual, c.p, relative: 5e-12), "t = \(c.t), ν = \(c.nu): \(actual) vs \(c.p)")
        }
    }

    @Test("ν = 1 and ν = 2 follow their closed forms")
    func closedFormsForOneAndTwoDegrees() {
        for p in [0.01, 0.2, 0.5, 0.7, 0.99] {
            #expect(isClose(StudentT.quantile(p, degreesOfFreedom: 1), tan(Double.pi * (p - 0.5)),
                            relative: 1e-13, absolute: 1e-15), "Cauchy p = \(p)")
        }
        // In the far tails tan(π(p − ½)) itself loses digits (π(p − ½) is rounded near ±π/2);
        // there the quantile is −cot(πp) = −1/(πp) + πp/3 + O(p³).
        for p in [1e-12, 1e-9] {
            #expect(isClose(StudentT.quantile(p, degreesOfFreedom: 1), -1 / (Double.pi * p) + Double.pi * p / 3,
                            relative: 1e-14), "Cauchy lower tail p = \(p)")
            #expect(isClose(StudentT.quantile(1 - p, degreesOfFreedom: 1), 1 / (Double.pi * (1 - (1 - p))),
                            relative: 1e-12), "Cauchy upper tail p = 1 − \(p)")
        }
        for p in [1e-12, 0.01, 0.2, 0.5, 0.7, 0.99, 1 - 1e-9] {
            let two = (2 * p - 1) / (2 * p * (1 - p)).squareRoot()
            #expect(isClose(StudentT.quantile(p, degreesOfFreedom: 2), two, relative: 1e-13, absolute: 1e-15),
                    "ν = 2, p = \(p)")
        }
        #expect(isClose(StudentT.cdf(1, degreesOfFreedom: 1), 0.75, relative: 1e-15))
        #expect(isClose(StudentT.cdf(-1, degreesOfFreedom: 2), 0.5 - 0.5 / 3.0.squareRoot(), relative: 1e-14))
    }

    // ν = 3 and ν = 4 have elementary cdfs (Abramowitz & Stegun 26.7.3) that exercise the
    // continued-fraction path independently.
    @Test("continued-fraction cdf agrees with the elementary forms for ν = 3 and ν = 4")
    func continuedFractionAgreesWithElementaryForms() {
        // (Only where the elementary forms do not cancel: lower tails above 1e-2.)
        for t in [-4.0, -1.3, -0.2, 0, 0.5, 2, 7.5, 40] {
            let u = t / 3.0.squareRoot()
            let three = 0.5 + (u / (1 + u * u) + atan(u)) / Double.pi
            #expect(isClose(StudentT.cdf(t, degreesOfFreedom: 3), three, relative: 1e-13), "ν = 3, t = \(t)")
            let w = 1 + t * t / 4
            let four = 0.5 + 0.375 * (t / w.squareRoot()) * (1 - t * t / (12 * w))
            #expect(isClose(StudentT.cdf(t, degreesOfFreedom: 4), four, relative: 1e-13), "ν = 4, t = \(t)")
        }
    }

    @Test("quantile inverts cdf across ν and both tails")
    func quantileInvertsCdf() {
        for nu in [0.3, 1, 2, 2.5, 3, 7, 29, 120, 1000] {
            for p in [1e-15, 1e-7, 0.001, 0.05, 0.3, 0.5, 0.8, 0.975, 0.999999] {
                let t = StudentT.quantile(p, degreesOfFreedom: nu)
                #expect(isClose(StudentT.cdf(t, degreesOfFreedom: nu), p, relative: 1e-11), "ν = \(nu), p = \(p)")
            }
        }
    }

    @Test("invalid arguments give NaN and the ends give infinities")
    func edgesAndInvalidArguments() {
        #expect(StudentT.quantile(0, degreesOfFreedom: 5) == -.infinity)
        #expect(StudentT.quantile(1, degreesOfFreedom: 5) == .infinity)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 5) == 0)
        #expect(StudentT.quantile(1.2, degreesOfFreedom: 5).isNaN)
        #expect(StudentT.quantile(0.9, degreesOfFreedom: 0).isNaN)
        #expect(StudentT.cdf(1, degreesOfFreedom: -1).isNaN)
        #expect(StudentT.cdf(.infinity, degreesOfFreedom: 3) == 1)
        #expect(StudentT.cdf(-.infinity, degreesOfFreedom: 3) == 0)
        #expect(isClose(StudentT.quantile(0.975, degreesOfFreedom: .infinity), Normal.quantile(0.975)))
    }
}
