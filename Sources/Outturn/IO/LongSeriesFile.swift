import Foundation

/// Series read from a long CSV file (one row per series and period), grouped by series in order
/// of first appearance, each sorted by period.
///
/// Periods must be whole numbers, consecutive within a series (a gap or a duplicate is an
/// ``InputError`` naming the line); a missing or non-numeric value is an error naming its line
/// (we do not guess a value, and dropping it would silently shift the periods).
///
/// Storage is compact: every value in one contiguous array, series k at
/// `allValues[offsets[k] ..< offsets[k + 1]]`, each name once. The file is memory-mapped and its
/// rows parsed from bytes on all cores (`CSVRowReader.parallelRecords(_:_:)`); no field text
/// is kept. Rows grouped by series in period order (the usual export) go straight into that
/// storage; any other order is sorted series by series, with the same errors.
public struct LongSeriesFile: Sendable {
    /// Series names, in order of first appearance.
    public let names: [String]
    /// All values, series after series, each series oldest period first.
    public let allValues: [Double]
    /// Start of each series in ``allValues``, plus `allValues.count` at the end (names.count + 1 entries).
    public let offsets: [Int]

    /// Values of each series as separate arrays (a copy; for callers that want `[[Double]]`).
    public var values: [[Double]] { (0..<count).map { Array(series($0)) } }

    /// Number of series.
    public var count: Int { names.count }

    /// The values of series `k`, oldest period first.
    public func series(_ k: Int) -> ArraySlice<Double> { allValues[offsets[k]..<offsets[k + 1]] }

    /// Rows of one part of the file, checked, in file order; consecutive rows of the same series
    /// share one name.
    private struct Part {
        var names: [String] = []
        /// Row index (within the part) after the last row of each name in `names`.
        var runEnds: [Int] = []
        var periods: [Int] = []
        var values: [Double] = []
        var lines: [Int] = []
        var lastName: [UInt8] = []

        /// Room for the rows of `bytes` bytes of file (rows are rarely under 12 bytes).
        init(bytes: Int = 0) {
            let rows = bytes / 12 + 16
            periods.reserveCapacity(rows)
            values.reserveCapacity(rows)
            lines.reserveCapacity(rows)
        }

        mutating func closeRun() { if !names.isEmpty { runEnds.append(periods.count) } }
    }

    private typealias Columns = (series: String, period: String, value: String)

    /// Reads and checks every row of `path` on all cores (empty name, a period that is not a whole
    /// number, an empty or non-numeric value: the first in the file is thrown).
    private static func parts(path: String, columns: Columns) throws -> [Part] {
        let reader = try CSVRowReader(contentsOf: path)
        let seriesIndex = try reader.columnIndex(columns.series)
        let periodIndex = try reader.columnIndex(columns.period)
        let valueIndex = try reader.columnIndex(columns.value)
        var parts = try reader.parallelRecords({ Part(bytes: $0) }) { part, row in
            let line = row.recordLine
            try row.withField(seriesIndex) { raw in
                let plain = ByteFields.trimmed(raw)
                if let plain, !part.names.isEmpty, plain.count == part.lastName.count,
                   part.lastName.withUnsafeBufferPointer({ ByteFields.equal($0, plain) }) { return }
                let name = plain.map { String(decoding: $0, as: UTF8.self) } ?? ByteFields.trimmedString(raw)
                guard !name.isEmpty else {
                    throw InputError(file: path, line: line, message: "column '\(columns.series)' is empty",
                                     hint: "every row needs the name of its series")
                }
                part.closeRun()
                part.names.append(name)
                // (Capacity kept: no allocation per series. 0xFF: never equal to a UTF-8 field.)
                part.lastName.removeAll(keepingCapacity: true)
                if let plain { part.lastName.append(contentsOf: plain) } else { part.lastName.append(0xFF) }
            }
            let period: Int = try row.withField(periodIndex) { raw in
                if let plain = ByteFields.trimmed(raw), let period = ByteFields.integer(plain) { return period }
                let text = ByteFields.trimmedString(raw)
                guard let period = Int(text) else {
                    throw InputError(file: path, line: line,
                                     message: "column '\(columns.period)' value '\(InputError.echo(text))' is not a whole number",
                                     hint: "periods are numbered 1, 2, 3, … within each series")
                }
                return period
            }
            let value: Double = try row.withField(valueIndex) { raw in
                if let plain = ByteFields.trimmed(raw), let value = DecimalToDouble.parse(plain), value.isFinite { return value }
                let text = ByteFields.trimmedString(raw)
                guard !text.isEmpty else {
                    throw InputError(file: path, line: line,
                                     message: "series '\(InputError.echo(part.names[part.names.count - 1]))' period \(period): column '\(columns.value)' is empty",
                                     hint: "fill in the value, or remove the series' earlier periods so the rest are consecutive")
                }
                guard let value = Double(text), value.isFinite else {
                    throw InputError(file: path, line: line,
                                     message: "column '\(columns.value)' value '\(InputError.echo(text))' is not a number", hint: nil)
                }
                return value
            }
            part.periods.append(period)
            part.values.append(value)
            part.lines.append(line)
        }
        for k in parts.indices { parts[k].closeRun() }
        return parts
    }

    /// Reads the file at `path`, taking the series name, the period (a whole number) and the value
    /// from the named columns (matched case-insensitively).
    /// - Throws: ``InputError`` naming the file and line: a missing column, a period that is not a
    ///   whole number or leaves a gap or a duplicate, a missing or non-numeric value.
    public init(path: String, seriesColumn: String, periodColumn: String, valueColumn: String) throws {
        let columns = (series: seriesColumn, period: periodColumn, value: valueColumn)
        let parts = try Self.parts(path: path, columns: columns)
        let read = try Self.readGrouped(parts) ?? Self.readUnordered(parts, path: path)
        guard !read.names.isEmpty else { throw Self.noRows(path) }
        names = read.names
        allValues = read.values
        offsets = read.offsets
    }

    private typealias Storage = (names: [String], values: [Double], offsets: [Int])

    /// The rows as they are, when they come grouped by series in consecutive period order; nil
    /// as soon as a row breaks that order (a series seen before, a period out of step).
    private static func readGrouped(_ parts: [Part]) -> Storage? {
        var names: [String] = []
        var values: [Double] = []
        values.reserveCapacity(parts.reduce(0) { $0 + $1.values.count })
        var offsets: [Int] = []
        var known = Set<String>(minimumCapacity: parts.reduce(0) { $0 + $1.names.count })
        var lastPeriod = 0
        for part in parts {
            var row = 0
            for (run, name) in part.names.enumerated() {
                let end = part.runEnds[run]
                var period = part.periods[row]
                if let current = names.last, name == current {
                    // (lastPeriod < Int.max: a period of Int.max has no successor.)
                    guard lastPeriod < Int.max, period == lastPeriod + 1 else { return nil }
                } else {
                    guard known.insert(name).inserted else { return nil }
                    names.append(name)
                    offsets.append(values.count)
                }
                values.append(part.values[row])
                lastPeriod = period
                row += 1
                while row < end {
                    period = part.periods[row]
                    guard lastPeriod < Int.max, period == lastPeriod + 1 else { return nil }
                    values.append(part.values[row])
                    lastPeriod = period
                    row += 1
                }
            }
        }
        offsets.append(values.count)
        return (names, values, offsets)
    }

    /// Rows in any order: each series' rows sorted by (period, line), then checked for duplicates
    /// and gaps in order of first appearance.
    private static func readUnordered(_ parts: [Part], path: String) throws -> Storage {
        var order: [String] = []
        var rows: [String: [(period: Int, value: Double, line: Int)]] = [:]
        for part in parts {
            var row = 0
            for (run, name) in part.names.enumerated() {
                if rows[name] == nil { order.append(name); rows[name] = [] }
                while row < part.runEnds[run] {
                    rows[name]!.append((part.periods[row], part.values[row], part.lines[row]))
                    row += 1
                }
            }
        }
        var values: [Double] = []
        var offsets: [Int] = []
        for name in order {
            let sorted = rows.removeValue(forKey: name)!.sorted { ($0.period, $0.line) < ($1.period, $1.line) }
            for k in sorted.indices.dropFirst() {
                let previous = sorted[k - 1], current = sorted[k]
                if current.period == previous.period {
                    throw InputError(file: path, line: current.line,
                                     message: "series '\(InputError.echo(name))' has period \(current.period) twice (also on line \(previous.line))",
                                     hint: "remove one of the two rows")
                }
                // current > previous here, so previous + 1 cannot overflow; the gap may exceed Int.max.
                if current.period != previous.period + 1 {
                    let (gap, overflow) = current.period.subtractingReportingOverflow(previous.period)
                    throw InputError(file: path, line: current.line,
                                     message: "series '\(InputError.echo(name))' jumps from period \(previous.period) to \(current.period)",
                                     hint: "add the missing period\(overflow || gap > 2 ? "s" : "") \(previous.period + 1)…\(current.period - 1)")
                }
            }
            offsets.append(values.count)
            values.append(contentsOf: sorted.lazy.map(\.value))
        }
        offsets.append(values.count)
        return (order, values, offsets)
    }

    private static func noRows(_ path: String) -> InputError {
        InputError(file: path, line: nil, message: "the file has a header but no data rows", hint: nil)
    }
}

