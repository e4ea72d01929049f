extension InputError {
    /// At most this many characters of a value are quoted back in an error message.
    package static let maximumEcho = 80

    /// `text` as it may be quoted in an error message: control characters (NUL, ESC, line breaks,
    /// U+2028 and the like) shown escaped as `\u{0}`, and a value longer than ``maximumEcho``
    /// characters cut short with its full length noted, so that what the message shows is what
    /// the file holds and a runaway value does not flood the terminal.
    package static func echo(_ text: String) -> String {
        let utf8 = text.utf8
        if utf8.count <= maximumEcho, utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = ""
        var shown = 0
        for scalar in text.unicodeScalars {
            if shown == maximumEcho {
                return out + "… (\(text.unicodeScalars.count) characters in all)"
            }
            let value = scalar.value
            if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || value == 0x2028 || value == 0x2029 {
                out += "\\u{\(String(value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
            shown += 1
        }
        return out
    }
}
