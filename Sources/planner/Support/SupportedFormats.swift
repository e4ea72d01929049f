import ArgumentParser
import Outturn

/// The output formats each command writes: the one place a command's subset of ``OutputFormat``
/// is named (the planner has one format enum; `--format` parses any of its values and the command
/// refuses the ones it cannot write, as a usage error).
enum SupportedFormats {
    /// forecast, variance, compare: every format.
    static let reports = OutputFormat.allCases
    /// evaluate.
    static let evaluate: [OutputFormat] = [.table, .json, .markdown, .html, .xlsx]
    /// fit, backtest, backtest-inyear.
    static let tableOrJSON: [OutputFormat] = [.table, .json]

    /// Throws a usage error unless `format` is one of `supported` (for `command`).
    static func check(_ format: OutputFormat, among supported: [OutputFormat], command: String) throws {
        guard !supported.contains(format) else { return }
        throw ValidationError("--format \(format.rawValue) is not available for \(command); use "
                              + Self.list(supported))
    }

    /// `table, json or markdown`.
    static func list(_ formats: [OutputFormat]) -> String {
        let names = formats.map(\.rawValue)
        return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
