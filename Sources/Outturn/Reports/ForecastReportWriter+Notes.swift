extension ForecastReportWriter {
    /// The notes after the legend, one paragraph each: every line's status counted with its budget
    /// and expected overspend (before any `--only` filter), what the shown selection is, and the
    /// closed lines left out.
    static func notes(_ outcome: ForecastOutcome, selection: String?) -> [String] {
        var notes: [String] = []
        if let tally = outcome.tally {
            notes.append("Lines by status: " + RAG.allCases.map { rag in
                let entry = tally[rag]
                return "\(rag.rawValue) \(entry.lines) (budget \(entry.budget.formatted()); expected overspend \(entry.expectedOverspend.formatted()))"
            }.joined(separator: ", ") + ".")
        }
        if let selection { notes.append(selection) }
        if let year = outcome.ledgerLatestYear,
           let closed = ResolvedScenario.closedLinesNote(outcome.closedLines, latestYear: year) {
            notes.append(closed + ".")
        }
        return notes
    }

    /// The JSON keys after `total`: `statuses` (each status's lines, budget and expected overspend,
    /// over every line), `shown` (the selection, when filtered or sorted) and `closedLines`.
    static func notesJSON(_ outcome: ForecastOutcome, selection: String?) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = []
        if let tally = outcome.tally {
            pairs.append(("statuses", .object(RAG.allCases.map { rag in
                let entry = tally[rag]
                return (rag.rawValue, .object([("lines", .number(String(entry.lines))), ("budget", .money(entry.budget)),
                                               ("expectedOverspend", .money(entry.expectedOverspend))]))
            })))
        }
        if let selection { pairs.append(("shown", .string(selection))) }
        pairs.append(("closedLines", .array(outcome.closedLines.map { line in
            .object([("line", .string(line.name)), ("lastYear", .string(line.lastYear.description)),
                     ("ledgerLine", .number(String(line.sourceLine)))])
        })))
        return pairs
    }

    /// Said under every forecast table that shows money rounded to the pound (table, Markdown, HTML):
    /// a reader who adds up a column should not take a pound's difference for an error.
    static let roundingNote = "Figures are rounded to the nearest pound, so they may not add up exactly."
}
