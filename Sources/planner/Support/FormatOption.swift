import ArgumentParser
import Outturn

/// The `--format` value of a command that writes only some formats (`Formats.formats`): its
/// `--help` and shell completion list only those. Any word parses, so that the command's
/// `validate()` refuses a format it does not write with a usage error (exit 64) naming the
/// command, the formats it writes and a hint; ArgumentParser's own message would name neither
/// the command nor what to do instead.
struct FormatOption<Formats: FormatSet>: ExpressibleByArgument, Sendable, Equatable {
    /// The word after `--format`, as written.
    let written: String

    /// `format`, as a default.
    init(_ format: OutputFormat) { written = format.rawValue }

    init?(argument: String) { written = argument }

    static var allValueStrings: [String] { Formats.formats.map(\.rawValue) }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    var defaultValueDescription: String { written }

    /// The format asked for, when `command` writes it.
    /// - Throws: a usage error naming `--format`, the value, `command`, the formats it writes and a hint.
    func format(for command: String) throws -> OutputFormat {
        if let format = OutputFormat(rawValue: written), Formats.formats.contains(format) { return format }
        let shown = DisplayText.escaped(DisplayText.shortened(written, limit: 80))
        let writes = "planner \(command) writes \(SupportedFormats.list(Formats.formats))"
        if OutputFormat(rawValue: written) != nil {
            throw ValidationError("--format \(shown): \(writes), not \(shown); \(Formats.hint)")
        }
        let guess = ClosestName.match(written, among: Self.allValueStrings).map { " (did you mean '\($0)'?)" } ?? ""
        throw ValidationError("--format '\(shown)' is not a format\(guess); \(writes)")
    }

    /// The format a command that writes `Formats` reports in: `format` when given, else the one the
    /// `output` file's extension names, else the table.
    /// - Throws: a usage error for a `--format` the command does not write, or (without `--format`)
    ///   an `--output` extension that names one (`scores.csv`), with the extensions it takes.
    static func resolved(_ format: FormatOption?, output: String?, command: String) throws -> OutputFormat {
        if let format { return try format.format(for: command) }
        guard let output, let named = OutputFormat(fileName: output) else { return .table }
        guard Formats.formats.contains(named) else {
            let file = DisplayText.escaped(DisplayText.shortened(output, limit: 200))
            let extensions = Formats.formats.map { "." + $0.fileExtension }
            throw ValidationError("--output \(file): its extension asks for \(named.rawValue), but planner \(command) writes "
                                  + "\(SupportedFormats.list(Formats.formats)); name the file \(SupportedFormats.list(extensions)), "
                                  + "or give --format; \(Formats.hint)")
        }
        return named
    }
}
