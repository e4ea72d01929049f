import Foundation
import Testing
import _TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Issue 9's progress line on every long command (monitor, compare, evaluate, backtest, backtest-inyear), seen
/// through a real terminal: tmux runs the planner in a pane and the test reads the screen. Inputs
/// are generated here, large enough that the line is redrawn many times before its summary.
@Suite("Progress on standard error for monitor, compare, evaluate, backtest and backtest-inyear", .serialized)
struct ProgressEveryCommandTests {
    /// tmux, if installed.
    static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A deterministic pseudo-random stream (an LCG), so that the inputs are the same on every run.
    struct Stream {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    /// A folder with a ledger of `lines` lines over 2017/18–2021/22, their 2022/23 budgets, six months
    /// of 2022/23 actuals, a scenario naming them, and long CSVs of yearly (`series.csv`, 12 periods)
    /// and monthly (`monthly.csv`, 36 periods) series.
    static func generatedInputs(lines: Int) throws -> URL {
        let folder = try PlannerRun.scratchFolder()
        var random = Stream(state: 20221)
        var ledger = "line,year,budget,actual\n", budgets = "line,budget\n", actuals = "line,month,actual\n"
        var series = "series,period,value\n", monthly = "series,period,value\n"
        for k in 0..<lines {
            let name = "CC-\(k) Facilities"
            var budget = 20_000 + 80_000 * random.next()
            for year in 2017...2021 {
                let actual = budget * (0.85 + 0.3 * random.next())
                ledger += "\(name),\(year)/\(String(year + 1).suffix(2)),\(Int(budget)),\(Int(actual))\n"
                budget *= 1.03
            }
            budgets += "\(name),\(Int(budget))\n"
            for month in 4...9 { actuals += "\(name),2022-\(month < 10 ? "0" : "")\(month),\(Int(budget / 12 * (0.8 + 0.4 * random.next())))\n" }
            for period in 1...12 { series += "s\(k),\(period),\(100 + Double(period) + 10 * random.next())\n" }
            for period in 1...36 { monthly += "m\(k),\(period),\(50 + 10 * random.next())\n" }
        }
        let scenario = """
        ledger: ledger.csv
        target_year: 2022/23
        budgets: budgets.csv
        actuals_to_date: actuals.csv

        """
        for (file, text) in [("ledger.csv", ledger), ("budgets.csv", budgets), ("actuals.csv", actuals),
                             ("scenario.yaml", scenario), ("series.csv", series), ("monthly.csv", monthly)] {
            try Data(text.utf8).write(to: folder.appendingPathComponent(file))
        }
        return folder
    }

    /// Runs `planner arguments` (then `suffix`, e.g. a redirection) in a tmux pane in `folder` with
    /// the progress delay at 0, waits for it to end, and returns the pane's non-empty lines and the exit
    /// status. Nil without tmux.
    static func inTerminal(_ arguments: [String], suffix: String = "", folder: URL) throws -> (screen: [String], status: String)? {
        guard let tmux else { return nil }
        let planner = PlannerProcess.executableURL(named: "planner").path
        let script = "OUTTURN_PROGRESS_DELAY=0 '\(planner)' " + arguments.map { "'\($0)'" }.joined(separator: " ")
            + " \(suffix)\necho \"EXIT=$?\"\nread reply\n"
        try Data(script.utf8).write(to: folder.appendingPathComponent("run.sh"))
        // A server of its own (-L), so that nothing else's tmux is touched; ended below.
        let socket = "outturn-test-\(UUID().uuidString)"
        // Only capture-pane's output is read. Every tmux runs through bash closing the descriptors above 2
        // first: the server that new-session forks would otherwise keep Foundation's child-exit socket (and
        // any pipe) open, and waiting for the client would never end.
        func tmuxRun(_ arguments: [String], reading: Bool = false) throws -> String {
            let process = Process(), out = Pipe()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null; exec "$0" "$@""#,
                                 tmux, "-L", socket] + arguments
            process.currentDirectoryURL = folder
            process.standardOutput = reading ? out : FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = reading ? out.fileHandleForReading.readDataToEndOfFile() : Data()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        _ = try tmuxRun(["new-session", "-d", "-x", "200", "-y", "40", "-c", folder.path, "sh run.sh"])
        // The server and the pane's shell inherit this process's blocked signals (SIGTERM, SIGHUP), so
        // kill-server cannot end them: they are ended by SIGKILL, which cannot be blocked.
        let started = try tmuxRun(["display-message", "-p", "#{pane_pid} #{pid} #{socket_path}"], reading: true)
            .split(whereSeparator: \.isWhitespace)
        let pids = started.prefix(2).compactMap { pid_t($0) }
        defer {
            for pid in pids where pid > 1 { kill(pid, SIGKILL) }
            if let socketPath = started.last, started.count == 3 { try? FileManager.default.removeItem(atPath: String(socketPath)) }
        }
        try #require(pids.count == 2, "tmux did not start")
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            let screen = try tmuxRun(["capture-pane", "-p"], reading: true).split(separator: "\n").map {
                String($0).trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            if let status = screen.last(where: { $0.hasPrefix("EXIT=") }) {
                return (screen.filter { !$0.hasPrefix("EXIT=") }, status)
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
        Issue.record("planner \(arguments) did not finish in 300 s")
        return nil
    }

    /// Each command, its arguments on the generated inputs, and its summary's start (`monitor: 400 lines in `).
    static let commands: [(arguments: [String], summary: String)] = [
        (["monitor", "scenario.yaml", "--output", "m.csv"], "monitor: 400 lines in "),
        (["compare", "scenario.yaml", "scenario.yaml", "--output", "c.csv"], "compare: 800 lines in "),
        (["evaluate", "ledger.csv", "--output", "e.json"], "evaluate: 4 target years in "),
        (["backtest", "series.csv", "--horizon", "2", "--method", "naive,drift"], "backtest: 800 series scored in "),
        (["backtest-inyear", "monthly.csv"], "backtest-inyear: 800 series-years in "),
    ]

    @Test("in a terminal each long command ends with its progress summary, redrawn in place (one line left on the screen)")
    func terminalShowsProgress() throws {
        guard Self.tmux != nil else { return }
        let folder = try Self.generatedInputs(lines: 400)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (arguments, summary) in Self.commands {
            // backtest and backtest-inyear print their report on standard output: redirected, as
            // progress is never mixed into a report on the terminal.
            let redirect = arguments[0].hasPrefix("backtest") ? "> report.txt" : ""
            guard let (screen, status) = try Self.inTerminal(arguments, suffix: redirect, folder: folder) else { return }
            #expect(status == "EXIT=0", "\(arguments[0]): \(screen)")
            #expect(screen.count == 1, "\(arguments[0]): \(screen)")
            let line = screen.first ?? ""
            #expect(line.hasPrefix(summary) && line.hasSuffix(" s"), "\(arguments[0]): \(line.debugDescription)")
        }
    }

    @Test("--quiet in a terminal shows nothing, and a report on the terminal gets no progress mixed in")
    func quietAndReportOnTerminal() throws {
        guard Self.tmux != nil else { return }
        let folder = try Self.generatedInputs(lines: 50)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (arguments, _) in Self.commands {
            let redirect = arguments[0].hasPrefix("backtest") ? "> report.txt" : ""
            guard let (screen, status) = try Self.inTerminal(arguments + ["--quiet"], suffix: redirect, folder: folder) else { return }
            #expect(status == "EXIT=0" && screen.isEmpty, "\(arguments[0]) --quiet: \(screen)")
        }
        // backtest's table on the terminal: the report only (its first line is the header), no progress line.
        guard let (screen, _) = try Self.inTerminal(["backtest", "series.csv", "--horizon", "2", "--method", "naive"], folder: folder) else { return }
        #expect(!screen.contains { $0.hasPrefix("backtest: ") }, "\(screen)")
    }

    @Test("standard error that is not a terminal gets nothing from any of them, even with the delay at 0")
    func pipesStaySilent() throws {
        let folder = try Self.generatedInputs(lines: 50)
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = ProcessInfo.processInfo.environment
        environment["OUTTURN_PROGRESS_DELAY"] = "0"
        for (arguments, _) in Self.commands {
            let run = try PlannerProcess.run(arguments, workingDirectory: folder, environment: environment)
            #expect(run.exitCode == 0, "\(arguments[0]): \(run.standardError)")
            #expect(run.standardError.isEmpty, "\(arguments[0]): \(run.standardError.debugDescription)")
        }
    }
}
