extension OutputFormat {
    /// The format a file name asks for by its extension (case-insensitive): `.csv`, `.json`,
    /// `.md`/`.markdown`, `.html`/`.htm`, `.xlsx`, and `.txt` for the table; nil for any other
    /// extension or none (the planner then writes the table).
    public init?(fileName: String) {
        let base = fileName.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? fileName
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return nil }
        switch base[base.index(after: dot)...].lowercased() {
        case "csv": self = .csv
        case "json": self = .json
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        case "xlsx": self = .xlsx
        case "txt", "text": self = .table
        default: return nil
        }
    }
}
