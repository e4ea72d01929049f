import Foundation

/// Writing CSV fields that spreadsheets open safely.
package enum CSVEscaping {
    /// Text beginning with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, so a
    /// spreadsheet shows it as text instead of running it as a formula (CSV injection).
    package static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + text : text
    }

    /// Quotes a field when it contains a comma, quote or line break (quotes doubled).
    package static func field(_ text: String) -> String {
        // Bytes, not Characters: a CR LF pair is one Character and would slip past a Character test.
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        guard text.utf8.contains(0x22) else { return "\"" + text + "\"" }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
