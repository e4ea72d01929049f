import Foundation

/// Gauss–Legendre quadrature on [0, 1]: `count` nodes and weights such that Σ wₖ f(xₖ) integrates
/// polynomials of degree up to 2·count − 1 exactly.
///
/// Nodes are the roots of the Legendre polynomial Pₙ found by Newton's method from the
/// Tricomi starting values (converged to machine precision), then mapped from [−1, 1] to [0, 1].
public struct GaussLegendre: Sendable {
    /// Nodes in (0, 1), ascending.
    public let nodes: [Double]
    /// Weights (positive, summing to 1).
    public let weights: [Double]

    /// The rule with `count` ≥ 1 points.
    public init(count: Int) {
        precondition(count >= 1, "Gauss–Legendre needs at least one point, got \(count)")
        var nodes = [Double](repeating: 0, count: count)
        var weights = [Double](repeating: 0, count: count)
        let n = Double(count)
        for i in 0..<(count + 1) / 2 {
            var x = cos(Double.pi * (Double(i) + 0.75) / (n + 0.5))
            var derivative = 0.0
            for _ in 0..<100 {
                // P_n(x) and P_n'(x) by the three-term recurrence.
                var p0 = 1.0, p1 = x
                if count == 1 { p1 = x; p0 = 1 }
                var pn = count == 1 ? x : 0.0
                if count > 1 {
                    for k in 2...count {
                        let k = Double(k)
                        pn = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k
                        p0 = p1
                        p1 = pn
                    }
                    derivative = n * (x * pn - p0) / (x * x - 1)
                } else {
                    derivative = 1
                }
                let step = pn / derivative
                x -= step
                if abs(step) < 1e-16 { break }
            }
            let weight = 2 / ((1 - x * x) * derivative * derivative)
            // Map [−1, 1] → [0, 1]: node (1 ± x)/2, weight w/2.
            nodes[i] = (1 - x) / 2
            nodes[count - 1 - i] = (1 + x) / 2
            weights[i] = weight / 2
            weights[count - 1 - i] = weight / 2
        }
        self.nodes = nodes
        self.weights = weights
    }

    /// ∫₀¹ f(x) dx by the rule.
    public func integrate(_ f: (Double) -> Double) -> Double {
        var sum = 0.0
        for k in nodes.indices { sum += weights[k] * f(nodes[k]) }
        return sum
    }

    /// The 64-point rule, built once.
    public static let sixtyFour = GaussLegendre(count: 64)
}
