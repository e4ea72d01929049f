/// A whole report as one value, laid out once and written in every format by one writer
/// (ReportDocument+Writing.swift, which hands it to the format's own type in Reports/Formats/): a report (variance, compare, monitor, evaluate) only builds its
/// document and its JSON, and never lays out a format itself. The forecast's own writer streams its
/// lines (ForecastReportWriter.swift) on the same tables and run record.
///
/// Each format is a view of the same sections: the aligned text and Markdown show the tables (less
/// the columns a table hides there, such as a `Reason` column written as a "Why" list instead) and
/// the notes; the page shows every section; the workbook has a sheet per named table; CSV is the
/// main table; JSON is the report's own object. Every format but CSV ends with the run record.
package struct ReportDocument: Sendable {
    /// A table and how each format shows it.
    package struct Table: Sendable {
        /// The heading of its section (the page's `<h2>`; the text's line above the table when it is not the first).
        package var heading: String
        /// The table (its title is the page's caption).
        package var table: DocumentTable
        /// Said under the table (a legend, a rule), or nil.
        package var note: String?
        /// Whether the page shows ``note`` too (false when the page says it elsewhere, in its subtitle).
        package var noteOnPage = true
        /// The workbook sheet's name, or nil for no sheet.
        package var sheet: String?
        /// The formats that show it: by default every format that shows the document's tables (the text,
        /// Markdown, the page and, with a ``sheet``, the workbook; CSV writes the main table and JSON the
        /// report's own object whatever this says), so that a new format shows them too.
        package var formats: Set<OutputFormat> = Set(OutputFormat.allCases)
        /// Columns left out, by format (the page leaves out `Method` and `Reason`, said below it).
        package var hiddenColumns: [OutputFormat: Set<String>] = [:]

        /// A table section; see the properties for each parameter.
        package init(heading: String, table: DocumentTable, note: String? = nil, noteOnPage: Bool = true, sheet: String? = nil,
                     formats: Set<OutputFormat> = Set(OutputFormat.allCases), hiddenColumns: [OutputFormat: Set<String>] = [:]) {
            self.heading = heading
            self.table = table
            self.note = note
            self.noteOnPage = noteOnPage
            self.sheet = sheet
            self.formats = formats
            self.hiddenColumns = hiddenColumns
        }

        /// The table as `format` shows it: every column but the hidden ones.
        package func view(for format: OutputFormat) -> DocumentTable {
            guard let hidden = hiddenColumns[format], !hidden.isEmpty else { return table }
            let kept = table.columns.indices.filter { !hidden.contains(table.columns[$0]) }
            return DocumentTable(title: table.title, columns: kept.map { table.columns[$0] },
                                 rows: table.rows.map { row in kept.map { row[$0] } },
                                 footer: table.footer.map { row in kept.map { row[$0] } })
        }
    }

    /// One part of the report.
    package enum Section: Sendable {
        /// A table (see ``Table``).
        case table(Table)
        /// Charts under a heading, with a note (the page only: text has no charts).
        case charts(heading: String, [SVGChart], note: String?)
        /// Named paragraphs under a heading: the reasons (text `Why:` list, Markdown list, page).
        case notes(heading: String, [PageSection.Note])
    }

    /// The short title: the page's heading and `<title>`, the workbook's title (`Variance 2021/22`).
    package var title: String
    /// The first line of the text table and the Markdown heading, which says what the figures are
    /// (`Variance 2021/22: budget − actual (negative = overspent)`).
    package var heading: String
    /// The page's line under its title, or nil.
    package var subtitle: String?
    /// The page's summary block, or nil.
    package var summary: PageSummary?
    /// The sections, in order.
    package var sections: [Section]

    /// A document; see the properties for each parameter.
    package init(title: String, heading: String, subtitle: String? = nil, summary: PageSummary? = nil, sections: [Section]) {
        self.title = title
        self.heading = heading
        self.subtitle = subtitle
        self.summary = summary
        self.sections = sections
    }

    /// The first table: what CSV writes (every column).
    package var mainTable: DocumentTable? {
        for section in sections { if case .table(let table) = section { return table.table } }
        return nil
    }
}
