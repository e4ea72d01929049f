#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A quantile function made ready for many calls on one shape: the joint simulation of a total
/// asks each line's distribution for one quantile per draw (20,000 by default).
///
/// Most shapes need no preparation. The budget-execution model's pattern-break mixture does: its
/// quantile has no closed form, and finding it by root search costs several distribution-function
/// evaluations a call. Both its components are `LogScaleTable`s in the same standardised log
/// coordinate z (E = expm1(σ·z)), the second one shifted and reweighted at one cut, so on the
/// merged knots of the two tables and the cut the mixture's distribution function G(z) is linear
/// between knots wherever both tables are (between their first and last points): there it is
/// tabulated once, and each quantile is one binary search and one linear inverse, exact. In the few
/// places it is not linear (either table's exponential tails, the censored top) the call falls back
/// to the shape's own quantile.
package struct PreparedQuantile: Sendable {
    private let shape: ErrorShape
    private let table: MergedTable?

    /// The quantile function of `shape`, tabulated when `shape` is a pattern-break mixture of two
    /// log-scale tables in one coordinate (the form `ErrorShape.mixingSides` and the budget-execution
    /// model build); otherwise `shape.quantile` itself.
    package init(_ shape: ErrorShape) {
        self.shape = shape
        table = MergedTable(shape)
    }

    /// Whether the shape was tabulated (a pattern-break mixture of two log-scale tables).
    package var isTabulated: Bool { table != nil }

    /// The p-quantile of the shape: equal to `shape.quantile(p)` (to rounding).
    package func callAsFunction(_ p: Double) -> Double {
        if let table, let value = table.quantile(p) { return value }
        return shape.quantile(p)
    }

    /// (1 − w)·F(z) + w·S(z) tabulated at the merged knots, with the range where it is linear.
    private struct MergedTable: Sendable {
        let knots: [Double]
        let levels: [Double]
        let logScale: Double
        /// Between these knots both tables are linear (inside their first and last points, below the limit).
        let linearFrom: Double, linearTo: Double

        init?(_ shape: ErrorShape) {
            guard case .mixture(let w, let base, let alternative) = shape,
                  case .logEmpirical(let points, let baseLevels, let sigma, let limit) = base,
                  case .sideWeighted(let held, let cut, let below, let above) = alternative,
                  case .logEmpirical(let heldPoints, let heldLevels, let heldSigma, let heldLimit) = held,
                  sigma == heldSigma, limit == heldLimit, sigma > 0, cut > -1,
                  points.count >= 2, heldPoints.count >= 2 else { return nil }
            let first = LogScaleTable(points: points, levels: baseLevels, upperLimit: limit)
            let second = LogScaleTable(points: heldPoints, levels: heldLevels, upperLimit: limit)
            let cutZ = log1p(cut) / sigma
            linearFrom = max(points[0], heldPoints[0])
            linearTo = min(points[points.count - 1], heldPoints[heldPoints.count - 1], limit.nextDown)
            guard linearFrom < linearTo else { return nil }
            // The merged knots inside the linear range (each table's points, and the cut).
            var merged: [Double] = []
            merged.reserveCapacity(points.count + heldPoints.count + 1)
            var i = 0, j = 0
            while i < points.count || j < heldPoints.count {
                let z: Double
                if j == heldPoints.count || (i < points.count && points[i] <= heldPoints[j]) {
                    z = points[i]; i += 1
                } else {
                    z = heldPoints[j]; j += 1
                }
                if z >= linearFrom, z <= linearTo, merged.last.map({ z > $0 }) ?? true { merged.append(z) }
            }
            if cutZ > linearFrom, cutZ < linearTo, let k = merged.firstIndex(where: { $0 >= cutZ }), merged[k] != cutZ {
                merged.insert(cutZ, at: k)
            }
            if merged.last != linearTo { merged.append(linearTo) }
            guard merged.count >= 2 else { return nil }
            let atCut = second.cdf(cutZ)
            let baseCDF = first.cdfs(atSorted: merged), heldCDF = second.cdfs(atSorted: merged)
            levels = merged.indices.map { k in
                let h = heldCDF[k], z = merged[k]
                let s = z <= cutZ ? below * h : min(1, below * atCut + above * (h - atCut))
                return (1 - w) * baseCDF[k] + w * s
            }
            knots = merged
            logScale = sigma
        }

        /// The quantile where G is linear on the knot interval holding it; nil elsewhere (tails,
        /// censoring), where the caller uses the shape's own quantile.
        func quantile(_ p: Double) -> Double? {
            let last = levels.count - 1
            guard p > levels[0], p <= levels[last] else { return nil }
            // The first knot with G ≥ p (levels non-decreasing).
            var lo = 0, hi = last
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if levels[mid] >= p { hi = mid } else { lo = mid }
            }
            let rise = levels[hi] - levels[lo]
            let z = rise > 0 ? knots[lo] + (p - levels[lo]) / rise * (knots[hi] - knots[lo]) : knots[hi]
            return expm1(logScale * min(z, knots[hi]))
        }
    }
}

extension LogScaleTable {
    /// The uncensored distribution function at each of `zs` (sorted, non-decreasing), in one sweep
    /// over the table: the values `cdf` gives below the upper limit.
    package func cdfs(atSorted zs: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: zs.count)
        let first = points[0], lastIndex = points.count - 1
        var k = 0
        for (index, z) in zs.enumerated() {
            if z <= first {
                out[index] = levels[0] * exp(z - first)
            } else if z >= points[lastIndex] {
                out[index] = 1 - (1 - levels[lastIndex]) * exp(-(z - points[lastIndex]))
            } else {
                while k + 1 < lastIndex && points[k + 1] <= z { k += 1 }
                let t = (z - points[k]) / (points[k + 1] - points[k])
                out[index] = levels[k] + t * (levels[k + 1] - levels[k])
            }
        }
        return out
    }
}

extension PredictiveDistribution {
    /// This distribution's quantile function made ready for many calls (``PreparedQuantile``); the
    /// same values as ``quantile(_:)``.
    package func preparedQuantile() -> (Double) -> Double {
        let prepared = PreparedQuantile(shape)
        let (location, scale, lowerBound) = (self.location, self.scale, self.lowerBound)
        return { p in
            let value = scale == 0 ? location : location + scale * prepared(p)
            guard let lowerBound else { return value }
            return max(lowerBound, value)
        }
    }
}
