/// Nelder–Mead simplex minimisation inside a box: every trial point is clamped to
/// `lower…upper` coordinate by coordinate, so bounds can be reached exactly (as R's ets
/// optimum often sits on a bound such as alpha = 0.9999).
///
/// Standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½; Nelder & Mead
/// 1965, as in Lagarias et al. 1998). Stops when the spread of objective values over the simplex
/// is below `tolerance` (absolute plus relative) or after `maxEvaluations`. Deterministic.
/// Not guaranteed: a global minimum; callers restart from several points.
public struct BoundedNelderMead: Sendable {
    /// Lower bounds, one per coordinate.
    public let lower: [Double]
    /// Upper bounds, one per coordinate (≥ lower).
    public let upper: [Double]
    /// Convergence tolerance on objective values.
    public var tolerance: Double = 1e-10
    /// Budget of objective evaluations.
    public var maxEvaluations: Int = 600

    /// A box `lower…upper`; both have the problem's dimension.
    public init(lower: [Double], upper: [Double]) {
        precondition(lower.count == upper.count, "bounds differ in length: \(lower.count) vs \(upper.count)")
        self.lower = lower
        self.upper = upper
    }

    /// Minimises `objective` starting from `start` (clamped into the box); the initial simplex
    /// steps 10% of each box width (away from the nearer bound).
    /// - Returns: the best point and its value. Non-finite objective values count as +infinity.
    public func minimise(from start: [Double], _ objective: ([Double]) -> Double) -> (point: [Double], value: Double) {
        let dimension = start.count
        precondition(dimension == lower.count, "start has \(dimension) coordinates, bounds \(lower.count)")
        func clamp(_ x: [Double]) -> [Double] {
            var y = x
            for i in 0..<dimension { y[i] = min(upper[i], max(lower[i], y[i])) }
            return y
        }
        var evaluations = 0
        func f(_ x: [Double]) -> Double {
            evaluations += 1
            let value = objective(x)
            return value.isFinite ? value : .infinity
        }
        var simplex: [[Double]] = [clamp(start)]
        for i in 0..<dimension {
            var vertex = simplex[0]
            let step = 0.1 * (upper[i] - lower[i])
            vertex[i] += vertex[i] + step <= upper[i] ? step : -step
            simplex.append(clamp(vertex))
        }
        var values = simplex.map(f)
        if dimension == 0 { return (simplex[0], values[0]) }
        while evaluations < maxEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let best = values[0], worst = values[dimension]
            if abs(worst - best) <= tolerance * (1 + abs(best)) { break }
            var centroid = [Double](repeating: 0, count: dimension)
            for vertex in simplex.dropLast() {
                for i in 0..<dimension { centroid[i] += vertex[i] / Double(dimension) }
            }
            func along(_ coefficient: Double) -> [Double] {
                clamp((0..<dimension).map { centroid[$0] + coefficient * (simplex[dimension][$0] - centroid[$0]) })
            }
            let reflected = along(-1)
            let reflectedValue = f(reflected)
            if reflectedValue < values[0] {
                let expanded = along(-2)
                let expandedValue = f(expanded)
                if expandedValue < reflectedValue {
                    simplex[dimension] = expanded; values[dimension] = expandedValue
                } else {
                    simplex[dimension] = reflected; values[dimension] = reflectedValue
                }
            } else if reflectedValue < values[dimension - 1] {
                simplex[dimension] = reflected; values[dimension] = reflectedValue
            } else {
                let outside = reflectedValue < values[dimension]
                let contracted = along(outside ? -0.5 : 0.5)
                let contractedValue = f(contracted)
                if contractedValue < (outside ? reflectedValue : values[dimension]) {
                    simplex[dimension] = contracted; values[dimension] = contractedValue
                } else {
                    for k in 1...dimension {
                        simplex[k] = clamp((0..<dimension).map { simplex[0][$0] + 0.5 * (simplex[k][$0] - simplex[0][$0]) })
                        values[k] = f(simplex[k])
                    }
                }
            }
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] }!
        return (simplex[bestIndex], values[bestIndex])
    }
}
