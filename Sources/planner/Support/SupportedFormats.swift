import ArgumentParser
import Outturn

/// A set of the formats some command writes: the one place a command's subset of ``OutputFormat``
/// is named. `forecast`, `variance`, `compare` and `monitor` write every format (their `--format`
/// is an ``OutputFormat``); the others take a ``FormatOption`` over one of these sets, so that
/// their `--help` lists only what they write.
protocol FormatSet: Sendable {
    /// The formats, in the order `--help` lists them.
    static var formats: [OutputFormat] { get }
    /// What to do instead when a format outside the set is asked for (a clause after "; ").
    static var hint: String { get }
}

enum SupportedFormats {
    /// fit, backtest, backtest-inyear: their reports are one small table, for the terminal or a program.
    enum TableOrJSON: FormatSet {
        static let formats: [OutputFormat] = [.table, .json]
        static let hint = "use --format json for a file another program reads, or leave --format out for the table"
    }

    /// evaluate: no CSV, since its report is several tables; its line-years are the `--rows` CSV.
    enum Evaluate: FormatSet {
        static let formats: [OutputFormat] = [.table, .json, .markdown, .html, .xlsx]
        static let hint = "use --format xlsx for a spreadsheet, or --rows FILE.csv for every scored line-year as CSV"
    }

    /// `table, json or markdown`.
    static func list(_ formats: [OutputFormat]) -> String { list(formats.map(\.rawValue)) }

    /// `a, b or c`.
    static func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
