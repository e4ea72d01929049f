extension Money {
    /// `£1,234,567`, or with `pence: true` `£1,234,567.89`; negatives as `-£1,234`.
    /// Without pence the amount is rounded to the nearest pound (half away from zero).
    public func formatted(pence showPence: Bool = false, symbol: Bool = true) -> String {
        let negative = pence < 0
        let magnitude = pence.magnitude
        var pounds = magnitude / 100
        let remainder = magnitude % 100
        if !showPence && remainder >= 50 { pounds += 1 }
        let grouped = Money.grouped(pounds)
        let sign = negative && (pounds > 0 || (showPence && remainder > 0)) ? "-" : ""
        let fraction = showPence ? "." + (remainder < 10 ? "0" : "") + String(remainder) : ""
        return sign + (symbol ? "£" : "") + grouped + fraction
    }

    /// Whole pounds (rounded half away from zero) as a plain integer string, for CSV and JSON.
    public var wholePounds: Int64 {
        let rounded = (pence.magnitude + 50) / 100
        return pence < 0 ? -Int64(rounded) : Int64(rounded)
    }

    /// The amount in pounds as a plain decimal (`-1234.5` → `-1234.50`), for machine formats.
    public var plainPounds: String {
        let magnitude = pence.magnitude
        let remainder = magnitude % 100
        let text = String(magnitude / 100) + (remainder == 0 ? "" : "." + (remainder < 10 ? "0" : "") + String(remainder))
        return (pence < 0 ? "-" : "") + text
    }

    static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
