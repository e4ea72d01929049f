import Foundation
import Outturn

/// Series read from a long CSV file (one row per series and period), grouped by series in order
/// of first appearance, each sorted by period.
///
/// Periods must be whole numbers, consecutive within a series (a gap or a duplicate is an
/// ``InputError`` naming the line); a missing or non-numeric value is an error naming its line
/// (we do not guess a value, and dropping it would silently shift the periods).
struct LongSeriesFile {
    /// Series names, in order of first appearance.
    let names: [String]
    /// Values of each series, oldest period first.
    let values: [[Double]]

    init(path: String, seriesColumn: String, periodColumn: String, valueColumn: String) throws {
        let table = try CSVTable(contentsOf: path)
        let seriesIndex = try table.columnIndex(seriesColumn)
        let periodIndex = try table.columnIndex(periodColumn)
        let valueIndex = try table.columnIndex(valueColumn)
        var order: [String] = []
        var rows: [String: [(period: Int, value: Double, line: Int)]] = [:]
        for row in table.rows {
            let name = row.fields[seriesIndex].trimmingCharacters(in: .whitespaces)
            let periodText = row.fields[periodIndex].trimmingCharacters(in: .whitespaces)
            let valueText = row.fields[valueIndex].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                throw InputError(file: path, line: row.line, message: "column '\(seriesColumn)' is empty",
                                 hint: "every row needs the name of its series")
            }
            guard let period = Int(periodText) else {
                throw InputError(file: path, line: row.line,
                                 message: "column '\(periodColumn)' value '\(periodText)' is not a whole number",
                                 hint: "periods are numbered 1, 2, 3, … within each series")
            }
            guard !valueText.isEmpty else {
                throw InputError(file: path, line: row.line,
                                 message: "series '\(name)' period \(period): column '\(valueColumn)' is empty",
                                 hint: "fill in the value, or remove the series' earlier periods so the rest are consecutive")
            }
            guard let value = Double(valueText), value.isFinite else {
                throw InputError(file: path, line: row.line,
                                 message: "column '\(valueColumn)' value '\(valueText)' is not a number", hint: nil)
            }
            if rows[name] == nil { order.append(name); rows[name] = [] }
            rows[name]!.append((period, value, row.line))
        }
        guard !order.isEmpty else {
            throw InputError(file: path, line: nil, message: "the file has a header but no data rows", hint: nil)
        }
        var values: [[Double]] = []
        for name in order {
            let sorted = rows[name]!.sorted { ($0.period, $0.line) < ($1.period, $1.line) }
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
            values.append(sorted.map(\.value))
        }
        self.names = order
        self.values = values
    }
}
