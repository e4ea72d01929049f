import Foundation

/// Reads a CSV file one row at a time, from disk in 1 MiB pieces or from text in memory, keeping
/// the line on which each row starts, so a file of any size is parsed without holding it whole.
///
/// The dialect is ``CSVTable``'s (which reads through this type): a header row, fields quoted with
/// `"` (doubled `""` inside quotes, line breaks inside quotes), a UTF-8 byte-order mark, LF, CRLF
/// or CR line ends, blank lines skipped. Errors (``InputError`` with file and line): a row with a
/// different number of fields from the header, a quote in the middle of a field, text after a
/// closing quote, an unterminated quote, a header column that is empty or named twice, bytes that
/// are not UTF-8.
public final class CSVRowReader {
    /// How the file is named in error messages.
    public let fileName: String
    /// Column names from the header row, trimmed of surrounding spaces.
    public private(set) var header: [String] = []
    /// One-based line of the header row.
    public private(set) var headerLine = 1

    /// The file's size in bytes when read from disk (nil for text in memory).
    public private(set) var fileSize: Int?
    /// Bytes consumed so far (header included), to estimate how many rows a file holds.
    public var bytesConsumed: Int { discarded + position }

    private var discarded = 0
    private var source: FileHandle?
    private var buffer: [UInt8] = []
    private var position = 0
    private var exhausted = false
    private var line = 1
    private static let chunkSize = 1 << 20

    /// Opens the file at `path` (named as given in errors) and reads its header.
    /// - Throws: ``InputError`` if the file cannot be read, is empty, or its header is invalid.
    public convenience init(contentsOf path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: path, line: nil, message: "cannot read the file", hint: "check the path")
        }
        try self.init(fileName: path, handle: handle, bytes: [])
        fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }

    /// Reads CSV held in memory (`text`, the whole file) and its header.
    public convenience init(text: String, fileName: String) throws {
        try self.init(fileName: fileName, handle: nil, bytes: Array(text.utf8))
    }

    private init(fileName: String, handle: FileHandle?, bytes: [UInt8]) throws {
        self.fileName = fileName
        self.source = handle
        self.buffer = bytes
        self.exhausted = handle == nil
        try refill()
        if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { position = 3 }
        guard let first = try nextRecord() else {
            throw InputError(file: fileName, line: 1, message: "the file is empty; expected a header row", hint: nil)
        }
        let names = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                throw InputError(file: fileName, line: first.line, message: "column \(index + 1) of the header has no name", hint: nil)
            }
            if !seen.insert(name.lowercased()).inserted {
                throw InputError(file: fileName, line: first.line,
                                 message: "column name '\(name)' appears twice in the header", hint: nil)
            }
        }
        header = names
        headerLine = first.line
    }

    deinit { try? source?.close() }

    /// The next data row with as many fields as the header, or nil at the end of the file.
    /// - Throws: ``InputError`` naming the line.
    public func next() throws -> CSVTable.Row? {
        guard let record = try nextRecord() else { return nil }
        guard record.fields.count == header.count else {
            throw InputError(file: fileName, line: record.line,
                             message: "expected \(header.count) fields (as in the header), found \(record.fields.count)",
                             hint: "check for a missing or extra comma, or an amount with a comma that is not in quotes")
        }
        return record
    }

    /// The index of the column called `name` (case-insensitive).
    /// - Throws: ``InputError`` listing the columns there are and the closest name.
    public func columnIndex(_ name: String) throws -> Int {
        if let index = header.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) { return index }
        let suggestion = ClosestName.match(name, among: header).map { "did you mean '\($0)'?" }
        throw InputError(file: fileName, line: headerLine,
                         message: "no column named '\(name)'; columns are \(header.map { "'\($0)'" }.joined(separator: ", "))",
                         hint: suggestion)
    }

    /// Keeps at least one unread byte in the buffer unless the source is finished.
    private func refill() throws {
        guard !exhausted, position >= buffer.count - 1 else { return }
        let chunk = source?.readData(ofLength: CSVRowReader.chunkSize) ?? Data()
        if position > 0 {
            discarded += position
            buffer.removeFirst(position)
            position = 0
        }
        if chunk.isEmpty { exhausted = true } else { buffer.append(contentsOf: chunk) }
    }

    private func peek() throws -> UInt8? {
        if position >= buffer.count - 1 { try refill() }
        return position < buffer.count ? buffer[position] : nil
    }

    private func string(_ bytes: [UInt8], recordLine: Int) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(file: fileName, line: recordLine, message: "the file is not UTF-8 text",
                             hint: "save it from the spreadsheet as 'CSV UTF-8'")
        }
        return text
    }

    /// The next record (any number of fields), skipping blank lines; nil at the end.
    private func nextRecord() throws -> CSVTable.Row? {
        while true {
            guard try peek() != nil else { return nil }
            var fields: [String] = []
            var field: [UInt8] = []
            let recordLine = line
            var inQuotes = false
            var afterClosingQuote = false
            var fieldStarted = false
            func isBlank(_ bytes: [UInt8]) -> Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
            recordLoop: while let byte = try peek() {
                position += 1
                if inQuotes {
                    if byte == UInt8(ascii: "\"") {
                        if try peek() == UInt8(ascii: "\"") {
                            position += 1
                            field.append(byte)
                        } else {
                            inQuotes = false
                            afterClosingQuote = true
                        }
                    } else {
                        if byte == 0x0A { line += 1 }
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: ","):
                    fields.append(try string(field, recordLine: recordLine))
                    field.removeAll(keepingCapacity: true)
                    fieldStarted = true
                    afterClosingQuote = false
                case 0x0D, 0x0A:
                    if byte == 0x0D, try peek() == 0x0A { position += 1 }
                    line += 1
                    break recordLoop
                case UInt8(ascii: "\""):
                    if isBlank(field) && !afterClosingQuote {
                        field.removeAll(keepingCapacity: true)
                        inQuotes = true
                        fieldStarted = true
                    } else {
                        throw InputError(file: fileName, line: line,
                                         message: "a quote (\") in the middle of field \(fields.count + 1)",
                                         hint: "put the whole field in quotes and double any quote inside it")
                    }
                default:
                    if afterClosingQuote {
                        if byte == 0x20 || byte == 0x09 { continue }
                        throw InputError(file: fileName, line: line,
                                         message: "text after the closing quote of field \(fields.count + 1)",
                                         hint: "put the whole field in quotes and double any quote inside it")
                    }
                    field.append(byte)
                    fieldStarted = true
                }
            }
            if inQuotes {
                throw InputError(file: fileName, line: recordLine,
                                 message: "a quoted field is never closed", hint: "add the closing quote (\")")
            }
            fields.append(try string(field, recordLine: recordLine))
            // A line with nothing on it is skipped, not treated as a one-field row.
            if fields.count == 1 && fields[0].isEmpty && !fieldStarted { continue }
            return CSVTable.Row(line: recordLine, fields: fields)
        }
    }
}
