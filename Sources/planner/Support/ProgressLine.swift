import Foundation
import Outturn
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress report on standard error for a long run: `forecast: 40,960 of 1,000,000
/// lines (4%), 27,300 lines/s, about 35 s left`, redrawn in place at most four times a second and
/// ended by a summary line (`forecast: 1,000,000 lines in 36.6 s`).
///
/// Shown only when standard error is a terminal, the report is not going to that terminal
/// (`--output FILE`, or standard output redirected), `--quiet` is not given, and the run has lasted
/// more than a second (`OUTTURN_PROGRESS_DELAY`, in seconds, changes that second; tests set 0).
/// Everything else sees no progress at all, so logs and pipes stay clean.
final class ProgressLine {
    private let label: String
    private let total: Int
    private let unit: String
    private let enabled: Bool
    private let delay: Double
    private let start: Double
    private var done = 0
    private var lastDraw = -Double.infinity
    private var drawn = false

    /// A progress line for `total` `unit` of `label` (the command's name), timed from `start`
    /// (``monotonicSeconds()``); `enabled` false draws nothing.
    init(label: String, total: Int, unit: String = "lines", enabled: Bool, start: Double,
         delay: Double = ProgressLine.delayFromEnvironment()) {
        self.label = label
        self.total = total
        self.unit = unit
        self.enabled = enabled
        self.start = start
        self.delay = delay
    }

    /// Whether a command writing its report with `output` shows progress: standard error a terminal,
    /// the report not on that terminal, no `--quiet`.
    static func wanted(_ output: OutputOptions) -> Bool {
        wanted(quiet: output.quiet, reportToFile: output.output != nil)
    }

    /// Whether a command shows progress: standard error a terminal, the report not on that terminal
    /// (`reportToFile`, or standard output redirected), not `quiet`.
    static func wanted(quiet: Bool, reportToFile: Bool) -> Bool {
        !quiet && isatty(STDERR_FILENO) != 0 && (reportToFile || isatty(STDOUT_FILENO) == 0)
    }

    /// Seconds on a monotonic clock.
    static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// `OUTTURN_PROGRESS_DELAY` (seconds, ≥ 0), else 1.
    static func delayFromEnvironment() -> Double {
        guard let text = ProcessInfo.processInfo.environment["OUTTURN_PROGRESS_DELAY"], let value = Double(text),
              value.isFinite, value >= 0 else { return 1 }
        return value
    }

    /// Counts `count` more done and redraws the line when due.
    func advance(by count: Int) {
        done += count
        guard enabled else { return }
        let now = ProgressLine.monotonicSeconds(), elapsed = now - start
        guard elapsed >= delay, now - lastDraw >= 0.25 || done >= total else { return }
        lastDraw = now
        drawn = true
        ProgressLine.write("\r\u{1B}[K" + ProgressText.line(label: label, done: done, total: total, unit: unit, elapsed: elapsed))
    }

    /// Ends the line with a summary, if any progress was shown.
    func finish() {
        guard enabled, drawn else { return }
        let elapsed = ProgressLine.monotonicSeconds() - start
        ProgressLine.write("\r\u{1B}[K\(label): \(ProgressText.grouped(done)) \(unit) in \(ProgressText.seconds(elapsed))\n")
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
