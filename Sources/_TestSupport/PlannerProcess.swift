import Foundation

/// Runs the built `planner` executable and captures what it printed, for golden-file tests.
public enum PlannerProcess {
    /// What one run of `planner` produced.
    public struct Result: Sendable {
        /// The process's exit status.
        public let exitCode: Int32
        /// Everything written to standard output, as UTF-8.
        public let standardOutput: String
        /// Everything written to standard error, as UTF-8.
        public let standardError: String
    }

    /// The `planner` binary beside the test bundle (SwiftPM puts products and tests in one folder).
    public static var executableURL: URL { executableURL(named: "planner") }

    /// The built executable `name` (`planner`, `outturn-calibrate`) beside the test bundle.
    public static func executableURL(named name: String) -> URL {
        var directory = Bundle.main.bundleURL
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directory = bundle.bundleURL.deletingLastPathComponent()
        }
        let beside = directory.appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        // Fallback: the test runner executable's own folder.
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return runner.appendingPathComponent(name)
    }

    /// Runs `executable` (default `planner`) with `arguments` in `workingDirectory` (default: the repository root) and
    /// `environment` (default: this process's), with an empty standard input, and waits for it to finish.
    public static func run(_ arguments: [String], workingDirectory: URL? = nil,
                           environment: [String: String]? = nil, executable: String = "planner") throws -> Result {
        let process = Process()
        process.executableURL = executableURL(named: executable)
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory ?? Datasets.repositoryRoot
        // Reports record their run date (docs/planner.md, *Audit trail*): fixed, so that goldens repeat.
        var environment = environment ?? ProcessInfo.processInfo.environment
        if environment["OUTTURN_RUN_DATE"] == nil { environment["OUTTURN_RUN_DATE"] = "2026-11-30" }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting so a large output cannot deadlock the child.
        let outData = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData.set(out.fileHandleForReading.readDataToEndOfFile()); group.leave() }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(exitCode: process.terminationStatus,
                      standardOutput: String(decoding: outData.get(), as: UTF8.self),
                      standardError: String(decoding: errData, as: UTF8.self))
    }
}

/// Bytes handed from the reading thread to the waiting one, under a lock.
private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
