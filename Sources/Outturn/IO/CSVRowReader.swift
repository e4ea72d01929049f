import Dispatch
import Foundation

/// Reads a CSV file one row at a time, from a memory-mapped file or from text in memory, keeping
/// the line on which each row starts; or, through `parallelRecords(_:_:)`, on all cores at once.
///
/// The dialect is ``CSVTable``'s (which reads through this type): a header row, fields quoted with
/// `"` (doubled `""` inside quotes, line breaks inside quotes), a UTF-8 byte-order mark, LF, CRLF
/// or CR line ends, blank lines skipped. Errors (``InputError`` with file and line): a path that is
/// not a regular file (a directory, FIFO or device, refused before reading), a row with a
/// different number of fields from the header, a quote in the middle of a field, text after a
/// closing quote, an unterminated quote, a field over 1 MiB, a header column that is empty or
/// named twice, bytes that are not UTF-8.
public final class CSVRowReader {
    /// How the file is named in error messages.
    public let fileName: String
    /// Column names from the header row, trimmed of surrounding spaces.
    public private(set) var header: [String] = []
    /// One-based line of the header row.
    public private(set) var headerLine = 1

    /// The file's size in bytes when read from disk (nil for text in memory).
    package private(set) var fileSize: Int?
    /// Bytes consumed so far (header included), to estimate how many rows a file holds.
    package var bytesConsumed: Int { scanner.position }

    private let bytes: InputBytes
    private var scanner: CSVScanner

    /// Opens the file at `path` (named as given in errors) and reads its header.
    /// - Throws: ``InputError`` if the path is not a readable regular file, or the file is empty,
    ///   or its header is invalid.
    public convenience init(contentsOf path: String) throws {
        let bytes = try InputBytes(contentsOf: path)
        try self.init(fileName: path, bytes: bytes)
        fileSize = bytes.count
    }

    /// Reads CSV held in memory (`text`, the whole file) and its header.
    public convenience init(text: String, fileName: String) throws {
        try self.init(fileName: fileName, bytes: InputBytes(copying: text.utf8))
    }

    private init(fileName: String, bytes: InputBytes) throws {
        self.fileName = fileName
        self.bytes = bytes
        scanner = CSVScanner(fileName: fileName, base: bytes.base, position: 0, end: bytes.count, line: 1)
        scanner.skipByteOrderMark()
        guard try scanner.nextRecord() else {
            throw InputError(file: fileName, line: 1, message: "the file is empty; expected a header row", hint: nil)
        }
        let names = (0..<scanner.fieldCount).map { scanner.string($0).trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                throw InputError(file: fileName, line: scanner.recordLine, message: "column \(index + 1) of the header has no name", hint: nil)
            }
            if !seen.insert(name.lowercased()).inserted {
                throw InputError(file: fileName, line: scanner.recordLine,
                                 message: "column name '\(InputError.echo(name))' appears twice in the header", hint: nil)
            }
        }
        header = names
        headerLine = scanner.recordLine
    }

    /// The next data row with as many fields as the header, or nil at the end of the file.
    /// - Throws: ``InputError`` naming the line.
    public func next() throws -> CSVTable.Row? {
        guard try scanner.nextRecord() else { return nil }
        try checkFieldCount(scanner)
        return CSVTable.Row(line: scanner.recordLine, fields: (0..<scanner.fieldCount).map { scanner.string($0) })
    }

    private func checkFieldCount(_ scanner: CSVScanner) throws {
        guard scanner.fieldCount == header.count else {
            throw InputError(file: fileName, line: scanner.recordLine,
                             message: "expected \(header.count) fields (as in the header), found \(scanner.fieldCount)",
                             hint: "check for a missing or extra comma, or an amount with a comma that is not in quotes")
        }
    }

    /// The index of the column called `name` (case-insensitive).
    /// - Throws: ``InputError`` listing the columns there are and the closest name.
    public func columnIndex(_ name: String) throws -> Int {
        if let index = header.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) { return index }
        let suggestion = ClosestName.match(name, among: header).map { "did you mean '\($0)'?" }
        throw InputError(file: fileName, line: headerLine,
                         message: "no column named '\(name)'; columns are \(header.map { "'\(InputError.echo($0))'" }.joined(separator: ", "))",
                         hint: suggestion)
    }

    /// Reads every remaining row on all cores: the rest of the file is cut into a few parts at
    /// row boundaries (outside quotes), each part's rows are handed in file order to `body` with a
    /// state of its own (made by `makeState`, given the part's size in bytes so it can reserve
    /// room), and the states come back in file order.
    ///
    /// Errors are exactly those of reading row by row with ``next()``, the first in the file: when
    /// a part fails (a CSV error or one thrown by `body`), the file is read again one row at a time
    /// from the start of that part, with a fresh state, which throws the first error. `body` must
    /// therefore depend only on its state and the row. Rows have as many fields as the header.
    ///
    /// `parts` (for tests) overrides the number of parts, by default one per core for files of
    /// 4 MiB or more per core, else one.
    package func parallelRecords<State>(parts requested: Int? = nil, _ makeState: (_ bytes: Int) -> State,
                                        _ body: (inout State, borrowing CSVScanner) throws -> Void) throws -> [State] {
        // The worker threads finish before this returns, so the closures never outlive the call.
        try withoutActuallyEscaping(makeState) { makeState in
            try withoutActuallyEscaping(body) { body in
                try parallelRecords(requested, makeState, body)
            }
        }
    }

    private func parallelRecords<State>(_ requested: Int?, _ makeState: @escaping (_ bytes: Int) -> State,
                                        _ body: @escaping (inout State, borrowing CSVScanner) throws -> Void) throws -> [State] {
        let start = scanner.position, end = scanner.end, line = scanner.line
        scanner = CSVScanner(fileName: fileName, base: bytes.base, position: end, end: end, line: line)
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let wanted = requested ?? min(cores, max(1, (end - start) / (1 << 22)))
        let parts = CSVSplit.parts(base: bytes.base, start: start, end: end, line: line, count: wanted)

        func run(_ part: CSVSplit.Part, to stop: Int) throws -> State {
            var state = makeState(stop - part.start)
            var scanner = CSVScanner(fileName: fileName, base: bytes.base, position: part.start, end: stop, line: part.line)
            while try scanner.nextRecord() {
                try checkFieldCount(scanner)
                try body(&state, scanner)
            }
            return state
        }
        if parts.count == 1 { return [try run(parts[0], to: end)] }

        let results = ResultSlots<State>(count: parts.count)
        // Each part reads only the shared, immutable mapped bytes and writes only its own slot; the
        // closures are not @Sendable in their types, hence the unchecked box.
        let job = UncheckedSendableBox { (k: Int) in
            let stop = k + 1 < parts.count ? parts[k + 1].start : end
            results.store((try? run(parts[k], to: stop)), at: k)
        }
        DispatchQueue.concurrentPerform(iterations: parts.count) { k in job.value(k) }
        var states: [State] = []
        for k in parts.indices {
            guard let state = results.values[k] else {
                // Read from this part's start (a true row boundary: every part before it was read
                // without error) one row at a time to the end of the file, as a single pass would.
                states.append(try run(parts[k], to: end))
                return states
            }
            states.append(state)
        }
        return states
    }

    /// A value handed to worker threads whose safety the caller has argued (see the use).
    private struct UncheckedSendableBox<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// One slot per part, written once by the thread that reads the part.
    private final class ResultSlots<T>: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [T?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func store(_ value: T?, at index: Int) {
            lock.lock()
            defer { lock.unlock() }
            values[index] = value
        }
    }
}

/// Where to cut CSV bytes into parts that can be read independently: just after a line end that
/// is outside quotes, with the line number there.
enum CSVSplit {
    struct Part {
        /// Byte offset of the part's first row.
        let start: Int
        /// One-based line at `start`.
        let line: Int
    }

    /// Up to `count` parts of `start ..< end` (fewer when rows are long), the first at `start`.
    ///
    /// Quote parity decides what is inside quotes, which is exact for every byte before the first
    /// CSV error; a part after an error may be cut wrongly, but its rows are never used (see
    /// ``CSVRowReader/parallelRecords(_:_:)``). Lines count as the reader counts them: every LF,
    /// and a CR outside quotes not followed by LF.
    static func parts(base: UnsafePointer<UInt8>?, start: Int, end: Int, line: Int, count: Int) -> [Part] {
        var parts = [Part(start: start, line: line)]
        guard count > 1, let base else { return parts }
        var position = start, currentLine = line, inQuotes = false
        for k in 1..<count {
            let target = start + (end - start) / count * k
            guard target > position else { continue }
            // Counts up to the target (exact line counting is needed only when the range has a CR).
            let (quotes, lfs, crs) = counts(base, position, target)
            if crs == 0 {
                currentLine += lfs
                if quotes % 2 == 1 { inQuotes.toggle() }
                position = target
            } else {
                while position < target { step(base, &position, end, &currentLine, &inQuotes) }
            }
            // On to the end of a line outside quotes.
            var found = false
            while position < end {
                let byte = base[position]
                let wasOutside = !inQuotes
                step(base, &position, end, &currentLine, &inQuotes)
                if wasOutside && (byte == 0x0A || byte == 0x0D) {
                    if byte == 0x0D, position < end, base[position] == 0x0A { position += 1; currentLine += 1 }
                    found = true
                    break
                }
            }
            guard found, position < end else { break }
            parts.append(Part(start: position, line: currentLine))
        }
        return parts
    }

    /// The numbers of `"`, LF and CR bytes in `base[from ..< to]`, eight bytes at a time.
    static func counts(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> (quotes: Int, lfs: Int, crs: Int) {
        var quotes = 0, lfs = 0, crs = 0
        var i = from
        // Bytes equal to b in word w: high bit of each byte of ~(((x & 0x7F…) + 0x7F…) | x | 0x7F…)
        // with x = w ^ (b repeated), which is set exactly where x has a zero byte.
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func matches(_ word: UInt64, _ pattern: UInt64) -> Int {
            let x = word ^ pattern
            return (~(((x & low7) &+ low7) | x | low7)).nonzeroBitCount
        }
        let raw = UnsafeRawPointer(base)
        while i + 8 <= to {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            quotes &+= matches(word, 0x2222_2222_2222_2222)
            lfs &+= matches(word, 0x0A0A_0A0A_0A0A_0A0A)
            crs &+= matches(word, 0x0D0D_0D0D_0D0D_0D0D)
            i += 8
        }
        while i < to {
            let byte = base[i]
            quotes &+= byte == 0x22 ? 1 : 0
            lfs &+= byte == 0x0A ? 1 : 0
            crs &+= byte == 0x0D ? 1 : 0
            i += 1
        }
        return (quotes, lfs, crs)
    }

    /// Advances one byte, keeping the line and quote state.
    private static func step(_ base: UnsafePointer<UInt8>, _ position: inout Int, _ end: Int,
                             _ line: inout Int, _ inQuotes: inout Bool) {
        let byte = base[position]
        position += 1
        switch byte {
        case 0x22: inQuotes.toggle()
        case 0x0A: line += 1
        case 0x0D: if !inQuotes && !(position < end && base[position] == 0x0A) { line += 1 }
        default: break
        }
    }
}
