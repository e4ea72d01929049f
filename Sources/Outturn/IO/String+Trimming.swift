import Foundation

extension String {
    /// The text without surrounding whitespace (`CharacterSet.whitespaces`: spaces, tabs and other
    /// Unicode space separators), as `trimmingCharacters(in: .whitespaces)`, but returning at once
    /// when both ends are ASCII characters other than space and tab — the usual case in big files.
    var trimmedOfWhitespace: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && byte != 0x09 }
        if plain(first) && plain(last) { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
