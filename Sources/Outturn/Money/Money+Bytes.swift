extension Money {
    /// ``init(parsing:allowingSuffixes:)`` for a CSV field's bytes (trimmed or not): the plain
    /// form `-?digits(.d{1,2})?` with up to 15 digits before the point is read straight from the
    /// bytes; every other spelling goes through the String parser, so the result is the same.
    package init?(parsingBytes bytes: UnsafeBufferPointer<UInt8>) {
        if let pence = Money.plainPence(bytes) {
            self.pence = pence
            return
        }
        guard let money = Money(parsing: String(decoding: bytes, as: UTF8.self)) else { return nil }
        self = money
    }

    /// Pence of `-?digits(.d{1,2})?` with at most 15 digits before the point (no overflow
    /// possible), or nil for anything else.
    @inline(__always)
    static func plainPence(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let count = bytes.count
        var index = 0
        var negative = false
        if count > 0 && bytes[0] == UInt8(ascii: "-") { negative = true; index = 1 }
        var pounds: Int64 = 0
        let start = index
        while index < count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { break }
            pounds = pounds &* 10 &+ Int64(digit)
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits <= 15 else { return nil }
        var fraction: Int64 = 0
        if index < count {
            guard bytes[index] == UInt8(ascii: ".") else { return nil }
            index += 1
            let fractionStart = index
            while index < count {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                fraction = fraction &* 10 &+ Int64(digit)
                index += 1
            }
            switch index - fractionStart {
            case 1: fraction *= 10
            case 2: break
            default: return nil
            }
        }
        let pence = pounds * 100 + fraction
        return negative ? -pence : pence
    }
}
