import Foundation

/// Timing helpers and the one-line JSON output shared by every workload.
enum Report {
    /// Seconds on the monotonic clock.
    static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// The fastest of `repeats` runs of `body`, in seconds, and the last result.
    static func bestOf<Result>(_ repeats: Int, _ body: () throws -> Result) rethrows -> (seconds: Double, result: Result) {
        var best = Double.infinity
        var result: Result?
        for _ in 0..<max(1, repeats) {
            let start = now()
            result = try body()
            best = min(best, now() - start)
        }
        return (best, result!)
    }

    /// Prints `{"workload": …, "side": "outturn", …}` on one line.
    static func emit(_ workload: String, seconds: Double, _ fields: [String: Any] = [:]) {
        var object = fields
        object["workload"] = workload
        object["side"] = "outturn"
        object["seconds"] = seconds
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
