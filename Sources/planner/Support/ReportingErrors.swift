import ArgumentParser
import Foundation
import Outturn

/// Runs a command's body and turns every data error into the planner's contract:
/// the message on standard error (`FILE:LINE: message` for input problems, `FILE: message` for
/// output problems) and exit code 1.
/// Usage errors never reach here: ArgumentParser reports them itself with exit code 64.
/// When the reader of standard output goes away (`planner variance | head`), the planner stops
/// quietly with exit code 0, as the reader asked for no more.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch is OutputClosed {
        throw ExitCode(0)
    } catch let error as InputError {
        printError(error.description)
        throw ExitCode(1)
    } catch let error as OutputError {
        printError(error.description)
        throw ExitCode(1)
    } catch {
        printError("error: \(error)")
        throw ExitCode(1)
    }
}

/// Writes `message` and a newline to standard error. A failure to write there is ignored: there
/// is nowhere left to report it, and the exit code still says what happened.
func printError(_ message: String) {
    var bytes = Array((message + "\n").utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        bytes = bytes.dropFirst(written)
    }
}
