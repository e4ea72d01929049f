import Foundation
import Testing
import _TestSupport

/// The progress line through a real terminal (a pseudo-terminal, script(1)) and through pipes.
@Suite("Progress on standard error: a terminal sees it, pipes and --quiet do not", .serialized)
struct ProgressLineTests {
    /// Runs `planner arguments` in `folder` on a pseudo-terminal (script(1): standard output and
    /// error are the terminal) and returns every byte the terminal received; nil without script(1).
    static func inTerminal(_ arguments: [String], folder: URL) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return nil }
        let planner = PlannerProcess.executableURL(named: "planner").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", "'\(planner)' " + arguments.joined(separator: " "), "/dev/null"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["OUTTURN_PROGRESS_DELAY"] = "0"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test("in a terminal, with the report going to a file, the run ends with its progress summary")
    func terminalShowsProgress() throws {
        let folder = try PlannerRun.scratchFolder()
        guard let screen = try Self.inTerminal(["forecast", "--output", "f.csv"], folder: folder) else { return }
        // The bundled scenario has 5 lines, projected in one block: the line is drawn once, in
        // place (carriage return, erase line), then replaced by the summary.
        #expect(screen.hasPrefix("\r\u{1B}[Kforecast: 5 of 5 lines (100%), "), "\(screen.debugDescription)")
        #expect(screen.contains(" lines/s\r\u{1B}[Kforecast: 5 lines in "), "\(screen.debugDescription)")
        #expect(screen.hasSuffix(" s\r\n"), "\(screen.debugDescription)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("f.csv").path))
    }

    @Test("--quiet in a terminal shows nothing")
    func quietShowsNothing() throws {
        let folder = try PlannerRun.scratchFolder()
        guard let screen = try Self.inTerminal(["forecast", "--output", "f.csv", "--quiet"], folder: folder) else { return }
        #expect(screen.isEmpty, "\(screen.debugDescription)")
        // The report on the terminal itself: no progress line mixed into it.
        guard let shown = try Self.inTerminal(["forecast"], folder: folder) else { return }
        #expect(!shown.contains("\u{1B}[K"), "\(shown.debugDescription)")
        #expect(shown.hasPrefix("Forecast 2022/23"))
    }

    @Test("standard error that is not a terminal gets no progress, even when the run is long enough")
    func pipesStaySilent() throws {
        let folder = try PlannerRun.scratchFolder()
        var environment = ProcessInfo.processInfo.environment
        environment["OUTTURN_PROGRESS_DELAY"] = "0"
        let run = try PlannerProcess.run(["forecast", "--output", "f.csv"], workingDirectory: folder, environment: environment)
        #expect(run.exitCode == 0)
        #expect(run.standardError.isEmpty)
    }
}
