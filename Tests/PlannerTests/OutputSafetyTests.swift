import Foundation
import Testing
import _TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Writing reports: every write checked, nothing but the named output ever changed (issue 12).
@Suite("planner output safety")
struct OutputSafetyTests {
    /// Runs `planner arguments` with standard output going to `output` (standard error captured),
    /// in `directory`, with `environment` added to the test's own.
    static func run(_ arguments: [String], standardOutput output: FileHandle, in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> (exitCode: Int32, standardError: String) {
        let process = Process()
        process.executableURL = PlannerProcess.executableURL
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? Datasets.repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let err = Pipe()
        process.standardOutput = output
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errData, as: UTF8.self))
    }

    static let tinySeries = "series,period,value\nA,1,10\nA,2,12\nA,3,11\nA,4,13\nA,5,14\nB,1,100\nB,2,90\nB,3,80\nB,4,90\n"

    /// A folder with a long-series CSV, for `backtest`.
    static func seriesFolder() throws -> URL {
        let folder = try PlannerRun.scratchFolder()
        try Data(tinySeries.utf8).write(to: folder.appendingPathComponent("series.csv"))
        return folder
    }

    @Test("standard output on a full disk (/dev/full) is an error naming standard output, exit 1, for every command",
          arguments: [["variance"], ["forecast"], ["forecast", "--format", "json"],
                      ["check", "datasets/gwent-ict/scenario-2022-23.yaml"], ["init", "datasets/gwent-ict/ledger.csv"],
                      ["fit", "datasets/nist/norris.csv", "--y", "y", "--x", "x"],
                      ["fit", "datasets/nist/norris.csv", "--y", "y", "--x", "x", "--format", "json"]])
    func fullDiskIsAnError(arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try Self.run(arguments, standardOutput: full)
        #expect(result.exitCode == 1)
        #expect(result.standardError.hasPrefix("standard output: cannot write the output: No space left on device"),
                "\(result.standardError)")
    }

    @Test("backtest with standard output on a full disk is an error, not exit 0 with the output lost")
    func backtestFullDisk() throws {
        let folder = try Self.seriesFolder()
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        for format in ["table", "json"] {
            let result = try Self.run(["backtest", "series.csv", "--horizon", "2", "--method", "naive", "--format", format],
                                      standardOutput: full, in: folder)
            #expect(result.exitCode == 1)
            #expect(result.standardError.contains("No space left on device"), "\(result.standardError)")
        }
    }

    @Test("evaluate with standard output on a full disk is an error naming standard output, exit 1, in every format it writes")
    func evaluateFullDisk() throws {
        let folder = try EvaluateCommandTests.folder()
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        for format in ["table", "json", "markdown", "html", "xlsx"] {
            let result = try Self.run(["evaluate", "history.csv", "--format", format], standardOutput: full, in: folder)
            #expect(result.exitCode == 1, "\(format)")
            #expect(result.standardError.hasPrefix("standard output: cannot write the output: No space left on device"),
                    "\(format): \(result.standardError)")
        }
    }

    @Test("a reader that has gone away (EPIPE) stops the planner quietly: exit 0, nothing on standard error")
    func closedPipeIsQuiet() throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let result = try Self.run(["forecast"], standardOutput: pipe.fileHandleForWriting)
        #expect(result.exitCode == 0)
        #expect(result.standardError.isEmpty, "\(result.standardError)")
    }

    @Test("--output refuses to replace a FIFO, a folder or a device node, and leaves it as it was")
    func refusesSpecialFiles() throws {
        let folder = try PlannerRun.scratchFolder()
        #expect(mkfifo(folder.appendingPathComponent("fifo").path, 0o644) == 0)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dir"), withIntermediateDirectories: false)
        var names = ["fifo", "dir"]
        // A character device like /dev/null (1, 3), made in the scratch folder; needs root.
        if geteuid() == 0, mknod(folder.appendingPathComponent("null").path, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 {
            names.append("null")
        }
        for name in names {
            let path = folder.appendingPathComponent(name).path
            var before = stat()
            _ = lstat(path, &before)
            let result = try PlannerRun(["variance", "--output", name], in: folder).result
            #expect(result.exitCode == 1)
            #expect(result.standardError.hasPrefix("\(name): refusing to replace "), "\(result.standardError)")
            var after = stat()
            _ = lstat(path, &after)
            #expect(after.st_mode == before.st_mode && after.st_ino == before.st_ino, "\(name) was replaced")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".partial") }
        #expect(leftovers.isEmpty)
    }

    @Test("a replaced output keeps its mode (0600 stays 0600, 0640 stays 0640); a new one gets 0666 less the umask")
    func replacedFileKeepsMode() throws {
        let folder = try PlannerRun.scratchFolder()
        for mode in [0o600, 0o640] as [mode_t] {
            let path = folder.appendingPathComponent("report-\(mode).txt").path
            try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
            #expect(chmod(path, mode) == 0)
            let result = try PlannerRun(["variance", "--output", path], in: folder).result
            #expect(result.exitCode == 0, "\(result.standardError)")
            var info = stat()
            #expect(stat(path, &info) == 0)
            #expect(info.st_mode & 0o7777 == mode)
            #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("Variance 2021/22"))
        }
        let mask = umask(0o022)
        umask(mask)
        let fresh = folder.appendingPathComponent("fresh.csv").path
        #expect(try PlannerRun(["forecast", "--format", "csv", "--output", fresh], in: folder).result.exitCode == 0)
        var info = stat()
        #expect(stat(fresh, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o666 & ~mask)
    }

    /// A ledger of `lines` lines with one year each, and a scenario holding them at their budgets.
    static func largeScenario(lines: Int) throws -> URL {
        let folder = try PlannerRun.scratchFolder()
        var ledger = "line,year,budget,actual\n"
        for index in 0..<lines { ledger += "Cost centre \(index),2021/22,\(1000 + index % 977),\(900 + index % 1013)\n" }
        try Data(ledger.utf8).write(to: folder.appendingPathComponent("ledger.csv"))
        try Data("ledger: ledger.csv\ntarget_year: 2022/23\nunlisted_lines: hold_latest_budget\n".utf8)
            .write(to: folder.appendingPathComponent("scenario.yaml"))
        return folder
    }

    @Test("SIGTERM or SIGINT during a large run leaves no .partial beside the output and no spool in TMPDIR",
          arguments: [SIGTERM, SIGINT])
    func interruptLeavesNothing(signal: Int32) throws {
        let folder = try Self.largeScenario(lines: 100_000)
        let spoolFolder = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: spoolFolder, withIntermediateDirectories: false)
        // posix_spawn with SIGINT and SIGTERM at their default actions: a test runner may ignore
        // them, and an ignored signal is (rightly) kept ignored by the planner.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [PlannerProcess.executableURL.path, "forecast", folder.path + "/scenario.yaml",
                         "--output", folder.path + "/out.txt"]
        let environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": spoolFolder.path + "/"]) { $1 }
            .map { "\($0.key)=\($0.value)" }
        var argv = arguments.map { strdup($0) } + [nil]
        var envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        #expect(posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, &envp) == 0)
        // Wait until the output is being written (the .partial exists), then interrupt.
        var sawPartial = false
        var status: Int32 = 0
        var finished = false
        for _ in 0..<1200 {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            if names.contains(where: { $0.hasSuffix(".partial") }) { sawPartial = true; break }
            if waitpid(pid, &status, WNOHANG) == pid { finished = true; break }
            usleep(50_000)
        }
        if !finished {
            kill(pid, signal)
            _ = waitpid(pid, &status, 0)
        }
        #expect(sawPartial)
        // Killed by the signal itself (the handler re-raises it after removing the file).
        #expect(!finished && status & 0x7f == signal, "the run ended with status \(status) before it was interrupted")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["ledger.csv", "scenario.yaml", "tmp"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: spoolFolder.path).isEmpty)
    }
}
