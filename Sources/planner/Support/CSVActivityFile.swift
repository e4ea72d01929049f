import Foundation
import Outturn

/// `forecast --format csv` writes one table per file, so that pandas, Power Query and Excel read
/// each file as it is: the lines (and the total) go to FILE, the activity table to FILE-activity.csv
/// beside it. On standard output there is room for one table only: the lines; a note on standard
/// error says how to get the activity too (docs/planner.md, "CSV output").
enum CSVActivityFile {
    /// `forecast.csv` → `forecast-activity.csv`; a name without `.csv` gets `-activity.csv` appended.
    static func path(beside output: String) -> String {
        let url = URL(fileURLWithPath: output)
        let base = url.pathExtension.lowercased() == "csv" ? url.deletingPathExtension().lastPathComponent : url.lastPathComponent
        let directory = (output as NSString).deletingLastPathComponent
        let name = base + "-activity.csv"
        return directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
    }

    /// The activity file of a CSV forecast written to `output`, opened atomically (never over one of
    /// `inputs` nor over `output` itself); nil when the format is not CSV, there is no activity, or
    /// the report goes to standard output (then a note goes to standard error).
    static func open(format: OutputFormat, output: String?, hasActivity: Bool, inputs: [String]) throws -> AtomicOutputFile? {
        guard format == .csv, hasActivity else { return nil }
        guard let output else {
            FileHandle.standardError.write(Data(("planner: CSV on standard output holds the lines table only (one table per file); "
                + "give --output FILE.csv to write the activity table to FILE-activity.csv too\n").utf8))
            return nil
        }
        return try OutputFile.open(path(beside: output), refusingToOverwrite: inputs + [output])
    }
}
