/// Decimal text to the nearest Double (round half to even), read straight from bytes.
///
/// Handles `-?digits(.digits)?([eE][+-]?digits)?`; returns nil for any other spelling and for the
/// rare cases it cannot decide exactly, which the caller sends through `Double(String)` (glibc's
/// correctly rounded `strtod`). Two exact routes, as in fast_float:
/// - Clinger's fast path: a significand w ≤ 2⁵³ and a power of ten 10^q with |q| ≤ 22 are both
///   exact Doubles, so one IEEE multiplication or division rounds w·10^q correctly;
/// - the Eisel–Lemire algorithm otherwise: w (up to 19 digits) times a 128-bit truncation of
///   5^q, which decides the rounding except in cases it detects and hands back.
/// Significands over 19 digits are decided from w and w + 1 (the digits dropped lie between).
public enum DecimalToDouble {
    /// The nearest Double to the decimal in `bytes`, or nil (use `Double(String)`).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = bytes.count
        var index = 0
        var negative = false
        if index < count && bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var significand: UInt64 = 0
        var digits = 0              // significant digits taken into `significand` (≤ 19)
        var dropped = false         // a non-zero digit was dropped beyond 19
        var exponent = 0            // power of ten to apply to `significand`
        let integerStart = index
        while index < count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { break }
            if digits < 19 {
                significand = significand &* 10 &+ UInt64(digit)
                if significand != 0 { digits += 1 }
            } else {
                exponent += 1
                if digit != 0 { dropped = true }
            }
            index += 1
        }
        guard index > integerStart else { return nil }
        if index < count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < count {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { break }
                if digits < 19 {
                    significand = significand &* 10 &+ UInt64(digit)
                    if significand != 0 { digits += 1 }
                    exponent -= 1
                } else if digit != 0 {
                    dropped = true
                }
                index += 1
            }
            guard index > fractionStart else { return nil }
        }
        if index < count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            var exponentNegative = false
            if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            var written = 0
            while index < count {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { break }
                // Beyond 10⁶ the result is 0 or infinity whatever the significand; let strtod say which.
                guard written < 1_000_000 else { return nil }
                written = written * 10 + Int(digit)
                index += 1
            }
            guard index > exponentStart else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == count else { return nil }
        if significand == 0 { return dropped ? nil : (negative ? -0.0 : 0.0) }
        let value: Double?
        if !dropped {
            value = nearest(significand, exponent)
        } else {
            // The exact decimal lies strictly between w·10^q and (w + 1)·10^q.
            guard significand < UInt64.max, let low = nearest(significand, exponent),
                  let high = nearest(significand + 1, exponent), low == high else { return nil }
            value = low
        }
        guard let value else { return nil }
        return negative ? -value : value
    }

    /// The nearest Double to w·10^q (w > 0), or nil when undecided.
    @inline(__always)
    static func nearest(_ w: UInt64, _ q: Int) -> Double? {
        if w <= 1 << 53 && q >= -22 && q <= 22 {
            let scale = exactPowersOfTen[q < 0 ? -q : q]
            return q < 0 ? Double(w) / scale : Double(w) * scale
        }
        return EiselLemire.nearest(w, q)
    }

    /// 10⁰ … 10²², each exact in a Double.
    private static let exactPowersOfTen: [Double] = (0...22).map { power in
        var value = 1.0
        for _ in 0..<power { value *= 10 }
        return value
    }
}

/// The Eisel–Lemire algorithm (Lemire, "Number parsing at a gigabyte per second", 2021; the
/// form of fast_float's `compute_float`): the nearest Double to w·10^q from the 128-bit product of
/// w (normalised) and a truncation of 5^q (``powersOfFive``), in binary64's terms: 52 stored
/// significand bits, exponent bias 1023.
enum EiselLemire {
    /// The nearest Double to w·10^q (w > 0), or nil in the (provably unreachable, kept for
    /// safety) case where the truncated product cannot decide.
    static func nearest(_ w: UInt64, _ q: Int) -> Double? {
        guard w != 0, q >= -342 else { return 0 }     // below 10^-342 · 2^64: rounds to zero
        guard q <= 308 else { return .infinity }      // at least 10^309
        let zeros = w.leadingZeroBitCount
        let normalised = w << UInt64(zeros)
        let index = 2 * (q + 342)
        var (high, low) = normalised.multipliedFullWidth(by: powersOfFive[index])
        // Only when the bits below the 55 kept are all ones can the low half change the result.
        let precisionMask: UInt64 = 0x1FF
        if high & precisionMask == precisionMask {
            let second = normalised.multipliedFullWidth(by: powersOfFive[index + 1]).high
            let (sum, carry) = low.addingReportingOverflow(second)
            low = sum
            if carry { high &+= 1 }
            if high & precisionMask == precisionMask && low == .max { return nil }
        }
        let upperBit = Int(high >> 63)
        let shift = upperBit + 64 - 52 - 3
        var mantissa = high >> UInt64(shift)
        var power2 = power(q) + upperBit - zeros + 1023
        if power2 <= 0 {
            // Subnormal (or zero): shift into place, round half up (ties here are not exact halves).
            guard -power2 + 1 < 64 else { return 0 }
            mantissa >>= UInt64(-power2 + 1)
            mantissa += mantissa & 1
            mantissa >>= 1
            power2 = mantissa < (1 << 52) ? 0 : 1
            return Double(bitPattern: UInt64(power2) << 52 | mantissa)
        }
        // An exact half-way product (only possible for small |q|) rounds to even.
        if low <= 1 && q >= -4 && q <= 23 && mantissa & 3 == 1 && (mantissa << UInt64(shift)) == high {
            mantissa &= ~1
        }
        mantissa += mantissa & 1
        mantissa >>= 1
        if mantissa >= (2 << 52) {
            mantissa = 1 << 52
            power2 += 1
        }
        mantissa &= ~(1 << 52)
        guard power2 < 0x7FF else { return .infinity }
        return Double(bitPattern: UInt64(power2) << 52 | mantissa)
    }

    /// ⌊q · log2(10)⌋ + 63, by the integer approximation valid for |q| ≤ 350.
    @inline(__always)
    static func power(_ q: Int) -> Int { (((152_170 + 65_536) * q) >> 16) + 63 }
}
