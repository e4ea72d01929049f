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

    // mpmath 1.3.0, 40 digits: mp.ncdf(x), mp.npdf(x).
    @Test("cdf and pdf match 40-digit references, deep lower tail included")
    func cdfAndPdfMatchReferences() {
        #expect(isClose(Normal.cdf(-1.96), 0.024997895148220436, relative: 1e-14))
        #expect(isClose(Normal.cdf(1), 0.84134474606854295, relative: 1e-15))
        #expect(isClose(Normal.cdf(-10), 7.6198530241605261e-24, relative: 1e-13))
        #expect(isClose(Normal.cdf(-37.5), 4.6053530095819548e-308, relative: 1e-12))
        #expect(isClose(Normal.pdf(1.5), 0.12951759566589173, relative: 1e-15))
        #expect(Normal.cdf(.nan).isNaN)
    }

    @Test("quantile is antisymmetric about one half")
    func quantileIsAntisymmetric() {
        for p in [0.001, 0.2, 0.25, 0.4999] {
            #expect(isClose(Normal.quantile(p), -Normal.quantile(1 - p), relative: 1e-9), "p = \(p)")
        }
    }
}
