import Foundation

/// `--name value` pairs from the command line.
struct Options {
    private var values: [String: String] = [:]

    init(_ arguments: ArraySlice<String>) {
        var iterator = arguments.makeIterator()
        while let name = iterator.next() {
            guard name.hasPrefix("--"), let value = iterator.next() else {
                FileHandle.standardError.write(Data("outturn-timings: expected --name value, got '\(name)'\n".utf8))
                exit(64)
            }
            values[String(name.dropFirst(2))] = value
        }
    }

    func integer(_ name: String, default fallback: Int? = nil) -> Int {
        if let text = values[name], let value = Int(text.replacingOccurrences(of: "_", with: "")) { return value }
        if let fallback { return fallback }
        FileHandle.standardError.write(Data("outturn-timings: --\(name) <integer> is required\n".utf8))
        exit(64)
    }

    func optionalString(_ name: String) -> String? { values[name] }

    func string(_ name: String) -> String {
        if let value = values[name] { return value }
        FileHandle.standardError.write(Data("outturn-timings: --\(name) <value> is required\n".utf8))
        exit(64)
    }
}
