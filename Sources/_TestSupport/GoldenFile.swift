import Foundation

/// Golden-file comparison for command output: `Tests/PlannerTests/Snapshots/<name>`, the tests'
/// one snapshot helper. Files that pin the forecast's Monte Carlo total hold byte for byte on the
/// platform named in Tests/PlannerTests/Snapshots/README.md (elsewhere, within Monte Carlo error).
///
/// With the environment variable `RECORD_SNAPSHOTS=1` the file is (re)written from `text`, and the
/// check still fails, so that a new baseline is never accepted silently: rerun without it to pass.
public enum GoldenFile {
    /// The folder holding golden files.
    public static let folder = Datasets.repositoryRoot
        .appendingPathComponent("Tests/PlannerTests/Snapshots")

    /// nil when `text` equals the golden file `name`; otherwise a message saying what differs
    /// (first differing line) or that the file was recorded. Use as `#expect(GoldenFile.check(…) == nil)`.
    public static func check(_ text: String, named name: String) -> String? {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            do { try Data(text.utf8).write(to: url, options: .atomic) } catch { return "could not record \(name): \(error)" }
            return "recorded \(name); run again without RECORD_SNAPSHOTS to check it"
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "no golden file \(name); record it with RECORD_SNAPSHOTS=1"
        }
        if expected == text { return nil }
        let got = text.components(separatedBy: "\n"), want = expected.components(separatedBy: "\n")
        for index in 0..<max(got.count, want.count) {
            let g = index < got.count ? got[index] : "<end>", w = index < want.count ? want[index] : "<end>"
            if g != w { return "\(name) differs at line \(index + 1):\n  expected: \(w)\n  actual:   \(g)" }
        }
        return "\(name) differs"
    }
}
