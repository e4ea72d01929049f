import ArgumentParser

/// `planner`: projects next year's budget needs, analyses variance and flags overspend risk.
@main
struct Planner: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planner",
        abstract: "Budget forecasting, variance and overspend risk for finance teams.",
        version: "0.1.0",
        subcommands: [ForecastCommand.self, VarianceCommand.self, CheckCommand.self, InitCommand.self,
                      FitCommand.self, BacktestCommand.self, EvaluateCommand.self],
        defaultSubcommand: ForecastCommand.self
    )
}
