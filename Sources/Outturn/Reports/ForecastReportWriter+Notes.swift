extension ForecastReportWriter {
    /// Said under every forecast table that shows money rounded to the pound (table, Markdown, HTML):
    /// a reader who adds up a column should not take a pound's difference for an error.
    static let roundingNote = "Figures are rounded to the nearest pound, so they may not add up exactly."
}
