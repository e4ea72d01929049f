/// Lets an amount with thousands separators stand as a value inside a YAML flow mapping, as finance
/// writes it: `change: { amount: -50,000, note: "contract renegotiated" }`.
///
/// In YAML a comma inside `{ … }` separates entries, so `-50,000` would read as `-50` and a key
/// `000`. Before the YAML is parsed, a value in a flow mapping that is exactly an amount with
/// separators (`-50,000`, `£1,234,567.89`, `(1,234)`, `4,700k`) followed by `,` or `}` is put in
/// double quotes (also a mistyped one such as `-50,00x`, so that the error shows all of it); the amount reader then sees the whole text. Nothing else changes: quoted text,
/// comments, block values and flow lists (`[1,000, 2]` is ambiguous) are left as written, and no
/// line break is added, so every error still names the line the user wrote.
enum FlowMappingAmounts {
    /// `text` with such amounts quoted.
    static func quoted(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count + 16)
        var flow: [Unicode.Scalar] = []          // open `{` and `[`, innermost last
        var lastSignificant: Unicode.Scalar = "\n"  // last character written outside quotes that is not a space
        var index = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }
        while index < scalars.count {
            let c = scalars[index]
            let startsValue = lastSignificant == "\n" || ":-[{,".unicodeScalars.contains(lastSignificant)
            switch c {
            case "#" where index == 0 || isSpace(scalars[index - 1]) || scalars[index - 1] == "\n":
                // A comment runs to the end of the line.
                while index < scalars.count, scalars[index] != "\n" { out.append(scalars[index]); index += 1 }
                continue
            case "\"" where startsValue, "'" where startsValue:
                // A quoted scalar: copied as is (`\"` escapes in double quotes, `''` in single).
                out.append(c); index += 1
                while index < scalars.count {
                    let d = scalars[index]
                    out.append(d); index += 1
                    if c == "\"", d == "\\", index < scalars.count { out.append(scalars[index]); index += 1; continue }
                    if d == c { break }
                }
                lastSignificant = c
                continue
            case "{" where startsValue, "[" where startsValue:
                flow.append(c)
            case "}", "]":
                if !flow.isEmpty { flow.removeLast() }
            case ":" where flow.last == "{":
                out.append(c); index += 1
                var spaces = index
                while spaces < scalars.count, isSpace(scalars[spaces]) { spaces += 1 }
                if spaces > index, let length = amountLength(scalars, from: spaces) {
                    out.append(contentsOf: scalars[index..<spaces])
                    out.append("\"")
                    out.append(contentsOf: scalars[spaces..<(spaces + length)])
                    out.append("\"")
                    index = spaces + length
                    lastSignificant = "\""
                    continue
                }
                lastSignificant = c
                continue
            default:
                break
            }
            out.append(c)
            if c == "\n" { lastSignificant = "\n" } else if !isSpace(c) { lastSignificant = c }
            index += 1
        }
        return String(out)
    }

    /// The length of a value at `start` that begins like an amount (`(`, a sign, `£` or a digit) and
    /// has a comma followed by a digit (`-50,000`, and also a mistyped `-50,00x`, so that the amount
    /// reader names the whole text), ending where the flow entry ends (optional spaces, then `,` or
    /// `}`); nil for anything else. A comma followed by a space or a non-digit ends the value.
    private static func amountLength(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        guard start < s.count, isDigit(s[start]) || "(-+£".unicodeScalars.contains(s[start]) else { return nil }
        var i = start
        var separators = 0
        while i < s.count {
            let c = s[i]
            if c == "}" || c == " " || c == "\t" || c == "\n" || c == "\r" { break }
            if c == "," {
                guard i + 1 < s.count, isDigit(s[i + 1]) else { break }
                separators += 1
            }
            i += 1
        }
        guard separators > 0 else { return nil }
        let end = i
        while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
        guard i < s.count, s[i] == "," || s[i] == "}" else { return nil }
        return end - start
    }
}
