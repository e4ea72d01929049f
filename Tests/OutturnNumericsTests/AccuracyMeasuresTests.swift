import Testing
import _TestSupport
@testable import OutturnNumerics

/// Each measure on small cases computed by hand.
@Suite("Accuracy measures")
struct AccuracyMeasuresTests {
    @Test("sMAPE: 200·|y−f|/(|y|+|f|) averaged, in percent; y = f = 0 adds 0")
    func smape() {
        // 200·10/210 = 9.5238…, 200·0/… = 0, 200·50/150 = 66.666…, 0/0 → 0.
        let value = AccuracyMeasures.smape(actual: [100, 50, 100, 0], forecast: [110, 50, 50, 0])
        let expected: Double = (2000.0 / 210 + 200.0 / 3) / 4
        #expect(isClose(value, expected, relative: 1e-14))
    }

    @Test("MASE scale is the mean absolute lag-1 change; MASE is mean absolute error over it")
    func mase() {
        let scale = AccuracyMeasures.maseScale(training: [10, 12, 11, 15])  // (2 + 1 + 4)/3
        #expect(isClose(scale, 7.0 / 3, relative: 1e-14))
        let value = AccuracyMeasures.mase(actual: [16, 18], forecast: [15, 15], scale: scale)
        let expected: Double = 2.0 / (7.0 / 3.0)
        #expect(isClose(value, expected, relative: 1e-14))
        #expect(AccuracyMeasures.maseScale(training: [5, 5, 5]) == 0)
        #expect(AccuracyMeasures.maseScale(training: [5]) == 0)
    }

    @Test("coverage counts points inside closed intervals")
    func coverage() {
        let count = AccuracyMeasures.covered(actual: [1, 5, 10, 3], lower: [0, 5, 0, 4], upper: [2, 6, 9, 8])
        #expect(count == 2)  // 1 inside, 5 on the bound, 10 above, 3 below
    }

    @Test("MSIS: width plus 2/α times the miss, averaged and scaled")
    func msis() {
        // Points: inside (width 4), below by 1 (width 4 + 40·1), above by 2 (width 4 + 40·2); α = 0.05.
        let value = AccuracyMeasures.msis(actual: [5, 2, 11], lower: [3, 3, 5], upper: [7, 7, 9], alpha: 0.05, scale: 2)
        let expected: Double = (4.0 + 44.0 + 84.0) / 3.0 / 2.0
        #expect(isClose(value, expected, relative: 1e-14))
    }
}

@Suite("Sample quantile")
struct SampleQuantileTests {
    @Test("type 7 matches numpy.quantile's default (numpy 2.4.6) on a small sample")
    func matchesNumpy() {
        let sorted = [3.0, 1, 4, 1, 5, 9, 2, 6].sorted()
        // numpy.quantile([3, 1, 4, 1, 5, 9, 2, 6], p) for p = 0, 0.1, 0.25, 0.5, 0.9, 0.975, 1.
        let expected = [1.0, 1.0, 1.75, 3.5, 6.8999999999999995, 8.475000000000001, 9.0]
        for (p, value) in zip([0, 0.1, 0.25, 0.5, 0.9, 0.975, 1], expected) {
            #expect(isClose(SampleQuantile.type7(p, sorted: sorted), value, relative: 1e-15), "p \(p)")
        }
        #expect(SampleQuantile.type7(0.3, sorted: [42]) == 42)
    }
}
