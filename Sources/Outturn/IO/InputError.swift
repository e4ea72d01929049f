/// A problem in a file the user gave us: names the file, the line (where known), the key or column,
/// what is wrong, and a way forward.
///
/// Printed as `FILE:LINE: message (hint)`, the form editors and terminals recognise.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    public let file: String
    /// One-based line number, or nil when the problem is with the file as a whole.
    public let line: Int?
    /// What is wrong, naming the key or column and quoting the offending text.
    public let message: String
    /// A way forward ("did you mean 'Airwave'?"), or nil.
    public let hint: String?

    /// An error naming `file` and its one-based `line` (nil: the file as a whole), what is wrong and a way forward.
    public init(file: String, line: Int?, message: String, hint: String?) {
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    /// `FILE:LINE: message` and the hint on a second line; text from the input is shown escaped
    /// (`DisplayText`) and a very long message is shortened, so what reaches the terminal is safe.
    public var description: String {
        let location = DisplayText.escaped(line.map { "\(file):\($0)" } ?? file)
        let hintText = hint.map { "\n  hint: " + DisplayText.escaped(DisplayText.shortened($0), keepingNewlines: true) } ?? ""
        return "\(location): \(DisplayText.escaped(DisplayText.shortened(message)))" + hintText
    }
}
