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
package enum DecimalToDouble {
    /// The nearest Double to the decimal in `bytes`, or nil (use `Double(String)`).
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
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

/// Placeholder until the 128-bit table lands: no decision (the caller uses strtod).
enum EiselLemire {
    static func nearest(_ w: UInt64, _ q: Int) -> Double? { nil }
}
