import Foundation

/// A `series,period,value` file, grouped by series in file order (benchmark-only reader:
/// the inputs here are the repository's competition files and the generator's output).
struct SeriesFile {
    var names: [String] = []
    var values: [[Double]] = []

    init(path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            FileHandle.standardError.write(Data("outturn-timings: cannot read \(path)\n".utf8))
            exit(1)
        }
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 3, let value = Double(fields[2]) else { continue }
            if names.last.map({ $0 == fields[0] }) == true {
                values[values.count - 1].append(value)
            } else {
                names.append(String(fields[0]))
                values.append([value])
            }
        }
    }
}
