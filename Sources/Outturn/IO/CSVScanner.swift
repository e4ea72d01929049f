/// Splits CSV bytes into records and fields without making a String per field: a field is a span
/// of the input (or, for a quoted field with doubled quotes, of a small scratch buffer).
///
/// The dialect and every error (message and line) are those documented on ``CSVRowReader``; this
/// is the one implementation of them. A scanner reads `position ..< end` of the bytes; `line` is
/// the one-based line at `position`.
package struct CSVScanner {
    /// A field: `count` bytes at `start` of the input, or of the scratch buffer when `inScratch`.
    struct Span {
        var start: Int
        var count: Int
        var inScratch: Bool
    }

    /// Fields longer than this are an error (a runaway field, such as a file of NUL bytes or an
    /// unclosed quote near the start of a huge file, is not gathered into memory).
    static let maximumFieldBytes = 1 << 20

    package let fileName: String
    package let base: UnsafePointer<UInt8>
    package private(set) var position: Int
    package let end: Int
    /// The line at ``position``.
    package private(set) var line: Int
    /// The line on which the last record returned by ``nextRecord()`` starts.
    package private(set) var recordLine = 0
    /// Fields of the last record: the first ``fieldCount`` entries (the array is reused).
    private(set) var spans: [Span] = []
    /// Number of fields of the last record.
    package private(set) var fieldCount = 0
    /// Unescaped quoted fields that had doubled quotes.
    private(set) var scratch: [UInt8] = []

    /// A scanner of `bytes[position ..< end]` starting at `line`; `bytes` must outlive it.
    init(fileName: String, base: UnsafePointer<UInt8>?, position: Int, end: Int, line: Int) {
        self.fileName = fileName
        // An empty input still needs a valid pointer; it is never read (position == end).
        self.base = base ?? UnsafePointer(CSVScanner.emptyByte)
        self.position = position
        self.end = end
        self.line = line
        spans.reserveCapacity(16)
    }

    // Written once at initialisation and never again (only its address is used), so sharing it is safe.
    nonisolated(unsafe) private static let emptyByte: UnsafeMutablePointer<UInt8> = {
        let byte = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        byte.initialize(to: 0)
        return byte
    }()


    /// The bytes of field `index` of the last record (valid until the next call to ``nextRecord()``).
    package func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        precondition(index < fieldCount, "field \(index) of a record of \(fieldCount)")
        let span = spans[index]
        if span.inScratch {
            return try scratch.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[span.start..<span.start + span.count])) }
        }
        return try body(UnsafeBufferPointer(start: base + span.start, count: span.count))
    }

    /// Field `index` of the last record as text (already checked to be UTF-8).
    package func string(_ index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Skips a UTF-8 byte-order mark at the current position.
    mutating func skipByteOrderMark() {
        if end - position >= 3, base[position] == 0xEF, base[position + 1] == 0xBB, base[position + 2] == 0xBF {
            position += 3
        }
    }

    private func error(_ line: Int, _ message: String, _ hint: String?) -> InputError {
        InputError(file: fileName, line: line, message: message, hint: hint)
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Reads the next record into ``spans``, skipping blank lines; false at the end.
    /// - Throws: ``InputError`` (quote in the middle of a field, text after a closing quote, a quote
    ///   never closed, bytes that are not UTF-8, a field over ``maximumFieldBytes``).
    mutating func nextRecord() throws -> Bool {
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        while position < end {
            fieldCount = 0
            if !scratch.isEmpty { scratch.removeAll(keepingCapacity: true) }
            recordLine = line
            var fieldStarted = false
            // One field per iteration.
            fieldLoop: while true {
                var start = position
                var p = position
                var high: UInt8 = 0
                // Unquoted text up to a delimiter.
                while p < end {
                    let byte = base[p]
                    if byte == comma || byte == lf || byte == cr || byte == quote { break }
                    high |= byte
                    p += 1
                }
                var span = Span(start: start, count: p - start, inScratch: false)
                if p > start { fieldStarted = true }
                position = p
                if p < end && base[p] == quote {
                    // A quote opens a quoted field only when what precedes it in the field is blank.
                    for q in start..<p where !CSVScanner.isBlank(base[q]) {
                        throw error(line, "a quote (\") in the middle of field \(fieldCount + 1)",
                                    "put the whole field in quotes and double any quote inside it")
                    }
                    fieldStarted = true
                    position = p + 1
                    start = position
                    high = 0
                    var escaped = false
                    var closed = false
                    var q = position
                    while q < end {
                        let byte = base[q]
                        if byte == quote {
                            if q + 1 < end && base[q + 1] == quote {
                                escaped = true
                                q += 2
                                continue
                            }
                            closed = true
                            break
                        }
                        if byte == lf { line += 1 }
                        high |= byte
                        q += 1
                    }
                    guard closed else {
                        throw error(recordLine, "a quoted field is never closed", "add the closing quote (\")")
                    }
                    if escaped {
                        // Undouble the quotes into the scratch buffer.
                        let scratchStart = scratch.count
                        var r = start
                        while r < q {
                            scratch.append(base[r])
                            r += base[r] == quote ? 2 : 1
                        }
                        span = Span(start: scratchStart, count: scratch.count - scratchStart, inScratch: true)
                    } else {
                        span = Span(start: start, count: q - start, inScratch: false)
                    }
                    position = q + 1
                    // After the closing quote only blanks, then a delimiter.
                    while position < end {
                        let byte = base[position]
                        if byte == comma || byte == lf || byte == cr { break }
                        if byte == quote {
                            throw error(line, "a quote (\") in the middle of field \(fieldCount + 1)",
                                        "put the whole field in quotes and double any quote inside it")
                        }
                        if !CSVScanner.isBlank(byte) {
                            throw error(line, "text after the closing quote of field \(fieldCount + 1)",
                                        "put the whole field in quotes and double any quote inside it")
                        }
                        position += 1
                    }
                }
                if span.count > CSVScanner.maximumFieldBytes {
                    throw error(recordLine, "field \(fieldCount + 1) is longer than \(CSVScanner.maximumFieldBytes / (1 << 20)) MiB",
                                "check that this is a CSV file; quotes must be closed")
                }
                if high >= 0x80 { try checkUTF8(span) }
                if fieldCount < spans.count { spans[fieldCount] = span } else { spans.append(span) }
                fieldCount += 1
                guard position < end else { break fieldLoop }
                let delimiter = base[position]
                position += 1
                if delimiter == comma {
                    fieldStarted = true
                    continue fieldLoop
                }
                // A line end.
                if delimiter == cr, position < end, base[position] == lf { position += 1 }
                line += 1
                break fieldLoop
            }
            // A line with nothing on it is skipped, not treated as a one-field row.
            if fieldCount == 1 && spans[0].count == 0 && !fieldStarted { continue }
            return true
        }
        return false
    }

    private func checkUTF8(_ span: Span) throws {
        let valid: Bool
        if span.inScratch {
            valid = String(validating: scratch[span.start..<span.start + span.count], as: UTF8.self) != nil
        } else {
            valid = String(validating: UnsafeBufferPointer(start: base + span.start, count: span.count), as: UTF8.self) != nil
        }
        if !valid {
            throw error(recordLine, "the file is not UTF-8 text", "save it from the spreadsheet as 'CSV UTF-8'")
        }
    }
}
