import Foundation

/// The outside programs that open reports as a person would: openpyxl (in a Python venv) and
/// headless Chromium. `scripts/install-report-test-tools.sh` installs both (CI runs it); tests that
/// need them are skipped on a machine without them, except under CI, where a missing tool fails.
public enum ExternalTools {
    /// True under CI (`CI` set), where the tools must be present.
    public static let required = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false

    /// A Python with openpyxl: `$OUTTURN_TEST_PYTHON`, else the venv `.venv-reports/` in the repository.
    public static let python: URL? = {
        let candidates = [ProcessInfo.processInfo.environment["OUTTURN_TEST_PYTHON"].map { URL(fileURLWithPath: $0) },
                          Datasets.repositoryRoot.appendingPathComponent(".venv-reports/bin/python3")].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Chromium: `$OUTTURN_TEST_CHROMIUM`, else Debian's `/usr/bin/chromium`.
    public static let chromium: URL? = {
        let candidates = [ProcessInfo.processInfo.environment["OUTTURN_TEST_CHROMIUM"], "/usr/bin/chromium",
                          "/usr/bin/chromium-browser"].compactMap { $0 }.map { URL(fileURLWithPath: $0) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Chromium's switches for a headless run with no network and no background services, its
    /// profile in `folder`.
    public static func chromiumSwitches(profileIn folder: URL) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + folder.appendingPathComponent("profile").path]
    }

    public static let installHint = "run scripts/install-report-test-tools.sh (installs chromium and a venv with openpyxl)"

    public struct Output {
        public let status: Int32
        public let standardOutput: Data
        public let standardError: String
    }

    /// Runs `executable` with `arguments`, collecting both streams, with a time limit (then it is killed).
    public static func run(_ executable: URL, _ arguments: [String], timeout: TimeInterval = 120) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outturn-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Files, not pipes: a chatty child can never block on a full pipe.
        let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err")
        guard FileManager.default.createFile(atPath: out.path, contents: nil),
              FileManager.default.createFile(atPath: err.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Output(status: process.terminationStatus, standardOutput: try Data(contentsOf: out),
                      standardError: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// A fresh temporary folder for one test's files.
    public static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outturn-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
