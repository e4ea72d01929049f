import Foundation

/// Writes a finished report to a file all at once, never over one of the inputs.
public enum OutputFile {
    /// Writes `text` to `path` atomically (a temporary file in the same folder, then a rename), so a
    /// reader never sees half a report and a failed run leaves no file behind.
    /// - Parameter inputs: paths that must not be overwritten (compared after resolving `..`,
    ///   symbolic links and the working directory).
    /// - Throws: ``InputError`` if `path` is one of `inputs` or cannot be written.
    public static func write(_ text: String, to path: String, refusingToOverwrite inputs: [String]) throws {
        let target = resolved(path)
        if let input = inputs.first(where: { resolved($0) == target }) {
            throw InputError(file: path, line: nil, message: "refusing to overwrite the input file '\(input)'",
                             hint: "choose a different --output file")
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw InputError(file: path, line: nil, message: "cannot write the output file",
                             hint: "check that the folder exists and is writable")
        }
    }

    /// Opens `path` for a report written piece by piece: the text goes to a temporary file in the
    /// same folder, renamed over `path` by ``AtomicOutputFile/commit()`` (so a failed run leaves no file).
    /// - Throws: ``InputError`` if `path` is one of `inputs` or its folder cannot be written.
    public static func open(_ path: String, refusingToOverwrite inputs: [String]) throws -> AtomicOutputFile {
        let target = resolved(path)
        if let input = inputs.first(where: { resolved($0) == target }) {
            throw InputError(file: path, line: nil, message: "refusing to overwrite the input file '\(input)'",
                             hint: "choose a different --output file")
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(URL(fileURLWithPath: target).lastPathComponent).\(UUID().uuidString).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: temporary) else {
            throw InputError(file: path, line: nil, message: "cannot write the output file",
                             hint: "check that the folder exists and is writable")
        }
        return AtomicOutputFile(path: path, target: target, temporary: temporary.path, handle: handle)
    }

    /// The absolute, symlink-free form of `path` (the folder is resolved even if the file does not exist).
    static func resolved(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath()
        let file = folder.appendingPathComponent(url.lastPathComponent)
        return file.resolvingSymlinksInPath().path
    }
}
