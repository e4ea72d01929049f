/// The one writer of a ``ReportDocument`` in every ``OutputFormat``: adding a format, or changing how
/// one lays out a table, a note or the run record, touches this file only.
extension ReportDocument {
    /// Writes a report in `format` to `sink` (text formats end with a newline): JSON is `json(run)`, the
    /// report's own object with `run` as its last key; CSV the document's main table (one table per
    /// file; its record is the `FILE.run.json` sidecar); every other format the document, ending with `run`.
    /// `document` is only built for the formats that need it.
    /// - Throws: the sink's ``InputError``; what `document` throws; `Workbook.TooLarge` beyond Excel's limits.
    package static func write(as format: OutputFormat, run: RunRecord?, to sink: ReportSink,
                              json: (RunRecord?) -> String, document: () throws -> ReportDocument) throws {
        switch format {
        case .json: try sink.write(json(run))
        case .csv: try sink.write(try document().mainTable?.textTable.renderedAsCSV() ?? "")
        case .table: try sink.write(try document().text(run: run))
        case .markdown: try sink.write(try document().markdown(run: run))
        case .html: try sink.write(try document().page(run: run).html())
        case .xlsx: try sink.write(bytes: try document().workbook(run: run).data())
        }
    }

    /// Aligned text: the heading, each table (after the first, under its heading) with its note, each
    /// list of notes as `Why:` lines, then the run record's footer.
    package func text(run: RunRecord?) -> String {
        var out = DisplayText.escaped(heading) + "\n\n"
        var first = true
        for section in sections {
            switch section {
            case .table(let table) where table.formats.contains(.table):
                if !first { out += "\n" + DisplayText.escaped(table.heading) + "\n" }
                out += table.view(for: .table).textTable.renderedAsText()
                if let note = table.note { out += "\n" + note + "\n" }
                first = false
            case .notes(let heading, let notes):
                out += "\n\(heading):\n" + notes.map { "  \(DisplayText.escaped($0.subject)): \(DisplayText.escaped($0.text))\n" }.joined()
            case .table, .charts:
                break
            }
        }
        return out + (run?.textFooter() ?? "")
    }

    /// GitHub Markdown: the heading (`##`), each table (after the first, under a `###` heading) with its
    /// note, each list of notes as a list (`- **subject**: text`), then the run record's footer.
    package func markdown(run: RunRecord?) -> String {
        var out = "## " + DisplayText.escaped(heading) + "\n\n"
        var first = true
        for section in sections {
            switch section {
            case .table(let table) where table.formats.contains(.markdown):
                if !first { out += "\n### " + DisplayText.escaped(table.heading) + "\n\n" }
                out += table.view(for: .markdown).textTable.renderedAsMarkdown()
                if let note = table.note { out += "\n" + note + "\n" }
                first = false
            case .notes(_, let notes):
                out += "\n" + notes.map { "- **\(DisplayText.escaped($0.subject))**: \(DisplayText.escaped($0.text))\n" }.joined()
            case .table, .charts:
                break
            }
        }
        return out + (run?.markdownFooter ?? "")
    }

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

    /// The workbook: a sheet per table with a sheet name, then the Run sheet of `run` (none when nil).
    package func workbook(run: RunRecord?) -> Workbook {
        var sheets: [Workbook.Sheet] = sections.compactMap { section in
            guard case .table(let table) = section, let name = table.sheet, table.formats.contains(.xlsx) else { return nil }
            return Workbook.Sheet(name: name, table: table.view(for: .xlsx))
        }
        if let run { sheets.append(.run(run)) }
        return Workbook(title: title, sheets: sheets)
    }
}

extension DocumentTable {
    /// The table as the aligned-text, CSV and Markdown writers lay it out (``ReportTable``): a RAG as
    /// its word (`red`), an empty cell blank.
    package var textTable: ReportTable {
        ReportTable(columns: columns, rows: rows.map { $0.map(\.textCell) }, footer: footer.map { $0.map(\.textCell) })
    }
}

extension DocumentCell {
    /// The cell in a text, CSV or Markdown table: the same value, a RAG as its word (`red`, as in the
    /// JSON), nothing as a blank text cell.
    package var textCell: ReportCell {
        switch self {
        case .text(let text): return .text(text)
        case .money(let money): return .money(money)
        case .percent(let value): return .percent(value)
        case .probability(let p): return .probability(p)
        case .quantity(let value): return .quantity(value)
        case .number(let value): return .number(value)
        case .rag(let rag): return .text(rag.rawValue)
        case .empty: return .text("")
        }
    }
}

extension JSONValue {
    /// The object with `run` (the run record) as its last key; unchanged when `run` is nil or it is not an object.
    package func appending(run: RunRecord?) -> JSONValue {
        guard let run, case .object(let pairs) = self else { return self }
        return .object(pairs + [("run", run.json)])
    }
}
