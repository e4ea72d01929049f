/// A tiny JSON tree with keys kept in the order given, so output is byte-for-byte reproducible.
package indirect enum JSONValue: Sendable, Equatable {
    /// A string (escaped on output).
    case string(String)
    /// A number already written as JSON (use the factories below).
    case number(String)
    /// true or false.
    case bool(Bool)
    /// null (a value that does not exist, e.g. a percentage of a zero budget).
    case null
    /// An array; all-number arrays print on one line.
    case array([JSONValue])
    /// An object with keys in the given order.
    case object([(String, JSONValue)])

    /// An exact amount in pounds (`1234.5`).
    package static func money(_ amount: Money) -> JSONValue { .number(amount.plainPounds) }

    /// A Double with up to `decimals` decimals (trailing zeros dropped); non-finite values become null.
    package static func double(_ value: Double, decimals: Int = 6) -> JSONValue {
        guard value.isFinite else { return .null }
        var text = ReportCell.fixed(value, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return .number(text)
    }

    /// A Double in Swift's shortest form that reads back to the same value (up to 17 significant
    /// digits), for analysts who need every digit; non-finite values become null.
    package static func exact(_ value: Double) -> JSONValue {
        value.isFinite ? .number("\(value)") : .null
    }

    /// Pretty-printed with two-space indentation and a final newline.
    package func rendered() -> String { render(indent: 0) + "\n" }

    /// The value as it appears at nesting depth `indent` (two spaces per level), without a final newline.
    func render(indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch self {
        case .string(let text): return JSONValue.quoted(text)
        case .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy({ if case .number = $0 { return true } else { return false } }) {
                return "[" + items.map { $0.render(indent: 0) }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { pad + $0.render(indent: indent + 1) }.joined(separator: ",\n") + "\n" + closing + "]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { pad + JSONValue.quoted($0.0) + ": " + $0.1.render(indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + closing + "}"
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Controls must be escaped; U+2028 and U+2029 are too, for JavaScript readers.
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
}
