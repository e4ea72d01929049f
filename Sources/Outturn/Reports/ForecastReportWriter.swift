import Foundation

/// Writes a forecast report in any ``OutputFormat`` as its lines arrive, byte for byte as
/// ``ForecastReport/rendered(as:)`` would, without holding the report: CSV, JSON and Markdown rows
/// go straight to the sink; the aligned table keeps its rows in a ``ReportSpool`` (memory, then a
/// temporary file) until the total is known and every column's width with it.
public final class ForecastReportWriter {
    private let format: OutputFormat
    private let scenario: Scenario
    private let sink: ReportSink
    private let columns: [String]
    private let intervalKeys: [String]
    private var count = 0
    private var spool: ReportSpool?
    private var widths: [Int]
    private var numeric: [Bool]

    /// A writer of `scenario`'s forecast to `sink` in `format`; the table format keeps up to
    /// `spoolMemoryLimit` bytes of rows in memory, the rest in a temporary file.
    public init(format: OutputFormat, scenario: Scenario, sink: ReportSink, spoolMemoryLimit: Int = 4 << 20) {
        self.format = format
        self.scenario = scenario
        self.sink = sink
        columns = ForecastReport.lineColumns(scenario)
        intervalKeys = ForecastReport.intervalKeys(scenario)
        // The table leaves the reason out of its columns (it follows as notes).
        widths = columns.dropLast().map(\.count)
        numeric = Array(repeating: false, count: columns.count - 1)
        if format == .table { spool = ReportSpool(memoryLimit: spoolMemoryLimit) }
    }

    /// A line's row, rendered as far as it can be without the other lines (thread-safe: see ``preparer``).
    public struct PreparedLine: Sendable {
        /// CSV, JSON or Markdown: the finished text; table: unused.
        let text: String
        /// Table: every display cell, the reason last; other formats: empty.
        let display: [String]
        /// Whether each cell is a number (right-aligned; Markdown's alignment row).
        let numeric: [Bool]
    }

    /// Renders lines into ``PreparedLine``s; a value that worker threads may use at once.
    public struct Preparer: Sendable {
        let format: OutputFormat
        let intervalKeys: [String]

        /// The row of `risk` in this format.
        public func prepare(_ risk: RiskAssessment) -> PreparedLine {
            let cells = ForecastReport.lineCells(risk)
            let numeric = cells.map(\.isNumeric)
            switch format {
            case .table:
                return PreparedLine(text: "", display: cells.map(\.display), numeric: numeric)
            case .csv:
                return PreparedLine(text: cells.map(\.csv).joined(separator: ",") + "\n", display: [], numeric: numeric)
            case .json:
                return PreparedLine(text: ForecastReport.jsonObject(risk, keys: intervalKeys).render(indent: 2), display: [],
                                    numeric: numeric)
            case .markdown:
                return PreparedLine(text: "| " + cells.map { ForecastReportWriter.markdownEscaped($0.display) }.joined(separator: " | ") + " |\n",
                                    display: [], numeric: numeric)
            }
        }
    }

    /// The preparer for this writer's format (for ``ForecastRun/run(_:blockSize:threads:prepare:sink:)``).
    public var preparer: Preparer { Preparer(format: format, intervalKeys: intervalKeys) }

    /// Writes one line's row (lines in report order).
    public func add(_ risk: RiskAssessment) throws { try add(preparer.prepare(risk)) }

    /// Writes one prepared row (lines in report order).
    public func add(_ line: PreparedLine) throws {
        defer { count += 1 }
        switch format {
        case .table:
            try remember(line.display, numeric: line.numeric)
        case .csv:
            if count == 0 { try sink.write(columns.map { CSVEscaping.field(CSVEscaping.neutralised($0)) }.joined(separator: ",") + "\n") }
            try sink.write(line.text)
        case .json:
            try sink.write((count == 0 ? "{\n  \"year\": \(JSONValue.string(scenario.targetYear.description).render(indent: 1)),\n  \"lines\": [\n" : ",\n")
                           + "    " + line.text)
        case .markdown:
            if count == 0 { try writeMarkdownHeader(numeric: line.numeric) }
            try sink.write(line.text)
        }
    }

    /// Writes the total, the legend and notes, and the activity section.
    public func finish(total: RiskAssessment, activity: [ActivityProjection]) throws {
        let year = scenario.targetYear
        let totalCells = ForecastReport.lineCells(total)
        let legend = ForecastReport.legend(scenario)
        let activityTable = ForecastReport.activityTable(activity, scenario: scenario)
        switch format {
        case .table:
            try remember(totalCells.map(\.display), numeric: totalCells.map(\.isNumeric))
            try sink.write("Forecast \(year): projected spend against budget (scenario \(DisplayText.escaped(scenario.fileName)))\n\n")
            let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            try sink.write(aligned(columns.dropLast().map { $0 }) + rule)
            var index = 0
            try spool!.forEach { row in
                if index == count { try sink.write(rule) }
                try sink.write(aligned(Array(row.dropLast())))
                index += 1
            }
            try sink.write("\n" + legend + "\n\nWhy:\n")
            try spool!.forEach { row in try sink.write("  \(row[0]): \(row.last!)\n") }
            if !activity.isEmpty {
                try sink.write("\nActivity \(year)\n\n" + activityTable.renderedAsText() + "\nWhy:\n")
                for item in activity { try sink.write("  \(DisplayText.escaped(item.series)): \(DisplayText.escaped(item.reason))\n") }
            }
        case .csv:
            if count == 0 { try sink.write(columns.map { CSVEscaping.field(CSVEscaping.neutralised($0)) }.joined(separator: ",") + "\n") }
            try sink.write(totalCells.map(\.csv).joined(separator: ",") + "\n")
            if !activity.isEmpty { try sink.write("\n" + activityTable.renderedAsCSV()) }
        case .json:
            try sink.write(count == 0 ? "{\n  \"year\": \(JSONValue.string(year.description).render(indent: 1)),\n  \"lines\": []"
                           : "\n  ]")
            try sink.write(",\n  \"total\": " + ForecastReport.jsonObject(total, keys: intervalKeys).render(indent: 1)
                           + ",\n  \"activity\": " + ForecastReport.activityJSON(activity, keys: intervalKeys).render(indent: 1)
                           + "\n}\n")
        case .markdown:
            if count == 0 { try writeMarkdownHeader(numeric: totalCells.map(\.isNumeric)) }
            try sink.write("| " + totalCells.map { $0.display.isEmpty ? "" : "**" + ForecastReportWriter.markdownEscaped($0.display) + "**" }
                .joined(separator: " | ") + " |\n")
            try sink.write("\n" + legend + "\n")
            if !activity.isEmpty { try sink.write("\n### Activity \(year)\n\n" + activityTable.renderedAsMarkdown()) }
        }
    }

    /// Spools a table row (display texts, the reason last) and widens the columns to fit it.
    private func remember(_ display: [String], numeric: [Bool]) throws {
        for index in widths.indices {
            widths[index] = max(widths[index], display[index].count)
            if numeric[index] { self.numeric[index] = true }
        }
        try spool!.append(display)
    }

    /// One aligned table line: numbers right, text left, two spaces apart, no trailing spaces.
    private func aligned(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
            let pad = String(repeating: " ", count: widths[index] - cell.count)
            return numeric[index] ? pad + cell : cell + pad
        }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
    }

    /// Markdown heading and alignment rows; a column is numeric when its cells are (the same kind in every row).
    private func writeMarkdownHeader(numeric: [Bool]) throws {
        var text = "## Forecast \(scenario.targetYear)\n\n"
        text += "| " + columns.map(ForecastReportWriter.markdownEscaped).joined(separator: " | ") + " |\n"
        text += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        try sink.write(text)
    }

    static func markdownEscaped(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
