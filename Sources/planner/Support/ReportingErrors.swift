import ArgumentParser
import Foundation
import Outturn

/// Runs a command's body and turns every data error into the planner's contract:
/// the message on standard error (`FILE:LINE: message` for file problems) and exit code 1.
/// Usage errors never reach here: ArgumentParser reports them itself with exit code 64.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as InputError {
        printError(error.description)
        throw ExitCode(1)
    } catch {
        printError("error: \(error)")
        throw ExitCode(1)
    }
}

/// Writes `message` and a newline to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
