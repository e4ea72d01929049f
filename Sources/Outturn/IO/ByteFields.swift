/// Reading the usual field forms straight from a CSV field's bytes, with the exact result the
/// String-based parsers give (they remain the route for anything unusual).
package enum ByteFields {
    /// `bytes` without ASCII spaces and tabs at either end, or nil when an end is not ASCII (the
    /// caller then trims the String, which also removes Unicode spaces).
    @inline(__always)
    package static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start < end && (bytes[start] >= 0x80 || bytes[end - 1] >= 0x80) { return nil }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// The field's text trimmed of whitespace, as `String.trimmingCharacters(in: .whitespaces)`.
    package static func trimmedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let plain = trimmed(bytes) { return String(decoding: plain, as: UTF8.self) }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    /// Whether two byte ranges hold the same bytes.
    @inline(__always)
    package static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }

    /// `Int(text)` for the trimmed field `bytes`: an optional sign and decimal digits; nil on
    /// overflow or anything else.
    package static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if bytes.count > 0, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value = 0
        while index < bytes.count {
            let digit = Int(bytes[index]) &- 0x30
            guard digit >= 0 && digit <= 9 else { return nil }
            // Accumulate towards the sign so that Int.min reads too.
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// `Double(text)` for the trimmed field `bytes`, correctly rounded: plain decimals and
    /// scientific notation straight from the bytes (``DecimalToDouble``); other spellings Swift
    /// accepts (hexadecimal, `inf`, `nan`, a leading `+` or `.`) through `Double(String)`.
    package static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let value = DecimalToDouble.parse(bytes) { return value }
        return Double(String(decoding: bytes, as: UTF8.self))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
