import Foundation

/// A CSV file read into memory with the position of every field kept, so that any later
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
        self.fileName = fileName
        var records = try CSVTable.records(of: text, fileName: fileName)
        guard !records.isEmpty else {
            throw InputError(file: fileName, line: 1, message: "the file is empty; expected a header row",
                             hint: nil)
        }
        let headerRecord = records.removeFirst()
        let header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        for (index, name) in header.enumerated() {
            if name.isEmpty {
                throw InputError(file: fileName, line: headerRecord.line,
                                 message: "column \(index + 1) of the header has no name", hint: nil)
            }
            if !seen.insert(name.lowercased()).inserted {
                throw InputError(file: fileName, line: headerRecord.line,
                                 message: "column name '\(name)' appears twice in the header", hint: nil)
            }
        }
        for record in records where record.fields.count != header.count {
            throw InputError(file: fileName, line: record.line,
                             message: "expected \(header.count) fields (as in the header), found \(record.fields.count)",
                             hint: "check for a missing or extra comma, or an amount with a comma that is not in quotes")
        }
        self.header = header
        self.rows = records
    }

    /// Reads and parses the file at `path`; `fileName` in errors is `path` as given.
    public init(contentsOf path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(file: path, line: nil, message: "cannot read the file", hint: "check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, line: nil, message: "the file is not UTF-8 text",
                             hint: "save it from the spreadsheet as 'CSV UTF-8'")
        }
        try self.init(text: text, fileName: path)
    }

    /// The index of the column called `name` (case-insensitive).
    /// - Throws: ``InputError`` listing the columns there are and the closest name.
    public func columnIndex(_ name: String) throws -> Int {
        if let index = header.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
            return index
        }
        let suggestion = ClosestName.match(name, among: header).map { "did you mean '\($0)'?" }
        throw InputError(file: fileName, line: 1,
                         message: "no column named '\(name)'; columns are \(header.map { "'\($0)'" }.joined(separator: ", "))",
                         hint: suggestion)
    }

    /// The values of column `name` as numbers, with an error naming line and column for the first
    /// field that is empty or not a number. Plain decimal and scientific notation are accepted.
    public func numbers(inColumn name: String) throws -> [Double] {
        let index = try columnIndex(name)
        return try rows.map { row in
            let text = row.fields[index].trimmingCharacters(in: .whitespaces)
            guard let value = Double(text), value.isFinite else {
                throw InputError(file: fileName, line: row.line,
                                 message: text.isEmpty ? "column '\(header[index])' is empty"
                                     : "column '\(header[index])' value '\(text)' is not a number",
                                 hint: text.isEmpty ? "fill in the value or remove the row" : nil)
            }
            return value
        }
    }

    /// Splits `text` into records with their starting line numbers.
    static func records(of text: String, fileName: String) throws -> [Row] {
        var records: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var afterClosingQuote = false
        var fieldStarted = false
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        func endRecord() {
            fields.append(field)
            // A line with nothing on it is skipped, not treated as a one-field row.
            if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) {
                records.append(Row(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldStarted = false
            afterClosingQuote = false
        }

        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field)
                field = ""
                fieldStarted = true
                afterClosingQuote = false
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                if field.trimmingCharacters(in: .whitespaces).isEmpty && !afterClosingQuote {
                    field = ""
                    inQuotes = true
                    fieldStarted = true
                } else {
                    throw InputError(file: fileName, line: line,
                                     message: "a quote (\") in the middle of field \(fields.count + 1)",
                                     hint: "put the whole field in quotes and double any quote inside it")
                }
            default:
                if afterClosingQuote {
                    if scalar == " " || scalar == "\t" { continue }
                    throw InputError(file: fileName, line: line,
                                     message: "text after the closing quote of field \(fields.count + 1)",
                                     hint: "put the whole field in quotes and double any quote inside it")
                }
                field.unicodeScalars.append(scalar)
                fieldStarted = true
            }
        }
        if inQuotes {
            throw InputError(file: fileName, line: recordLine,
                             message: "a quoted field is never closed", hint: "add the closing quote (\")")
        }
        if !field.isEmpty || !fields.isEmpty || fieldStarted { endRecord() }
        return records
    }
}
