/// Everything one ``OutputFormat`` knows about writing a report: which file names ask for it, how a
/// whole report (a ``ReportDocument`` and the report's own JSON) is written in it, and how the
/// forecast's lines are written as their blocks stream in. Each format is one type in its own file
/// in Reports/Formats/ (AlignedTextFormat, CSVFormat, JSONFormat, MarkdownFormat, HTMLFormat,
/// XLSXFormat), and ``OutputFormat/writer`` names the type of each case: adding a format is a new
/// file here plus its case there. The two writers of reports, `ReportDocument.write` and
/// `ForecastReportWriter`, never ask which format they write; they call its writer.
package protocol ReportFormatWriter: Sendable {
    /// The file-name extensions that ask for the format (lower case, without the dot), the usual one
    /// first (the name of a file the planner writes beside the report, such as `FILE.md`).
    var fileExtensions: [String] { get }

    /// Whether the output is bytes, not text (not for a terminal). False unless a format says so.
    var isBinary: Bool { get }

    /// Whether the report is laid out whole (a page, a workbook: the summary comes first) rather than
    /// written row by row. False unless a format says so.
    var isDocument: Bool { get }

    /// Writes a whole report to `sink` (text ends with a newline): the format decides what of it to
    /// write, `json(run)` (the report's own JSON object, `run` its last key) or the document (built
    /// only when called) ending with the run record `run` (none when nil).
    /// - Throws: the sink's ``OutputError``; what `document` throws; `Workbook.TooLarge` beyond Excel's limits.
    func write(run: RunRecord?, to sink: ReportSink, json: (RunRecord?) -> String,
               document: () throws -> ReportDocument) throws

    /// A writer of `planner forecast`'s report in this format that takes the lines a block at a time
    /// (``ForecastStream``), for ``ForecastReportWriter``.
    func forecastStream(_ context: ForecastStreamContext) -> any ForecastStream
}

extension ReportFormatWriter {
    package var isBinary: Bool { false }
    package var isDocument: Bool { false }
}
