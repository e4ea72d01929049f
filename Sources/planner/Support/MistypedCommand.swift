import Foundation
import Outturn

/// Catches a mistyped subcommand before ArgumentParser reads it as the default command's scenario
/// file (`planner forcast` would otherwise say "cannot read 'forcast'").
enum MistypedCommand {
    /// The commands a first argument may name (ArgumentParser adds `help`).
    static var names: [String] {
        Planner.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }

    /// A usage message when `arguments[0]` is close to a command name, is not one, and is not a file
    /// that exists (a scenario called `forcast` is still read); nil otherwise.
    static func message(for arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !names.contains(first),
              !FileManager.default.fileExists(atPath: first),
              let suggestion = ClosestName.match(first, among: names) else { return nil }
        return "Error: unknown command '\(DisplayText.escaped(DisplayText.shortened(first)))' (did you mean '\(suggestion)'?)\n"
            + "Commands: \(names.joined(separator: ", ")). See 'planner --help'."
    }
}
