import ArgumentParser

/// A file name on the command line that names no file (`--output ''`, `planner forecast ''`): a
/// usage error (exit 64) before anything is read or written, instead of a file error whose file
/// name is blank (`: cannot read ''`).
enum FileNameArgument {
    /// Throws a usage error when `path` is the empty string.
    /// - Parameters:
    ///   - name: the argument as the usage line shows it: `--output`, `<scenario>`.
    ///   - instead: what to give instead, e.g. `give a file name, or leave --output out to write to standard output`.
    static func check(_ path: String?, _ name: String, instead: String) throws {
        guard path?.isEmpty == true else { return }
        throw ValidationError("\(name) '' names no file; \(instead)")
    }

    /// `check` for `--output`, whose absence means standard output.
    static func checkOutput(_ path: String?) throws {
        try check(path, "--output", instead: "give a file name, or leave --output out to write to standard output")
    }
}
