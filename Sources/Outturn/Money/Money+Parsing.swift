import Foundation

extension Money {
    /// Parses an amount the way finance staff write it, in pounds.
    ///
    /// Accepts: optional `£`, thousands separators (`1,234,567`), decimals to pence (`12.5`, `12.50`),
    /// negatives as `-1,234`, `- 1,234` (as in the annual report), `(1,234)` or `-£1,234`/`£-1,234`,
    /// surrounding spaces. With `allowingSuffixes` (scenario files, not ledgers) also `4.7m` and
    /// `763k` (millions, thousands; case-insensitive). Returns nil for anything else, including
    /// more than two decimal places once the suffix is applied, misplaced commas (`1,23`) and
    /// letters (`76304O`).
    public init?(parsing text: String, allowingSuffixes: Bool = false) {
        if let pence = Money.plainPence(text) {
            self.pence = pence
            return
        }
        var body = Substring(text.trimmedOfWhitespace)
        var signs = 0
        if body.hasPrefix("("), body.hasSuffix(")") {
            signs += 1
            body = body.dropFirst().dropLast()
        }
        body = Money.trimSpaces(body)
        if body.hasPrefix("-") { signs += 1; body = Money.trimSpaces(body.dropFirst()) }
        if body.hasPrefix("£") { body = Money.trimSpaces(body.dropFirst()) }
        if body.hasPrefix("-") { signs += 1; body = Money.trimSpaces(body.dropFirst()) }
        // Two minus signs, or a minus inside brackets, is not something finance writes.
        guard signs <= 1 else { return nil }
        let negative = signs == 1

        var multiplier: Int64 = 1
        if allowingSuffixes, let last = body.last?.lowercased() {
            if last == "m" { multiplier = 1_000_000; body = Money.trimSpaces(body.dropLast()) }
            else if last == "k" { multiplier = 1_000; body = Money.trimSpaces(body.dropLast()) }
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !whole.isEmpty || !fraction.isEmpty else { return nil }
        guard let wholeDigits = Money.digitsCheckingGroups(whole) else { return nil }
        guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if parts.count == 2 && fraction.isEmpty { return nil }

        // Exact: value = (whole.fraction) × multiplier pounds, in pence, with no Double involved.
        let fractionDigits = Array(fraction)
        let scaleDigits = multiplier == 1 ? 0 : (multiplier == 1_000 ? 3 : 6)
        guard fractionDigits.count <= scaleDigits + 2 else { return nil }
        var pence: Int64 = 0
        for digit in wholeDigits + fractionDigits {
            let (times, o1) = pence.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int64(digit.wholeNumberValue!))
            if o1 || o2 { return nil }
            pence = plus
        }
        // pence currently holds the digits as an integer with fractionDigits.count decimals.
        var exponent = 2 + scaleDigits - fractionDigits.count // remaining power of ten to multiply by
        while exponent > 0 {
            let (times, overflow) = pence.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            pence = times
            exponent -= 1
        }
        self.pence = negative ? -pence : pence
    }

    /// Pence of the plainest form, `-?digits(.d{1,2})?` in ASCII with at most 15 digits before the
    /// point (what machine exports write, and what a million-row ledger is made of), read straight
    /// from the bytes; nil for anything else, which then takes the general path.
    private static func plainPence(_ text: String) -> Int64? {
        var pounds: Int64 = 0, fraction: Int64 = 0
        var digits = 0, fractionDigits = 0, negative = false, afterPoint = false
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where index == 0:
                negative = true
            case UInt8(ascii: "."):
                guard !afterPoint, digits > 0 else { return nil }
                afterPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let value = Int64(byte - UInt8(ascii: "0"))
                if afterPoint {
                    guard fractionDigits < 2 else { return nil }
                    fraction = fraction * 10 + value
                    fractionDigits += 1
                } else {
                    guard digits < 15 else { return nil }
                    pounds = pounds * 10 + value
                    digits += 1
                }
            default:
                return nil
            }
        }
        guard digits > 0, !afterPoint || fractionDigits > 0 else { return nil }
        let pence = pounds * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
        return negative ? -pence : pence
    }

    /// The digits of `whole` if it is plain digits or correctly grouped by commas (`1,234,567`).
    private static func digitsCheckingGroups(_ whole: Substring) -> [Character]? {
        if whole.isEmpty { return [] }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        for (index, group) in groups.enumerated() {
            guard !group.isEmpty, group.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            if groups.count > 1 {
                if index == 0 { guard group.count <= 3 else { return nil } }
                else { guard group.count == 3 else { return nil } }
            }
        }
        return Array(groups.joined())
    }

    private static func trimSpaces(_ text: Substring) -> Substring {
        var text = text
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
