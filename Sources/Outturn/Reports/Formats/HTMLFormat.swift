/// `--format html` (and `.html`): one self-contained page (inline CSS and SVG charts, no scripts),
/// laid out whole from the document (``ReportPage``): the summary comes before the tables.
package struct HTMLFormat: ReportFormatWriter {
    package var fileExtensions: [String] { ["html", "htm"] }
    package var isDocument: Bool { true }

    /// The document's page (``ReportDocument/page(run:)``).
    package func write(run: RunRecord?, to sink: ReportSink, json: (RunRecord?) -> String,
                       document: () throws -> ReportDocument) throws {
        try sink.write(try document().page(run: run).html())
    }

    /// The forecast's page, from every line kept until the end (``ForecastReport/page(ledger:run:)``;
    /// the fan charts show each line's past from the context's ledger).
    package func forecastStream(_ context: ForecastStreamContext) -> any ForecastStream {
        WholeForecastStream(context) { report, context, run in
            try context.sink.write(try report.page(ledger: context.ledger, run: run).html())
        }
    }
}

extension ReportDocument {
    /// The HTML page: the summary, every section, then the audit trail of `run` (none when nil).
    package func page(run: RunRecord?) -> ReportPage {
        var pageSections: [PageSection] = sections.compactMap { section in
            switch section {
            case .table(let table):
                guard table.formats.contains(.html) else { return nil }
                return PageSection(heading: table.heading, content: .table(table.view(for: .html), note: table.noteOnPage ? table.note : nil))
            case .charts(let heading, let charts, let note):
                return PageSection(heading: heading, content: .charts(charts, note: note))
            case .notes(let heading, let notes):
                return PageSection(heading: heading, content: .notes(notes))
            }
        }
        if let run { pageSections.append(.auditTrail(run)) }
        return ReportPage(title: title, subtitle: subtitle, summary: summary, sections: pageSections)
    }
}
