/// A problem with where a report goes, not with the data: the output would replace an input or
/// something that is not a regular file, cannot be written (no such folder, no permission, a full
/// disk), or the report does not fit the format (a workbook past Excel's limits). Names the output
/// as the user gave it (the `--output` path, or `standard output`), what is wrong and a way forward.
///
/// Printed as `FILE: message` and the hint on a second line, like an ``InputError`` without a line
/// number; the planner reports both the same way (exit code 1).
public struct OutputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The output as the user named it: the `--output` path, or `standard output`.
    public let file: String
    /// What is wrong ("refusing to overwrite the input file 'ledger.csv'", "cannot write the output: …").
    public let message: String
    /// A way forward ("choose a different --output file"), or nil.
    public let hint: String?

    /// An error naming the output `file`, what is wrong and a way forward.
    public init(file: String, message: String, hint: String?) {
        self.file = file
        self.message = message
        self.hint = hint
    }

    /// `FILE: message` and the hint on a second line, escaped and shortened as ``InputError``'s
    /// (the path comes from the user, so what reaches the terminal is made safe).
    public var description: String {
        let hintText = hint.map { "\n  hint: " + DisplayText.escaped(DisplayText.shortened($0), keepingNewlines: true) } ?? ""
        return "\(DisplayText.escaped(file)): \(DisplayText.escaped(DisplayText.shortened(message)))" + hintText
    }
}
