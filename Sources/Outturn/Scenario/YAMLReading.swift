import Foundation
import Yams

/// Helpers for walking a composed YAML node tree with errors that point at the file and line.
struct YAMLReading {
    let fileName: String

    func line(_ node: Node) -> Int? { node.mark?.line }

    func error(_ node: Node?, _ message: String, hint: String? = nil) -> InputError {
        InputError(file: fileName, line: node.flatMap(line), message: message, hint: hint)
    }

    /// The node's pairs as (key text, key node, value node), rejecting non-mapping nodes and
    /// keys not in `known` (with the closest known key as a hint).
    func mapping(_ node: Node, named what: String, known: [String]?) throws -> [(String, Node, Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node, "\(what) should be a set of 'key: value' entries, found \(describe(node))")
        }
        var pairs: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw error(keyNode, "a key in \(what) is not plain text")
            }
            let key = scalar.string
            if let known, !known.contains(key) {
                let suggestion = ClosestName.match(key, among: known)
                throw error(keyNode, "unknown key '\(key)' in \(what)",
                            hint: suggestion.map { "did you mean '\($0)'?" }
                                ?? "known keys: \(known.joined(separator: ", "))")
            }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    func string(_ node: Node, key: String, expected: String = "text") throws -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw error(node, "\(key) should be \(expected), found \(describe(node))")
        }
        return scalar.string
    }

    /// A rate written `5%` or `0.05`, within `range` (as a fraction; the ends included).
    func rate(_ node: Node, key: String, range: ClosedRange<Double>) throws -> Double {
        let text = try string(node, key: key, expected: "a rate such as 5% or 0.05").trimmingCharacters(in: .whitespaces)
        guard let value = YAMLReading.parseRate(text) else {
            throw error(node, "\(key) '\(text)' is not a rate", hint: "write a rate as 5% or 0.05")
        }
        guard range.contains(value) else {
            throw error(node, "\(key) \(text) is outside \(percent(range.lowerBound)) to \(percent(range.upperBound))",
                        hint: text.hasSuffix("%") || value <= 1 ? nil : "write a rate as 5% or 0.05 (not 5)")
        }
        return value
    }

    /// An amount as finance writes it (`4,700,000`, `£4.7m`, `-250,000`, `(1,234)`).
    func amount(_ node: Node, key: String) throws -> Money {
        let text = try string(node, key: key, expected: "an amount such as 4,700,000 or £4.7m")
        guard let money = Money(parsing: text, allowingSuffixes: true) else {
            throw error(node, "\(key) '\(text)' is not an amount",
                        hint: "write amounts in pounds, e.g. 4,700,000, £4.7m, 763k or -250,000")
        }
        return money
    }

    func integer(_ node: Node, key: String, range: ClosedRange<Int>) throws -> Int {
        let text = try string(node, key: key, expected: "a whole number").replacingOccurrences(of: ",", with: "")
        guard let value = Int(text), range.contains(value) else {
            throw error(node, "\(key) '\(try string(node, key: key))' should be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// The fraction a rate denotes: a plain decimal (`0.05`, `-1.5`, `.5`), optionally followed by
    /// `%` (`5%`, `99.9 %`); nil for anything else (exponents, hexadecimal, `inf`, `nan`, `5e-2`).
    /// A percentage is read by moving the decimal point two places, so `99.9%` is the same Double
    /// as `0.999` and a range written `0.5...0.999` includes it.
    static func parseRate(_ text: String) -> Double? {
        var body = Substring(text)
        let percent = body.hasSuffix("%")
        if percent { body = body.dropLast() }
        body = Substring(body.trimmingCharacters(in: .whitespaces))
        var sign = ""
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = String(parts[0])
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard !(whole.isEmpty && fraction.isEmpty), whole.utf8.count + fraction.utf8.count <= 40,
              (whole + fraction).utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if percent {
            // 99.9 → 0.999: two digits move from the whole part into the fraction.
            whole = String(repeating: "0", count: max(0, 2 - whole.count)) + whole
            fraction = String(whole.suffix(2)) + fraction
            whole = String(whole.dropLast(2))
        }
        return Double(sign + (whole.isEmpty ? "0" : whole) + "." + (fraction.isEmpty ? "0" : fraction))
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .mapping: return "a set of 'key: value' entries"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private func percent(_ value: Double) -> String {
        ReportCell.fixed(value * 100, decimals: 2).trimmingZeros() + "%"
    }
}
