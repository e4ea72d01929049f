/// Escaping for text placed in XML, SVG and HTML that Outturn writes itself.
package enum Markup {
    /// `text` safe inside an element or a double- or single-quoted attribute: `&`, `<`, `>`, `"` and `'`
    /// become entities, and characters XML 1.0 forbids (controls other than tab, newline and carriage
    /// return, lone surrogates cannot occur in Swift strings, U+FFFE and U+FFFF) are dropped, because a
    /// reader that meets one rejects the whole file.
    package static func escaped(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if isAllowedInXML(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// True for the characters XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and up.
    package static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// A coordinate or length for SVG: at most two decimals, no exponent, no trailing zeros (`12.5`, `-3`).
    static func number(_ value: Double) -> String {
        ReportCell.fixed(value.isFinite ? value : 0, decimals: 2).trimmingZeros()
    }
}
