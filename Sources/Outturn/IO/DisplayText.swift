/// Text from input files made safe to show on a terminal, in an aligned table or in an error message.
///
/// Control characters (C0, DEL, C1), line and paragraph separators (U+2028, U+2029) and the
/// bidirectional-override controls are shown as Swift-style escapes, `\u{1B}`, so a line name
/// cannot clear the screen, retitle the terminal, split a table row or make a message show a
/// different value from the file's. Everything else, including a backslash, is shown as it is.
/// CSV and JSON output keep the exact text instead (quoted by their own rules).
package enum DisplayText {
    /// Longest error message shown in full (in characters); longer ones keep their start and end.
    package static let messageLimit = 600

    /// `text` with every unsafe scalar written as `\u{…}` (hexadecimal, upper case).
    package static func escaped(_ text: String) -> String { escaped(text, keepingNewlines: false) }

    /// As ``escaped(_:)``; with `keepingNewlines`, a line feed is kept (for multi-line hints).
    static func escaped(_ text: String, keepingNewlines: Bool) -> String {
        // Fast path: printable ASCII (every bundled name) is returned as it is.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) && !(keepingNewlines && scalar == "\n") {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `scalar` is escaped for display.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true           // C0 controls, DEL, C1 controls
        case 0x2028, 0x2029: return true                       // line and paragraph separators
        case 0x202A...0x202E, 0x2066...0x2069: return true     // bidirectional embedding and isolates
        case 0x200E, 0x200F, 0x061C, 0xFEFF: return true       // direction marks, byte-order mark
        default: return false
        }
    }

    /// `text` cut to about `limit` characters, keeping its start and its end, with the number of
    /// characters left out in the middle (a 1 MB bad amount is not echoed in full).
    package static func shortened(_ text: String, limit: Int = messageLimit) -> String {
        guard text.utf8.count > limit, text.count > limit else { return text }
        let keep = max(1, limit / 2 - 20)
        let omitted = text.count - 2 * keep
        return String(text.prefix(keep)) + " … (\(omitted) characters left out) … " + String(text.suffix(keep))
    }
}
