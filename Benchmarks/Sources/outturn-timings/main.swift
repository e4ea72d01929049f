// outturn-timings: the Outturn side of `make bench-peers`. Each workload prints one JSON object
// per line, in the same shape as Benchmarks/peers/peer_workloads.py, so run.sh can pair them.
// The ordo-one suites (`make bench`) are the place for allocation counts and percentiles; this
// driver exists so the peer script can time Outturn and Python in one run with the same inputs.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else {
    FileHandle.standardError.write(Data("usage: outturn-timings <workload> [--option value]…\n".utf8))
    exit(64)
}
let options = Options(arguments.dropFirst())

switch command {
case "batch-trend": BatchTrendTiming.run(options)
case "least-squares": LeastSquaresTiming.run(options)
case "ets": SmoothingTiming.run(options)
case "auto": AutoTiming.run(options)
case "simulation": SimulationTiming.run(options)
case "ledger-read": LedgerReadTiming.run(options)
case "decimal-check": DecimalCheck.run(options)
default:
    FileHandle.standardError.write(Data("outturn-timings: unknown workload '\(command)'\n".utf8))
    exit(64)
}
