import ArgumentParser
import Foundation

/// `planner`: projects next year's budget needs, analyses variance and flags overspend risk.
@main
struct Planner: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planner",
        abstract: "Budget forecasting, variance and overspend risk for finance teams.",
        version: "0.1.0",
        subcommands: [ForecastCommand.self, VarianceCommand.self, CheckCommand.self, InitCommand.self,
                      FitCommand.self, BacktestCommand.self, CompareCommand.self, EvaluateCommand.self,
                      InYearBacktestCommand.self, MonitorCommand.self],
        defaultSubcommand: ForecastCommand.self
    )

    static func main() {
        // A closed pipe is reported by write(2) as EPIPE (a quiet stop, see reportingErrors)
        // instead of killing the process before it can tidy up.
        signal(SIGPIPE, SIG_IGN)
        if let message = MistypedCommand.message(for: Array(CommandLine.arguments.dropFirst())) {
            printError(message)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(nil)
    }
}
