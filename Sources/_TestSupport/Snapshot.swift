import Foundation
import Testing

/// Golden-file comparison for CLI output.
///
/// Snapshots live in a `Snapshots/` folder beside the test file that asks for them, one file per
/// name. Run the tests with `RECORD_SNAPSHOTS=1` to (re)write them: the run then FAILS on purpose,
/// so that a new baseline is never accepted silently; review the diff and run again without it.
public enum Snapshot {
    /// The folder of snapshots for the test file `file` (a `#filePath`).
    public static func directory(for file: String) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    /// Records an issue unless `text` equals the stored snapshot `named` exactly (byte for byte).
    public static func assertMatches(_ text: String, named name: String, file: String = #filePath,
                                     sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory(for: file).appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                Issue.record("Recorded snapshot \(name); run again without RECORD_SNAPSHOTS=1 to check it",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("Could not record snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            Issue.record("No snapshot \(name) at \(url.path); record it with RECORD_SNAPSHOTS=1",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != text {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
            let want = first < expectedLines.count ? String(expectedLines[first]) : "<end of snapshot>"
            let got = first < actualLines.count ? String(actualLines[first]) : "<end of output>"
            Issue.record("Output differs from snapshot \(name) at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)",
                         sourceLocation: sourceLocation)
        }
    }
}
