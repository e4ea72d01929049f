import OutturnNumerics

/// The one place that draws correlated standard normals for the joint simulation. Uses the
/// numerics module's `MultivariateNormal` once the `numerics` branch is merged; until then an
/// interim exact construction for an equicorrelation matrix (one common factor):
/// zᵢ = √ρ·f + √(1−ρ)·eᵢ with f, eᵢ independent N(0, 1), so corr(zᵢ, zⱼ) = ρ for i ≠ j.
enum CorrelatedNormalDraws {
    /// `count` draws of `dimension` standard normals with pairwise correlation `correlation` (0 ≤ ρ < 1),
    /// one draw per row (row-major `[[Double]]`, count × dimension), reproducible from `seed`.
    static func draws(count: Int, dimension: Int, correlation: Double, seed: UInt64) -> [[Double]] {
        precondition(correlation >= 0 && correlation < 1, "correlation must be in [0, 1), got \(correlation)")
        var generator = SplitMix64(seed: seed)
        let common = correlation.squareRoot(), own = (1 - correlation).squareRoot()
        var rows: [[Double]] = []
        rows.reserveCapacity(count)
        for _ in 0..<count {
            let factor = generator.nextNormal()
            rows.append((0..<dimension).map { _ in common * factor + own * generator.nextNormal() })
        }
        return rows
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast, seeded generator; standard normals by
/// inversion with AS241 (`Normal.quantile`) so every draw is a pure function of the seed.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on the open interval (0, 1): 53 random bits, centred in their cell.
    mutating func nextUniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }

    mutating func nextNormal() -> Double { Normal.quantile(nextUniform()) }
}
