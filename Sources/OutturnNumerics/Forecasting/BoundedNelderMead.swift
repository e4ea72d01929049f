/// Nelder–Mead simplex minimisation inside a box: every trial point is clamped to
/// `lower…upper` coordinate by coordinate, so bounds can be reached exactly (as R's ets
/// optimum often sits on a bound such as alpha = 0.9999).
///
/// Standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½; Nelder & Mead
/// 1965, as in Lagarias et al. 1998). Stops when the spread of objective values over the simplex
/// is below `tolerance` (absolute plus relative) or after `maxEvaluations`. Deterministic.
/// Not guaranteed: a global minimum; callers restart from several points.
package struct BoundedNelderMead: Sendable {
    /// Lower bounds, one per coordinate.
    package let lower: [Double]
    /// Upper bounds, one per coordinate (≥ lower).
    package let upper: [Double]
    /// Convergence tolerance on objective values.
    package var tolerance: Double = 1e-10
    /// Budget of objective evaluations.
    package var maxEvaluations: Int = 600

    /// A box `lower…upper`; both have the problem's dimension.
    package init(lower: [Double], upper: [Double]) {
        precondition(lower.count == upper.count, "bounds differ in length: \(lower.count) vs \(upper.count)")
        self.lower = lower
        self.upper = upper
    }

    /// Minimises `objective` starting from `start` (clamped into the box); the initial simplex
    /// steps 10% of each box width (away from the nearer bound).
    ///
    /// The simplex lives in one flat buffer (vertex k at `k·dimension ..< (k+1)·dimension`), kept
    /// sorted by value with a stable insertion sort, and trial points are written into two reused
    /// buffers: no allocation per iteration. `objective` receives the same array on every call
    /// (rewritten in between); an objective that stores it only costs a copy.
    /// - Returns: the best point and its value. Non-finite objective values count as +infinity.
    package func minimise(from start: [Double], _ objective: ([Double]) -> Double) -> (point: [Double], value: Double) {
        let dimension = start.count
        precondition(dimension == lower.count, "start has \(dimension) coordinates, bounds \(lower.count)")
        let vertices = dimension + 1
        var evaluations = 0
        // Flat simplex, its values, the centroid and two trial points, allocated once per call.
        var simplex = [Double](repeating: 0, count: vertices * dimension)
        var values = [Double](repeating: 0, count: vertices)
        var centroid = [Double](repeating: 0, count: dimension)
        var trial = [Double](repeating: 0, count: dimension)
        var spare = [Double](repeating: 0, count: dimension)
        func evaluate(_ x: [Double]) -> Double {
            evaluations += 1
            let value = objective(x)
            return value.isFinite ? value : .infinity
        }
        func clampTrial() {
            for i in 0..<dimension { trial[i] = min(upper[i], max(lower[i], trial[i])) }
        }
        // Vertex 0: the clamped start; vertex i + 1 steps coordinate i.
        for i in 0..<dimension { trial[i] = start[i] }
        clampTrial()
        for i in 0..<dimension { simplex[i] = trial[i] }
        for i in 0..<dimension {
            for j in 0..<dimension { trial[j] = simplex[j] }
            let step = 0.1 * (upper[i] - lower[i])
            trial[i] += trial[i] + step <= upper[i] ? step : -step
            clampTrial()
            for j in 0..<dimension { simplex[(i + 1) * dimension + j] = trial[j] }
        }
        for k in 0..<vertices {
            for j in 0..<dimension { trial[j] = simplex[k * dimension + j] }
            values[k] = evaluate(trial)
        }
        if dimension == 0 { return ([], values[0]) }
        let worstRow = dimension * dimension
        /// Writes `centroid + coefficient · (worst − centroid)`, clamped, into `trial`.
        func along(_ coefficient: Double) {
            for i in 0..<dimension {
                trial[i] = centroid[i] + coefficient * (simplex[worstRow + i] - centroid[i])
            }
            clampTrial()
        }
        func replaceWorst(with point: [Double], value: Double) {
            for i in 0..<dimension { simplex[worstRow + i] = point[i] }
            values[dimension] = value
        }
        while evaluations < maxEvaluations {
            // Stable insertion sort by value (the order a stable sort would give).
            for k in 1..<vertices {
                var j = k
                while j > 0 && values[j] < values[j - 1] {
                    values.swapAt(j, j - 1)
                    for i in 0..<dimension { simplex.swapAt(j * dimension + i, (j - 1) * dimension + i) }
                    j -= 1
                }
            }
            let best = values[0], worst = values[dimension]
            if abs(worst - best) <= tolerance * (1 + abs(best)) { break }
            for i in 0..<dimension { centroid[i] = 0 }
            for k in 0..<dimension {
                for i in 0..<dimension { centroid[i] += simplex[k * dimension + i] / Double(dimension) }
            }
            along(-1)
            let reflectedValue = evaluate(trial)
            if reflectedValue < values[0] {
                swap(&trial, &spare)  // spare holds the reflected point
                along(-2)
                let expandedValue = evaluate(trial)
                if expandedValue < reflectedValue {
                    replaceWorst(with: trial, value: expandedValue)
                } else {
                    replaceWorst(with: spare, value: reflectedValue)
                }
            } else if reflectedValue < values[dimension - 1] {
                replaceWorst(with: trial, value: reflectedValue)
            } else {
                let outside = reflectedValue < values[dimension]
                along(outside ? -0.5 : 0.5)
                let contractedValue = evaluate(trial)
                if contractedValue < (outside ? reflectedValue : values[dimension]) {
                    replaceWorst(with: trial, value: contractedValue)
                } else {
                    for k in 1...dimension {
                        for i in 0..<dimension {
                            trial[i] = simplex[i] + 0.5 * (simplex[k * dimension + i] - simplex[i])
                        }
                        clampTrial()
                        for i in 0..<dimension { simplex[k * dimension + i] = trial[i] }
                        values[k] = evaluate(trial)
                    }
                }
            }
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] }!
        return (Array(simplex[(bestIndex * dimension)..<((bestIndex + 1) * dimension)]), values[bestIndex])
    }
}
