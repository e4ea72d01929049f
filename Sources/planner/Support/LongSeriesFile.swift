import Foundation
import Outturn

/// Series read from a long CSV file (one row per series and period), grouped by series in order
/// of first appearance, each sorted by period.
///
/// Periods must be whole numbers, consecutive within a series (a gap or a duplicate is an
/// ``InputError`` naming the line); a missing or non-numeric value is an error naming its line
/// (we do not guess a value, and dropping it would silently shift the periods).
///
/// Storage is compact: every value in one contiguous array, series k at
/// `allValues[offsets[k] ..< offsets[k + 1]]`, each name once. The file is streamed row by row
/// (``CSVRowReader``); no field text is kept. A file whose rows come grouped by series in period
/// order (the usual export) is read in one pass straight into that storage; any other order is
/// read again, sorting each series' rows by period, with the same errors.
struct LongSeriesFile {
    /// Series names, in order of first appearance.
    let names: [String]
    /// All values, series after series, each series oldest period first.
    let allValues: [Double]
    /// Start of each series in ``allValues``, plus `allValues.count` at the end (names.count + 1 entries).
    let offsets: [Int]

    /// Values of each series as separate arrays (a copy; for callers that want `[[Double]]`).
    var values: [[Double]] { (0..<count).map { Array(series($0)) } }

    /// Number of series.
    var count: Int { names.count }

    /// The values of series `k`, oldest period first.
    func series(_ k: Int) -> ArraySlice<Double> { allValues[offsets[k]..<offsets[k + 1]] }

    /// One row after its fields were checked.
    private struct Row {
        let name: String
        let period: Int
        let value: Double
        let line: Int
    }

    /// Reads the rows of `path` one by one, checking each (empty name, a period that is not a
    /// whole number, an empty or non-numeric value), and hands them to `body`; `body` returns
    /// false to stop early.
    private static func rows(path: String, columns: (series: String, period: String, value: String),
                             _ body: (Row) throws -> Bool) throws {
        let reader = try CSVRowReader(contentsOf: path)
        let seriesIndex = try reader.columnIndex(columns.series)
        let periodIndex = try reader.columnIndex(columns.period)
        let valueIndex = try reader.columnIndex(columns.value)
        while let row = try reader.next() {
            let name = trimmed(row.fields[seriesIndex])
            let periodText = trimmed(row.fields[periodIndex])
            let valueText = trimmed(row.fields[valueIndex])
            guard !name.isEmpty else {
                throw InputError(file: path, line: row.line, message: "column '\(columns.series)' is empty",
                                 hint: "every row needs the name of its series")
            }
            guard let period = Int(periodText) else {
                throw InputError(file: path, line: row.line,
                                 message: "column '\(columns.period)' value '\(periodText)' is not a whole number",
                                 hint: "periods are numbered 1, 2, 3, … within each series")
            }
            guard !valueText.isEmpty else {
                throw InputError(file: path, line: row.line,
                                 message: "series '\(name)' period \(period): column '\(columns.value)' is empty",
                                 hint: "fill in the value, or remove the series' earlier periods so the rest are consecutive")
            }
            guard let value = Double(valueText), value.isFinite else {
                throw InputError(file: path, line: row.line,
                                 message: "column '\(columns.value)' value '\(valueText)' is not a number", hint: nil)
            }
            if try !body(Row(name: name, period: period, value: value, line: row.line)) { return }
        }
    }

    init(path: String, seriesColumn: String, periodColumn: String, valueColumn: String) throws {
        let columns = (series: seriesColumn, period: periodColumn, value: valueColumn)
        let read = try Self.readGrouped(path: path, columns: columns) ?? Self.readUnordered(path: path, columns: columns)
        names = read.names
        allValues = read.values
        offsets = read.offsets
    }

    private typealias Storage = (names: [String], values: [Double], offsets: [Int])

    /// One pass, assuming rows grouped by series in consecutive period order; nil as soon as a
    /// row breaks that order (a series seen before, a period out of step).
    private static func readGrouped(path: String, columns: (series: String, period: String, value: String)) throws -> Storage? {
        var names: [String] = []
        var values: [Double] = []
        var offsets: [Int] = []
        var known: [String: Int] = [:]
        var lastPeriod = 0
        var grouped = true
        try rows(path: path, columns: columns) { row in
            if let current = names.last, row.name == current {
                guard row.period == lastPeriod + 1 else { grouped = false; return false }
            } else {
                guard known[row.name] == nil else { grouped = false; return false }
                known[row.name] = names.count
                names.append(row.name)
                offsets.append(values.count)
            }
            values.append(row.value)
            lastPeriod = row.period
            return true
        }
        guard grouped else { return nil }
        guard !names.isEmpty else { throw noRows(path) }
        offsets.append(values.count)
        return (names, values, offsets)
    }

    /// Reads a file whose rows are in any order: each series' rows sorted by (period, line), then
    /// checked for duplicates and gaps in order of first appearance.
    private static func readUnordered(path: String, columns: (series: String, period: String, value: String)) throws -> Storage {
        var order: [String] = []
        var rows: [String: [(period: Int, value: Double, line: Int)]] = [:]
        try Self.rows(path: path, columns: columns) { row in
            if rows[row.name] == nil { order.append(row.name); rows[row.name] = [] }
            rows[row.name]!.append((row.period, row.value, row.line))
            return true
        }
        guard !order.isEmpty else { throw noRows(path) }
        var values: [Double] = []
        var offsets: [Int] = []
        for name in order {
            let sorted = rows.removeValue(forKey: name)!.sorted { ($0.period, $0.line) < ($1.period, $1.line) }
            for k in sorted.indices.dropFirst() {
                let previous = sorted[k - 1], current = sorted[k]
                if current.period == previous.period {
                    throw InputError(file: path, line: current.line,
                                     message: "series '\(name)' has period \(current.period) twice (also on line \(previous.line))",
                                     hint: "remove one of the two rows")
                }
                if current.period != previous.period + 1 {
                    throw InputError(file: path, line: current.line,
                                     message: "series '\(name)' jumps from period \(previous.period) to \(current.period)",
                                     hint: "add the missing period\(current.period - previous.period > 2 ? "s" : "") \(previous.period + 1)…\(current.period - 1)")
                }
            }
            offsets.append(values.count)
            values.append(contentsOf: sorted.lazy.map(\.value))
        }
        offsets.append(values.count)
        return (order, values, offsets)
    }

    /// `text` without surrounding whitespace, as `trimmingCharacters(in: .whitespaces)`, but
    /// returned at once when both ends are ASCII other than space and tab (the usual field).
    private static func trimmed(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return text }
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && byte != 0x09 }
        if plain(first) && plain(last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static func noRows(_ path: String) -> InputError {
        InputError(file: path, line: nil, message: "the file has a header but no data rows", hint: nil)
    }
}

