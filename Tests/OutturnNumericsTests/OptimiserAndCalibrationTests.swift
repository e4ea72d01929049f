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

    @Test("table half-widths are type-7 quantiles of the pooled errors")
    func quantiles() {
        // 0, 1, …, 10: the c-quantile (type 7) is 10c.
        let samples: [[[Double]]] = [[ (0...10).map(Double.init).reversed() ]]
        let widths = CalibrationStudy.halfWidths(samples)[0][0]
        for (coverage, width) in zip(IntervalCalibration.coverages, widths) {
            #expect(isClose(width, 10 * coverage, relative: 1e-12, absolute: 1e-12))
        }
    }

    @Test("an empirical shape hits its table exactly and is symmetric")
    func empiricalShape() {
        let shape = ErrorShape.empirical(coverages: [0, 0.5, 0.8, 0.95], halfWidths: [0, 1, 2, 4])
        #expect(isClose(shape.quantile(0.9), 2, relative: 1e-12))      // central 80%
        #expect(isClose(shape.quantile(0.025), -4, relative: 1e-12))   // central 95%
        #expect(isClose(shape.cdf(1), 0.75, relative: 1e-12))
        #expect(isClose(shape.cdf(-1.5), 1 - shape.cdf(1.5), relative: 1e-12))
        #expect(shape.quantile(0.999) > 4)                              // normal tail beyond the table
    }

    @Test("length classes follow the documented bounds")
    func lengthClasses() {
        #expect([1, 2, 3, 4, 5, 9, 10, 19, 20, 60].map(IntervalCalibration.lengthClass(count:)) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4])
    }
}
