import Testing
import _TestSupport
@testable import OutturnNumerics

@Suite("Bounded Nelder–Mead and calibration helpers")
struct OptimiserAndCalibrationTests {
    @Test("finds the minimum of a shifted quadratic inside the box and stops on an active bound")
    func nelderMead() {
        let box = BoundedNelderMead(lower: [0, 0], upper: [1, 1])
        let inside = box.minimise(from: [0.9, 0.9]) { x in (x[0] - 0.3) * (x[0] - 0.3) + 2 * (x[1] - 0.6) * (x[1] - 0.6) }
        #expect(isClose(inside.point[0], 0.3, absolute: 1e-4) && isClose(inside.point[1], 0.6, absolute: 1e-4))
        // Unconstrained minimum at (1.5, −0.2): the box optimum is the corner (1, 0), reached exactly.
        let corner = box.minimise(from: [0.5, 0.5]) { x in (x[0] - 1.5) * (x[0] - 1.5) + (x[1] + 0.2) * (x[1] + 0.2) }
        #expect(corner.point == [1, 0])
    }

    @Test("table quantiles are type-7 quantiles of the pooled errors")
    func quantiles() {
        // 0, 1, …, 10 in any order: the p-quantile (type 7) is 10p.
        let samples: [[[Double]]] = [[ (0...10).map(Double.init).reversed() ]]
        let quantiles = CalibrationStudy.quantileTable(samples).quantiles[0][0]
        for (p, q) in zip(IntervalCalibration.probabilities, quantiles) {
            #expect(isClose(q, 10 * p, relative: 1e-12, absolute: 1e-12))
        }
    }

    @Test("an empirical shape hits its table exactly, may be asymmetric, and its cdf inverts its quantile")
    func empiricalShape() {
        let shape = ErrorShape.empirical(probabilities: [0.025, 0.1, 0.5, 0.9, 0.975], quantiles: [-2, -1, 0.5, 3, 6])
        #expect(isClose(shape.quantile(0.9), 3, relative: 1e-12))
        #expect(isClose(shape.quantile(0.025), -2, relative: 1e-12))
        #expect(isClose(shape.quantile(0.3), -0.25, relative: 1e-12))   // linear in p between 0.1 and 0.5
        #expect(isClose(shape.cdf(0.5), 0.5, relative: 1e-12))
        // Normal tails grow away from the median: 0.5 + (6 − 0.5)·z(0.999)/z(0.975).
        let expected: Double = 0.5 + 5.5 * Normal.quantile(0.999) / Normal.quantile(0.975)
        #expect(isClose(shape.quantile(0.999), expected, relative: 1e-12))
        for p in [0.001, 0.01, 0.05, 0.3, 0.7, 0.95, 0.99, 0.9999] {
            #expect(isClose(shape.cdf(shape.quantile(p)), p, relative: 1e-10), "p \(p)")
        }
    }

    @Test("scale: mean |change| below 5 points, mean |change − average change| from 5 points")
    func scaleDefinition() {
        #expect(IntervalCalibration.scale(of: [7]) == 0)
        // Changes 2, −1, 4: mean absolute change 7/3.
        #expect(isClose(IntervalCalibration.scale(of: [1, 3, 2, 6]), 7.0 / 3, relative: 1e-14))
        // Changes 2, −1, 4, −1 (average 1): deviations 1, 2, 3, 2 → 2.
        #expect(isClose(IntervalCalibration.scale(of: [1, 3, 2, 6, 5]), 2, relative: 1e-14))
        // A steady trend is not noise.
        #expect(IntervalCalibration.scale(of: [3, 5, 7, 9, 11, 13]) == 0)
        #expect(IntervalCalibration.direction(of: [5, 9, 4]) == -1 && IntervalCalibration.direction(of: [5, 2, 5]) == 1)
    }

    @Test("every shipped table is a valid quantile table whose 80% interval contains the point forecast")
    func shippedTables() {
        let p = IntervalCalibration.probabilities
        let lower = p.firstIndex { abs($0 - 0.1) < 1e-12 }!, upper = p.firstIndex { abs($0 - 0.9) < 1e-12 }!
        for method in ForecastMethod.allCases {
            let table = IntervalCalibration.table(for: method).quantiles
            #expect(table.count == IntervalCalibration.lengthClassLowerBounds.count)
            for (lengthClass, rows) in table.enumerated() {
                for (step, quantiles) in rows.enumerated() {
                    #expect(quantiles.count == p.count)
                    #expect(zip(quantiles, quantiles.dropFirst()).allSatisfy { $0 <= $1 }, "\(method) \(lengthClass) \(step)")
                    // Biased but not so biased that the forecast itself is implausible.
                    #expect(quantiles[lower] < 0 && quantiles[upper] > 0, "\(method) \(lengthClass) \(step)")
                }
            }
        }
    }

    @Test("length classes follow the documented bounds")
    func lengthClasses() {
        #expect([1, 2, 3, 4, 5, 9, 10, 19, 20, 60].map(IntervalCalibration.lengthClass(count:)) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4])
    }
}
