import Foundation

/// A CSV file read into memory (through ``CSVRowReader``) with the position of every field kept, so that any later
/// complaint about a value can name the file, line and column.
///
/// Accepts what spreadsheet exports contain: a header row, fields quoted with `"` (doubled `""`
/// inside quotes, line breaks inside quotes), a UTF-8 byte-order mark, LF or CRLF line ends,
/// blank lines (skipped). Rejects: a row with a different number of fields from the header,
/// text after a closing quote, an unterminated quote, a duplicate or empty column name.
public struct CSVTable: Sendable {
    /// One data row: its fields and the one-based line of the file on which it starts.
    public struct Row: Sendable {
        /// One-based line number in the file where this row starts.
        public let line: Int
        /// The fields, one per column, unquoted.
        public let fields: [String]
    }

    /// How the file is named in error messages (usually the path as the user typed it).
    public let fileName: String
    /// Column names from the header row, trimmed of surrounding spaces.
    public let header: [String]
    /// The data rows, in file order.
    public let rows: [Row]

    /// Parses `text` (the whole file) as CSV with a header row.
    /// - Throws: ``InputError`` naming `fileName`, the line and the problem.
    public init(text: String, fileName: String) throws {
        try self.init(reader: try CSVRowReader(text: text, fileName: fileName))
    }

    /// Reads and parses the file at `path`; `fileName` in errors is `path` as given.
    public init(contentsOf path: String) throws {
        try self.init(reader: try CSVRowReader(contentsOf: path))
    }

    /// Reads every remaining row of `reader`.
    init(reader: CSVRowReader) throws {
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        self.fileName = reader.fileName
        self.header = reader.header
        self.rows = rows
    }

    /// The index of the column called `name` (case-insensitive).
    /// - Throws: ``InputError`` listing the columns there are and the closest name.
    public func columnIndex(_ name: String) throws -> Int {
        if let index = header.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
            return index
        }
        let suggestion = ClosestName.match(name, among: header).map { "did you mean '\($0)'?" }
        throw InputError(file: fileName, line: 1,
                         message: "no column named '\(name)'; columns are \(header.map { "'\(InputError.echo($0))'" }.joined(separator: ", "))",
                         hint: suggestion)
    }

    /// The values of column `name` as numbers, with an error naming line and column for the first
    /// field that is empty or not a number. Plain decimal and scientific notation are accepted.
    package func numbers(inColumn name: String) throws -> [Double] {
        let index = try columnIndex(name)
        return try rows.map { row in
            let text = row.fields[index].trimmingCharacters(in: .whitespaces)
            guard let value = Double(text), value.isFinite else {
                throw InputError(file: fileName, line: row.line,
                                 message: text.isEmpty ? "column '\(header[index])' is empty"
                                     : "column '\(header[index])' value '\(InputError.echo(text))' is not a number",
                                 hint: text.isEmpty ? "fill in the value or remove the row" : nil)
            }
            return value
        }
    }
}
