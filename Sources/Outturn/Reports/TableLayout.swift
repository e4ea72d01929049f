/// The one layout of a table in each text format: how its header, a body row, a rule and a footer
/// (total) row are written. Each layout lives in its format's file (Reports/Formats/):
/// ``TableLayout/Aligned`` in AlignedTextFormat.swift, ``TableLayout/CSV`` in CSVFormat.swift,
/// ``TableLayout/Markdown`` in MarkdownFormat.swift. Both table writers call them: a whole
/// ``ReportTable`` (every report's document, ``ReportTable/renderedAsText()`` and its siblings) and
/// the forecast's rows as they stream in (the format's `ForecastStream`, whose rows are prepared on
/// worker threads and, for aligned text, spooled until every width is known). So changing how a
/// format lays out a table (how Markdown escapes a pipe, how CSV quotes a field) touches that
/// format's file only.
///
/// Every function is pure and the types are `Sendable`: rows may be laid out on any thread.
package enum TableLayout {}
