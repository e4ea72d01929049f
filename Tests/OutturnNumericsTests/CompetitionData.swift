import Foundation
import _TestSupport

/// Long CSV files (`series,period,value`, periods consecutive and sorted) from `datasets/`, read
/// without the domain's CSV reader so numeric tests stay independent of it.
enum CompetitionData {
    /// Series values by name, in order of first appearance.
    static func series(_ relativePath: String) throws -> [(name: String, values: [Double])] {
        var order: [String] = []
        var values: [String: [Double]] = [:]
        for line in try Datasets.text(relativePath).split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let name = String(fields[0]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if values[name] == nil { order.append(name); values[name] = [] }
            values[name]!.append(Double(fields[2])!)
        }
        return order.map { ($0, values[$0]!) }
    }

    /// Rows of a quoted CSV with a header, as dictionaries of column name → text ("NA" kept).
    static func records(_ relativePath: String) throws -> [[String: String]] {
        let lines = try Datasets.text(relativePath).split(whereSeparator: \.isNewline)
        let header = fields(of: lines[0])
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, fields(of: line)))
        }
    }

    /// Fields of one line; quoted fields may contain commas (no doubled quotes in these files).
    private static func fields(of line: Substring) -> [String] {
        var result: [String] = [], field = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() }
            else if character == "," && !quoted { result.append(field); field = "" }
            else { field.append(character) }
        }
        result.append(field)
        return result
    }
}
