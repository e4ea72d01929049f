/// `--format json` (and `.json`): each report's own JSON object, amounts in pounds as numbers, the
/// run record as its last key `run`. The format only decides that the report's JSON is written: what
/// the object holds is the report's (its `json(run:)`, the forecast's `ForecastReportWriter.jsonObject`).
package struct JSONFormat: ReportFormatWriter {
    package var fileExtensions: [String] { ["json"] }

    /// `json(run)`: the report's own object.
    package func write(run: RunRecord?, to sink: ReportSink, json: (RunRecord?) -> String,
                       document: () throws -> ReportDocument) throws {
        try sink.write(json(run))
    }

    package func forecastStream(_ context: ForecastStreamContext) -> any ForecastStream { JSONForecastStream(context) }
}

/// The forecast's JSON object, written as it streams: `year`, `lines` (each line's object as it
/// comes), `groups` (with groups), `total`, the notes' keys, `activity` and `run`.
final class JSONForecastStream: ForecastStream {
    private let context: ForecastStreamContext
    /// Lines written so far.
    private var count = 0

    init(_ context: ForecastStreamContext) { self.context = context }

    /// A row's object, indented as an element of `lines` or `groups`. Pure.
    private static func prepare(_ row: ForecastReportWriter.Row, keys: [String]) -> String {
        ForecastReportWriter.jsonObject(row, keys: keys).render(indent: 2)
    }

    private var opening: String {
        "{\n  \"year\": \(JSONValue.string(context.scenario.targetYear.description).render(indent: 1)),\n  \"lines\": "
    }

    func add(_ block: [RiskAssessment]) throws {
        let keys = context.intervalKeys
        for row in context.rows(of: block, { JSONForecastStream.prepare($0, keys: keys) }) {
            try context.sink.write((count == 0 ? opening + "[\n" : ",\n") + "    " + row)
            count += 1
        }
    }

    func finish(_ end: ForecastStreamEnd) throws {
        let keys = context.intervalKeys, outcome = end.outcome
        try context.sink.write(count == 0 ? opening + "[]" : "\n  ]")
        if context.grouped {
            let groupRows = end.groups.map { JSONForecastStream.prepare(.group($0), keys: keys) }
            try context.sink.write(",\n  \"groups\": "
                                   + (groupRows.isEmpty ? "[]" : "[\n" + groupRows.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]"))
        }
        try context.sink.write(",\n  \"total\": " + ForecastReportWriter.jsonObject(.total(outcome.total), keys: keys).render(indent: 1)
                               + ForecastReportWriter.notesJSON(outcome, selection: end.selection).map {
                                   ",\n  " + JSONValue.string($0.0).render(indent: 1) + ": " + $0.1.render(indent: 1)
                               }.joined()
                               + ",\n  \"activity\": " + ForecastReportWriter.activityJSON(outcome.activity, keys: keys).render(indent: 1)
                               + (end.runRecord.map { ",\n  \"run\": " + $0.json.render(indent: 1) } ?? "")
                               + "\n}\n")
    }
}
