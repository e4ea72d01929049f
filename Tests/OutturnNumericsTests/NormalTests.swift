import Testing
import OutturnNumerics
import _TestSupport

@Suite("Normal distribution")
struct NormalTests {
    // Published values (Abramowitz & Stegun table 26.1 / Wichura 1988) to 16 digits.
    @Test("quantiles match published percentage points")
    func quantilesMatchPublishedPoints() {
        #expect(isClose(Normal.quantile(0.975), 1.959963984540054, relative: 1e-15))
        #expect(isClose(Normal.quantile(0.9), 1.2815515655446004, relative: 1e-15))
        #expect(isClose(Normal.quantile(0.025), -1.959963984540054, relative: 1e-15))
        #expect(isClose(Normal.quantile(1e-10), -6.361340902404056, relative: 1e-14))
        #expect(Normal.quantile(0.5) == 0)
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(1.5).isNaN)
    }

    @Test("cdf inverts quantile across both tails")
    func cdfInvertsQuantile() {
        for p in [1e-300, 1e-20, 1e-8, 0.001, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999] {
            #expect(isClose(Normal.cdf(Normal.quantile(p)), p, relative: 1e-13), "p = \(p)")
        }
    }
}
