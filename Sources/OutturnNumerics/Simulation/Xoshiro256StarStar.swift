/// The xoshiro256** pseudo-random number generator: 256 bits of state, period 2²⁵⁶ − 1, fast, and
/// with no known statistical weakness in the output the project uses (doubles from the top 53 bits).
///
/// Seeding: the 64-bit seed is expanded into the four state words by SplitMix64, as the authors
/// recommend, so that nearby seeds (1, 2, 3 …) give unrelated streams and the all-zero state is
/// never reached. The same seed gives the same sequence on every platform, byte for byte.
/// Not suitable for cryptography.
///
/// Reference: D. Blackman and S. Vigna (2021), "Scrambled linear pseudorandom number generators",
/// ACM Transactions on Mathematical Software 47(4), 36; https://prng.di.unimi.it/.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    var state: (UInt64, UInt64, UInt64, UInt64)
    /// The second value of the last pair of normal draws, not yet handed out (polar method).
    var spareNormal: Double?

    /// A generator whose whole sequence is fixed by `seed` (expanded by SplitMix64).
    public init(seed: UInt64) {
        var mix = seed
        func splitMix() -> UInt64 {
            mix &+= 0x9E37_79B9_7F4A_7C15
            var z = mix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    /// A generator started from the raw state words (to reproduce the reference implementation's
    /// test vectors). - Precondition: not all four words are zero.
    package init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        self.state = state
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    /// A uniform double in [0, 1) from the top 53 bits: k·2⁻⁵³.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}
